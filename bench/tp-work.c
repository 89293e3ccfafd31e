/*
 * tp-work (bench/tprof.sh): a fixed amount of CPU-bound work, timed by
 * itself, to measure what a sampling profiler costs its target.
 *
 *	tp-work [-t threads] [-n rounds] [-l nlib -d dir] [-w] [-e file]
 *	tp-work -c
 *
 * Each of -t threads (default 1) runs -n rounds (default 50000). Without
 * -l a round is two calls of local functions, 10,000 and 30,000 turns of
 * a multiply-add loop. With -l, the program first dlopens dir/libtpN.so
 * for N = 0 .. nlib-1 (built from bench/tp-lib.c with -DN=N) and a round
 * calls each of their four functions tpN_0 .. tpN_3, which run 2,000,
 * 4,000, 6,000 and 8,000 turns: the time is spread over nlib objects and
 * 4 nlib functions. -w waits for a line on standard input before the
 * work starts (so a profiler can attach first).
 *
 * Prints "ns N": the wall time (CLOCK_MONOTONIC) of the work alone, from
 * its start to the last thread's end, and "cpu N": the CPU time of the
 * process over the same span (CLOCK_PROCESS_CPUTIME_ID, ns), which other
 * load on the machine does not inflate. -e writes the CLOCK_MONOTONIC time
 * in ns to file just before the program exits. -c only prints the
 * CLOCK_MONOTONIC time in ns.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

enum { Maxthread = 64, Nfn = 4 };

typedef unsigned long (*Fn)(unsigned long, unsigned long);

static long rounds = 50000;
static int nlib;
static Fn *fns;	/* nlib*Nfn functions of the libraries */
static volatile unsigned long sink;

static uint64_t
nsclock(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t
nsnow(void)
{
	return nsclock(CLOCK_MONOTONIC);
}

__attribute__((noinline)) static unsigned long
small(unsigned long x, unsigned long n)
{
	unsigned long i;

	for(i = 0; i < n; i++)
		x = x * 2862933555777941757ul + i;
	return x;
}

__attribute__((noinline)) static unsigned long
big(unsigned long x, unsigned long n)
{
	unsigned long i;

	for(i = 0; i < 3 * n; i++)
		x = x * 2862933555777941757ul + i;
	return x;
}

static void *
work(void *arg)
{
	unsigned long x;
	long r;
	int i;

	x = (unsigned long)(uintptr_t)arg;
	for(r = 0; r < rounds; r++){
		if(nlib == 0){
			x = small(x, 10000);
			x = big(x, 10000);
		}else
			for(i = 0; i < nlib * Nfn; i++)
				x = fns[i](x, 2000);
	}
	sink = x;
	return NULL;
}

static void
loadlibs(const char *dir)
{
	char path[4096], name[64];
	void *h;
	int i, j;

	fns = malloc((size_t)nlib * Nfn * sizeof fns[0]);
	if(fns == NULL){
		fprintf(stderr, "tp-work: out of memory\n");
		exit(1);
	}
	for(i = 0; i < nlib; i++){
		snprintf(path, sizeof path, "%s/libtp%d.so", dir, i);
		h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
		if(h == NULL){
			fprintf(stderr, "tp-work: %s\n", dlerror());
			exit(1);
		}
		for(j = 0; j < Nfn; j++){
			snprintf(name, sizeof name, "tp%d_%d", i, j);
			*(void **)&fns[i * Nfn + j] = dlsym(h, name);
			if(fns[i * Nfn + j] == NULL){
				fprintf(stderr, "tp-work: %s: no %s\n", path, name);
				exit(1);
			}
		}
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: tp-work [-t threads] [-n rounds] [-l nlib -d dir] [-w] [-e file]\n"
		"       tp-work -c\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	pthread_t t[Maxthread];
	const char *dir, *stamp;
	char line[64];
	uint64_t t0, t1, c0, c1;
	int c, i, nthread, wait_;
	FILE *f;

	nthread = 1;
	wait_ = 0;
	dir = ".";
	stamp = NULL;
	while((c = getopt(argc, argv, "cd:e:l:n:t:w")) != -1)
		switch(c){
		case 'c':
			printf("%llu\n", (unsigned long long)nsnow());
			return 0;
		case 'd':
			dir = optarg;
			break;
		case 'e':
			stamp = optarg;
			break;
		case 'l':
			nlib = atoi(optarg);
			break;
		case 'n':
			rounds = atol(optarg);
			break;
		case 't':
			nthread = atoi(optarg);
			break;
		case 'w':
			wait_ = 1;
			break;
		default:
			usage();
		}
	if(optind != argc || nthread < 1 || nthread > Maxthread || nlib < 0 || rounds < 0)
		usage();
	if(nlib > 0)
		loadlibs(dir);
	if(wait_ && fgets(line, sizeof line, stdin) == NULL)
		return 1;
	c0 = nsclock(CLOCK_PROCESS_CPUTIME_ID);
	t0 = nsnow();
	for(i = 1; i < nthread; i++)
		if(pthread_create(&t[i], NULL, work, (void *)(uintptr_t)i) != 0){
			fprintf(stderr, "tp-work: pthread_create failed\n");
			return 1;
		}
	work(NULL);
	for(i = 1; i < nthread; i++)
		pthread_join(t[i], NULL);
	t1 = nsnow();
	c1 = nsclock(CLOCK_PROCESS_CPUTIME_ID);
	printf("ns %llu\ncpu %llu\n", (unsigned long long)(t1 - t0), (unsigned long long)(c1 - c0));
	if(fflush(stdout) != 0)
		return 1;
	if(stamp != NULL){
		f = fopen(stamp, "w");
		if(f == NULL){
			perror(stamp);
			return 1;
		}
		fprintf(f, "%llu\n", (unsigned long long)nsnow());
		if(fclose(f) != 0)
			return 1;
	}
	return 0;
}
