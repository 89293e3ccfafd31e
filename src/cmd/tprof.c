/* tprof: PC-sampling profile of a live process and of all that share its text. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/base.h"
#include "sym/sym.h"
#include "tick/tick.h"
#include "live/live.h"

/* What the options asked for. */
typedef struct Opt Opt;
struct Opt
{
	int aflag;		/* list the samples outside the text */
	int cflag;		/* the arguments are a command to run */
	int pflag;		/* the ptrace sampler */
	const char *file;	/* -f: report from this saved profile */
	const char *save;	/* -o: save the profile here */
	const char *pprof;	/* -P: write it for pprof here */
	double secs;		/* -t */
	uint64_t period;	/* -i, in ns */
};

static volatile sig_atomic_t stop;
static int child;	/* a launched command, killed if tprof fails */
static Outfile out;	/* -o's */

static _Noreturn void
usage(void)
{
	fprintf(stderr, "usage: tprof [-ap] [-i usec] [-o file] [-P file] [-t seconds] pid [binary]\n"
		"       tprof [-ap] [-i usec] [-o file] [-P file] [-t seconds] -c command [arg ...]\n"
		"       tprof [-P file] -f file binary\n");
	exit(2);
}

static _Noreturn void
fatal(void)
{
	fprintf(stderr, "tprof: %s\n", errstr());
	if(child > 0)
		kill(child, SIGKILL);
	exit(1);
}

static void
onsignal(int sig)
{
	(void)sig;
	stop = 1;
}

/* SIGINT, SIGTERM and SIGHUP end the sampling, not tprof; a perf fd per thread needs a high file limit. */
static void
setup(void)
{
	struct sigaction sa;
	struct rlimit rl;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = onsignal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if(getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max){
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

static double
number(const char *s, double min, double max)
{
	char *e;
	double v;

	errno = 0;
	v = strtod(s, &e);
	if(e == s || *e != '\0' || errno != 0 || !(v >= min && v <= max))
		usage();
	return v;
}

static void
options(int *argc, char ***argv, Opt *o)
{
	int c;

	memset(o, 0, sizeof *o);
	o->period = 1000000;
	opterr = 0;
	/* +: a command's own options are its own */
	while((c = getopt(*argc, *argv, "+acf:i:o:P:pt:")) != -1)
		switch(c){
		case 'a':
			o->aflag = 1;
			break;
		case 'c':
			o->cflag = 1;
			break;
		case 'f':
			o->file = optarg;
			break;
		case 'i':
			o->period = (uint64_t)number(optarg, 10, 1e6) * 1000;
			break;
		case 'o':
			o->save = optarg;
			break;
		case 'P':
			o->pprof = optarg;
			break;
		case 'p':
			o->pflag = 1;
			break;
		case 't':
			o->secs = number(optarg, 0.001, 1e9);
			break;
		default:
			usage();
		}
	*argc -= optind;
	*argv += optind;
	if(o->file != NULL && (o->aflag || o->cflag || o->pflag || o->save || o->secs > 0
	|| o->period != 1000000 || *argc != 1))
		usage();
	if(o->file == NULL && (*argc < 1 || (!o->cflag && *argc > 2)))
		usage();
}

/* The pid argument, or usage. */
static int
pidarg(const char *s)
{
	char *e;
	long v;

	errno = 0;
	v = strtol(s, &e, 10);
	if(e == s || *e != '\0' || errno != 0 || v <= 0 || v > INT_MAX)
		usage();
	return (int)v;
}

/* Plan 9's text base: the first text symbol rounded down to the machine's page, pg. */
static uint64_t
textbase(const Symtab *t, uint64_t pg)
{
	return t->sym[0].value & ~(pg - 1);
}

/* The samples outside the text, by module and symbol (tprof -a). */
static void
outsiders(const Tally *ta, const Ticks *t, const Symtab *syms)
{
	Outside *o;
	size_t i;

	o = outsidesums(ta, syms);
	if(o == NULL)
		fatal();
	for(i = 0; i < o->nwarn; i++)
		fprintf(stderr, "tprof: %s; its samples show as ?\n", o->warn[i]);
	printoutside(stdout, t, o);
	outsidefree(o);
}

/*
 * Plan 9's report of t against syms; with ta, the samples outside too;
 * with ppfile, the rows for pprof there (tp: their ticks' time).
 */
static void
report(const Ticks *t, uint64_t base, Symtab *syms, const Tally *ta, const char *ppfile, const Tickpp *tp)
{
	Space space = {0};
	Tickrow *rows;
	size_t n;
	int r;

	if(spaceadd(&space, syms, 0) < 0)
		fatal();
	spaceetext(&space);	/* Plan 9's table ends with etext, which gets no ticks */
	if(ticksums(t, &space, &rows, &n) < 0)
		fatal();
	r = printtprof(stdout, t, base, rows, n);
	if(ta != NULL && t->total > 0)
		outsiders(ta, t, syms);
	if(fflush(stdout) != 0 || ferror(stdout)){
		fprintf(stderr, "tprof: standard output: write error\n");
		exit(1);
	}
	if(ppfile != NULL && tickpprof(ppfile, rows, n, &space, tp) < 0)
		fatal();
	if(r < 0)
		fatal();	/* no counts */
	free(rows);
	spacefree(&space);
}

/* Words of a profile of the text of t: 8-byte buckets from base to its end rounded up to pg. */
static size_t
textwords(const Symtab *t, uint64_t base, uint64_t pg)
{
	uint64_t end;

	end = (t->end + pg - 1) & ~(pg - 1);
	return (end - base) / 8 < 2 ? 2 : (end - base) / 8;
}

/* Do the buckets and the outside count of saved profile t stay within its total? Else fatal. */
static void
bucketsum(const Ticks *t, const char *file)
{
	uint64_t sum;
	size_t j;

	sum = t->outside;
	for(j = t->first; j < t->nword; j++)
		sum += t->word[j];	/* 32-bit words, fewer than 2^30: no wrap */
	if(sum > t->total){
		werrstr("%s: its buckets and outside count hold more ticks (%" PRIu64 ") than its total (%" PRIu64 ")",
			file, sum, t->total);
		fatal();
	}
}

/*
 * tprof -f file binary: the report of a saved profile. Plan 9's, for an
 * a.out, is in its machine's byte order and runs to the end of its text
 * rounded up to the kernel's page (no bigger than libmach's); ours, for
 * an ELF file, to the end rounded up to this host's page, in whichever
 * order it adds up (see ticksbig). Its ticks are Plan 9's ms; ppfile
 * as report's.
 */
static int
fromfile(const char *file, const char *binary, const char *ppfile)
{
	Tickpp tp = {binary, 1000000, 1, 0, 0};
	unsigned char *buf;
	uint64_t base;
	size_t n, lo, hi;
	Symtab *syms;
	Ticks *t;
	Aout m;

	syms = symprog(binary, &m);
	if(syms == NULL)
		fatal();
	base = textbase(syms, m.pgsize);
	lo = textwords(syms, base, m.arch != NULL ? 8 : m.pgsize);
	hi = textwords(syms, base, m.pgsize);
	buf = readfile(file, &n);
	if(buf == NULL)
		fatal();
	if(!(m.arch != NULL ? m.bigendian : ticksbig(buf, n, m.bigendian)))
		ticksswap(buf, n);
	if((t = ticks9parse(buf, n, base, file)) == NULL)
		fatal();
	free(buf);
	if(t->nword < lo)
		werrstr("%s: truncated: %zu words, where the text of %s needs %zu", file, t->nword, binary, lo);
	else if(t->nword > hi)
		werrstr("%s: %zu words, more than the %zu the text of %s needs: not its profile", file,
			t->nword, hi, binary);
	if(t->nword < lo || t->nword > hi)
		fatal();
	bucketsum(t, file);
	report(t, base, syms, NULL, ppfile, &tp);
	ticksfree(t);
	symfree(syms);
	return 0;
}

/* Is binary the program pid runs: the same build-id, or without one the same segments? */
static void
checkbinary(const char *binary, int pid)
{
	Elfload a, b;
	char exe[64];

	snprintf(exe, sizeof exe, "/proc/%d/exe", pid);
	if(elfload(binary, &a) < 0 || elfload(exe, &b) < 0)
		fatal();
	if(a.idlen > 0 || b.idlen > 0){
		if(a.idlen == b.idlen && memcmp(a.buildid, b.buildid, a.idlen) == 0)
			return;
		werrstr("%s: not the program pid %d runs (build-id differs)", binary, pid);
		fatal();
	}
	if(a.nseg != b.nseg || memcmp(a.seg, b.seg, a.nseg * sizeof a.seg[0]) != 0){
		werrstr("%s: not the program pid %d runs (its segments differ)", binary, pid);
		fatal();
	}
}

/* The symbols of pid's text: binary's, else its file's, by its name if still there; its machine in *m. */
static Symtab *
textsyms(int pid, const Text *x, const char *binary, char *exe, size_t nexe, Aout *m)
{
	struct stat st;
	Symtab *t;

	snprintf(exe, nexe, "/proc/%d/exe", pid);
	if(binary != NULL){
		checkbinary(binary, pid);
		t = symprog(binary, m);
	}else if(stat(x->path, &st) == 0 && st.st_dev == x->dev && st.st_ino == x->ino)
		t = symprog(x->path, m);	/* its name, for errors */
	else
		t = symprog(exe, m);	/* deleted or replaced: the file it runs */
	if(t == NULL)
		fatal();
	return t;
}

/* Sample, with perf events unless they are refused or -p says otherwise. */
static void
sample(Sampling *s, const Opt *o)
{
	int r;

	if(o->pflag){
		fprintf(stderr, "tprof: using the ptrace sampler (-p)\n");
		r = ptsample(s);
	}else if((r = perfsample(s)) == Srefused){
		fprintf(stderr, "tprof: %s; using the ptrace sampler\n", errstr());
		r = ptsample(s);
	}
	if(r < 0)
		fatal();
}

/* The launched command, once sampling is over: stopped early, it is terminated. */
static void
finish(Sampling *s, const char *cmd)
{
	int st;

	st = s->childstatus;
	if(!s->childdone){
		endchild(s->child);
		return;
	}
	if(WIFEXITED(st) && WEXITSTATUS(st) != 0)
		fprintf(stderr, "tprof: %s: exit status %d\n", cmd, WEXITSTATUS(st));
	else if(WIFSIGNALED(st))
		fprintf(stderr, "tprof: %s: %s\n", cmd, strsignal(WTERMSIG(st)));
}

/* What the reader should know about how the samples were taken. */
static void
caveats(const Sampling *s)
{
	char buf[32];
	FILE *f;

	if(s->nokernel){
		buf[0] = '\0';
		if((f = fopen("/proc/sys/kernel/perf_event_paranoid", "r")) != NULL){
			if(fgets(buf, sizeof buf, f) == NULL)
				buf[0] = '\0';
			fclose(f);
		}
		buf[strcspn(buf, "\n")] = '\0';
		fprintf(stderr, "tprof: time in the kernel is not sampled (kernel.perf_event_paranoid is %s); "
			"fix: sysctl kernel.perf_event_paranoid=1, or give tprof CAP_PERFMON\n", buf);
	}
	if(s->lost > 0)
		fprintf(stderr, "tprof: %llu samples lost: the ring buffers overflowed\n", (unsigned long long)s->lost);
	if(s->throttled)
		fprintf(stderr, "tprof: the kernel throttled sampling (see kernel.perf_event_max_sample_rate)\n");
	if(s->period != 1000000)
		fprintf(stderr, "tprof: a sample is %g µs of CPU time: counts are samples, not ms\n", s->period / 1000.0);
}

/* The processes running x to start with: pid's, and any other. */
static void
startprocs(Sampling *s, int pid)
{
	size_t i;
	int *v;

	if(textprocs(s->text, &s->pids, &s->npids) < 0)
		fatal();
	for(i = 0; i < s->npids && s->pids[i] != pid; i++)
		;
	if(i < s->npids)
		return;
	v = realloc(s->pids, (s->npids + 1) * sizeof *v);
	if(v == NULL){
		werrstr("out of memory");
		fatal();
	}
	v[s->npids++] = pid;
	s->pids = v;
}

int
main(int argc, char *argv[])
{
	Sampling s = {0};
	struct timespec t0;
	int64_t m0;
	Tickpp tp;
	const Ticks *t;
	Ticks w;
	uint64_t base;
	Symtab *syms;
	char exe[64];
	Text x;
	Opt o;
	Aout m;
	int pid;

	options(&argc, &argv, &o);
	if(o.file != NULL)
		return fromfile(o.file, argv[0], o.pprof);
	setup();
	if(o.save != NULL && outcreate(&out, o.save) < 0)
		fatal();
	pid = o.cflag ? launch(argv) : pidarg(argv[0]);
	if(pid < 0)
		fatal();
	if(o.cflag)
		child = pid;
	if(textof(pid, &x) < 0)
		fatal();
	syms = textsyms(pid, &x, !o.cflag && argc > 1 ? argv[1] : NULL, exe, sizeof exe, &m);
	s.tally = tallynew(&x, exe, syms, (unsigned)sysconf(_SC_PAGESIZE));
	if(s.tally == NULL)
		fatal();
	s.text = &x;
	s.period = o.period;
	s.stop = &stop;
	s.deadline = o.secs > 0 ? nsnow() + (int64_t)(o.secs * 1e9) : 0;
	if(o.cflag)
		s.child = pid;
	else
		startprocs(&s, pid);
	clock_gettime(CLOCK_REALTIME, &t0);
	m0 = nsnow();
	sample(&s, &o);
	tp.object = !o.cflag && argc > 1 ? argv[1] : x.path;
	tp.tickns = o.period;
	tp.tickper = 1;
	tp.timens = (int64_t)t0.tv_sec * 1000000000 + t0.tv_nsec;
	tp.durationns = nsnow() - m0;
	if(o.cflag)
		finish(&s, argv[0]);
	child = 0;
	caveats(&s);
	if(!o.cflag && s.allgone && s.nsample == 0){
		werrstr("pid %d: exited before the first sample", pid);
		fatal();
	}
	t = tallyticks(s.tally, &base);
	w = *t;
	w.little = !m.bigendian;	/* the machine's byte order, as Plan 9's /proc/pid/profile */
	if(o.save != NULL && ticks9write(&w, &out) < 0)
		fatal();
	report(t, base, syms, o.aflag ? s.tally : NULL, o.pprof, &tp);
	tallyfree(s.tally);
	symfree(syms);
	textfree(&x);
	free(s.pids);
	return 0;
}
