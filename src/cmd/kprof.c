/* kprof: the kernel's profile, from Plan 9 kpdata or Linux /proc/profile; and a recorder of kpdata. */
#include <ctype.h>
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/base.h"
#include "sym/sym.h"
#include "tick/tick.h"
#include "live/live.h"
#include "kern/kern.h"

static volatile sig_atomic_t stop;

static _Noreturn void
usage(void)
{
	fprintf(stderr, "usage: kprof [-9l] [-H hz] [-P file] kernel kpdata\n"
		"       kprof -o kpdata [-t seconds] [command [arg ...]]\n");
	exit(2);
}

static _Noreturn void
fatal(void)
{
	fprintf(stderr, "kprof: %s\n", errstr());
	exit(1);
}

static void
onsignal(int sig)
{
	(void)sig;
	stop = 1;
}

/* A positive number from an option's argument, or usage. */
static double
number(const char *s)
{
	char *e;
	double v;

	v = strtod(s, &e);
	if(e == s || *e != '\0' || !(v > 0) || v > 1e9)
		usage();
	return v;
}

/* -H's argument: a whole number of Hz, 1 to 10^9, or usage. */
static unsigned
hzarg(const char *s)
{
	char *e;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &e, 10);
	if(e == s || *e != '\0' || errno != 0 || !isdigit((unsigned char)s[0]) || v == 0 || v > 1000000000)
		usage();
	return (unsigned)v;
}

/* The report of kpdata against the kernel's symbols; with ppfile, its rows for pprof there. Exit status. */
static int
report(const char *kernel, const char *kpdata, int format, unsigned hz, const char *ppfile)
{
	Tickpp tp = {kernel, 1000000, 1, 0, 0};
	unsigned char *buf;
	Tickrow *rows;
	size_t n, nrows;
	Space s;
	Ksyms *k;
	Ticks *t;
	int mapped, r;

	k = ksymread(kernel);
	if(k == NULL)
		fatal();
	if(k->kind == Kaout && format == Kpauto)
		format = Kpplan9;	/* a Plan 9 kernel's data is kpdata */
	buf = kpmap(kpdata, &n, &mapped);
	if(buf == NULL)
		fatal();
	t = kpparse(buf, n, &format, k, kpdata);
	if(t == NULL)
		fatal();
	memset(&s, 0, sizeof s);
	if(spaceadd(&s, k->tab, 0) < 0)
		fatal();
	if(format == Kpplan9)
		spaceetext(&s);	/* Plan 9's table ends with etext, which gets no ticks */
	if(ticksums(t, &s, &rows, &nrows) < 0)
		fatal();
	r = printkprof(stdout, t, k->text, k->tab->sym[0].value, k->pgsize ? k->pgsize : (unsigned)sysconf(_SC_PAGESIZE),
		hz, rows, nrows);
	fflush(stdout);
	if(hz > 0){	/* a tick as the report counts it */
		tp.tickns = 1000000000;
		tp.tickper = hz;
	}
	if(ppfile != NULL && tickpprof(ppfile, rows, nrows, &s, &tp) < 0)
		fatal();
	free(rows);
	spacefree(&s);
	ticksfree(t);
	kpunmap(buf, n, mapped);
	ksymfree(k);
	if(r < 0)
		fatal();
	if(ferror(stdout)){
		fprintf(stderr, "kprof: standard output: write error\n");
		return 1;
	}
	return 0;
}

/* Run argv in a child that waits for a byte on *go before its exec. Its pid. */
static int
spawn(char **argv, int *go)
{
	int p[2], pid;
	char c;

	if(pipe(p) < 0){
		werrstr("pipe: %s", strerror(errno));
		fatal();
	}
	pid = fork();
	if(pid < 0){
		werrstr("fork: %s", strerror(errno));
		fatal();
	}
	if(pid == 0){
		close(p[1]);
		if(read(p[0], &c, 1) != 1)
			_exit(127);	/* kprof failed before recording */
		close(p[0]);
		execvp(argv[0], argv);
		fprintf(stderr, "kprof: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(p[0]);
	*go = p[1];
	return pid;
}

/*
 * The status kprof ends with: the command's, as sh says it (128 + n if
 * signal n ended it; so 143 if kprof cut it short with SIGTERM).
 */
static int
childexit(int st)
{
	if(WIFEXITED(st))
		return WEXITSTATUS(st);
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 1;
}

/*
 * Record kpdata into file for secs seconds (0: until interrupted) or
 * while argv runs (ended early, it is terminated). Exit status.
 */
static int
record(const char *file, double secs, char **argv)
{
	struct sigaction sa;
	Outfile out;
	Krec r;
	Ksyms *k;
	Ticks *t;
	int go;

	if(outcreate(&out, file) < 0)
		fatal();
	k = ksymread("/proc/kallsyms");
	if(k == NULL)
		fatal();
	memset(&r, 0, sizeof r);
	r.base = k->text;
	r.etext = k->etext;
	r.period = 1000000;	/* a sample per ms of CPU time: a Plan 9 tick */
	r.stop = &stop;
	ksymfree(k);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = onsignal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	go = -1;
	if(argv[0] != NULL)
		r.child = spawn(argv, &go);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);	/* after the fork: the command keeps its own */
	if(secs > 0)
		r.deadline = nsnow() + (int64_t)(secs * 1e9);
	r.go = go;	/* the command starts once sampling runs; if it never does, it ends before its exec */
	t = krecord(&r);
	if(t == NULL){
		if(r.go >= 0)
			close(r.go);
		if(r.child > 0)
			waitpid(r.child, NULL, 0);
		fatal();
	}
	/* ended by -t or a signal: the command too, as tprof -c's */
	if(r.child > 0 && !r.childdone){
		r.childstatus = endchild(r.child);
		r.childdone = 1;
	}
	if(ticks9write(t, &out) < 0)
		fatal();
	ticksfree(t);
	if(r.lost > 0)
		fprintf(stderr, "kprof: %llu samples lost\n", (unsigned long long)r.lost);
	if(r.child > 0 && r.childstatus != 0)
		return childexit(r.childstatus);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *out, *ppfile;
	double secs;
	unsigned hz;
	int c, format;

	/* big buffers from the heap, kept when freed: the next one reuses their pages */
	mallopt(M_MMAP_THRESHOLD, 1 << 30);
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	format = Kpauto;
	hz = 0;
	out = ppfile = NULL;
	secs = 0;
	while((c = getopt(argc, argv, "+9lH:o:P:t:")) != -1)
		switch(c){
		case '9':
			format = Kpplan9;
			break;
		case 'l':
			format = Kplinux;
			break;
		case 'H':
			hz = hzarg(optarg);
			break;
		case 'o':
			out = optarg;
			break;
		case 'P':
			ppfile = optarg;
			break;
		case 't':
			secs = number(optarg);
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if(out != NULL){
		if(format != Kpauto || hz != 0 || ppfile != NULL)
			usage();
		return record(out, secs, argv);
	}
	if(argc != 2 || secs != 0)
		usage();
	return report(argv[0], argv[1], format, hz, ppfile);
}
