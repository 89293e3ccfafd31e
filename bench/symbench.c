/*
 * symbench: time the symbol reader, for bench/run.sh.
 *	symbench file [n]	load file's text symbols with symelf(), then look up
 *				n (default 1000000) pseudo-random addresses inside
 *				its text with symfind(); print one line:
 *				"nsym load_ns lookup_ns"
 *	symbench -t cmd [arg...]	run cmd with stdout on /dev/null; print its
 *				wall time in ns (exit 1 if cmd fails)
 * Every lookup is checked against Plan 9's rule after the timed loop.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/base.h"
#include "sym/sym.h"
#include "live/live.h"

/* xorshift64*: a fixed pseudo-random sequence, the same every run */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

static int
timecmd(char **argv)
{
	uint64_t t0, t1;
	pid_t pid;
	int st, fd;

	t0 = nsnow();
	pid = fork();
	if(pid < 0){
		perror("symbench: fork");
		return 1;
	}
	if(pid == 0){
		fd = open("/dev/null", O_WRONLY);
		if(fd >= 0)
			dup2(fd, 1);
		execvp(argv[0], argv);
		fprintf(stderr, "symbench: %s: cannot run\n", argv[0]);
		_exit(127);
	}
	if(waitpid(pid, &st, 0) < 0){
		perror("symbench: waitpid");
		return 1;
	}
	t1 = nsnow();
	if(!WIFEXITED(st) || WEXITSTATUS(st) != 0){
		fprintf(stderr, "symbench: %s failed\n", argv[0]);
		return 1;
	}
	printf("%" PRIu64 "\n", t1 - t0);
	return 0;
}

/* Does symbol j hold addr by Plan 9's rule? */
static int
holds(const Symtab *t, long j, uint64_t addr)
{
	uint64_t hi;

	if(j < 0)
		return 0;
	hi = (size_t)j + 1 < t->nsym ? t->sym[j + 1].value : t->end;
	return t->sym[j].value <= addr && addr < hi;
}

static int
lookups(const Symtab *t, size_t n, uint64_t *ns)
{
	uint64_t *addr, lo, span, seed, t0;
	long *idx;
	size_t i, bad;

	addr = malloc((n ? n : 1) * sizeof *addr);
	idx = malloc((n ? n : 1) * sizeof *idx);
	if(addr == NULL || idx == NULL){
		fprintf(stderr, "symbench: out of memory\n");
		return -1;
	}
	lo = t->sym[0].value;
	span = t->end - lo;
	seed = 0x9E3779B97F4A7C15ULL;
	for(i = 0; i < n; i++)
		addr[i] = lo + rnd(&seed) % span;
	t0 = nsnow();
	for(i = 0; i < n; i++)
		idx[i] = symfind(t, addr[i]);
	*ns = nsnow() - t0;
	bad = 0;
	for(i = 0; i < n; i++)
		if(!holds(t, idx[i], addr[i]))
			bad++;
	free(addr);
	free(idx);
	if(bad > 0){
		fprintf(stderr, "symbench: %zu of %zu lookups wrong\n", bad, n);
		return -1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	uint64_t t0, load, look;
	size_t n;
	Symtab *t;

	if(argc >= 3 && strcmp(argv[1], "-t") == 0)
		return timecmd(argv + 2);
	if(argc != 2 && argc != 3){
		fprintf(stderr, "usage: symbench file [n] | symbench -t cmd [arg...]\n");
		return 2;
	}
	n = argc == 3 ? strtoul(argv[2], NULL, 10) : 1000000;
	t0 = nsnow();
	t = symelf(argv[1]);
	load = nsnow() - t0;
	if(t == NULL){
		fprintf(stderr, "symbench: %s\n", errstr());
		return 1;
	}
	look = 0;
	if(lookups(t, n, &look) < 0){
		symfree(t);
		return 1;
	}
	printf("%zu %" PRIu64 " %" PRIu64 "\n", t->nsym, load, look);
	symfree(t);
	return 0;
}
