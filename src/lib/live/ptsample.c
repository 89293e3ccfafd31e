/*
 * The ptrace sampler, for when perf events are refused: it needs only
 * the right to trace the processes. Every period of wall time, each
 * thread that is running or ready to run (state R in /proc) is
 * interrupted (PTRACE_INTERRUPT); stopped, its CPU time is read
 * (/proc/.../schedstat, in ns) and its pc gets a sample for each period
 * it ran since its last sample. So, like the perf sampler's, samples
 * measure CPU time, and a sleeping thread is never stopped. (Choosing by
 * CPU time alone would be biased: the kernel brings a running thread's
 * time up to date mostly when it makes a system call, so the stops would
 * fall just after system calls.) Threads and processes the traced ones create are traced
 * from their birth (PTRACE_O_TRACECLONE, _FORK, _VFORK); processes that
 * start the program on their own are found by scanning /proc every 100 ms.
 * Time in the kernel shows at the pc of the system call.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "live/live.h"

#ifndef NT_PRSTATUS
#define NT_PRSTATUS 1
#endif

typedef struct Pthr Pthr;
typedef struct Pt Pt;

enum { Trun, Tstopped, Tlisten };	/* Pthr.state */

struct Pthr
{
	int tid;		/* 0: free slot; -1: deleted */
	int pid;
	int fd;			/* its schedstat (or stat), -1 if gone */
	int sfd;		/* its stat, for its state */
	int state;
	int pending;		/* interrupted, the stop not yet seen */
	uint64_t last;		/* CPU time (ns) at the last reading */
	uint64_t credit;	/* CPU time not yet sampled */
};

struct Pt
{
	Sampling *s;
	Pthr *t;		/* open addressing by tid */
	size_t used, cap;	/* used counts deleted slots too */
	size_t live;
	int detaching;
	int usestat;		/* no schedstat: clock ticks from stat */
	long hz;
};

enum
{
	Opts = PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC,
	Scanns = 100 * 1000 * 1000,
};

static size_t
tidhash(int tid, size_t cap)
{
	return ((uint64_t)(unsigned)tid * 0x9E3779B97F4A7C15u >> 24) & (cap - 1);
}

static Pthr *
find(Pt *pt, int tid)
{
	size_t h;

	if(pt->cap == 0)
		return NULL;
	for(h = tidhash(tid, pt->cap); pt->t[h].tid != 0; h = (h + 1) & (pt->cap - 1))
		if(pt->t[h].tid == tid)
			return &pt->t[h];
	return NULL;
}

/* Rebuild the table, twice the live threads' room at least. 0 or -1. */
static int
grow(Pt *pt)
{
	Pthr *t, *old;
	size_t i, h, cap;

	for(cap = 64; cap < 4 * (pt->live + 1); cap *= 2)
		;
	t = calloc(cap, sizeof *t);
	if(t == NULL)
		return -1;
	old = pt->t;
	for(i = 0; i < pt->cap; i++){
		if(old[i].tid <= 0)
			continue;
		for(h = tidhash(old[i].tid, cap); t[h].tid != 0; h = (h + 1) & (cap - 1))
			;
		t[h] = old[i];
	}
	free(old);
	pt->t = t;
	pt->cap = cap;
	pt->used = pt->live;
	return 0;
}

/* Thread tid's CPU time in ns, or the last reading if it cannot be read. */
static uint64_t
cputime(Pt *pt, Pthr *t)
{
	char buf[512], *p;
	unsigned long long ut, st;
	ssize_t n;
	int i;

	if(t->fd < 0 || (n = pread(t->fd, buf, sizeof buf - 1, 0)) <= 0)
		return t->last;
	buf[n] = '\0';
	if(!pt->usestat)
		return strtoull(buf, NULL, 10);
	/* stat: utime and stime are fields 14 and 15, counted after the command name */
	p = strrchr(buf, ')');
	for(i = 2; p != NULL && i < 14; i++)
		p = strchr(p + 1, ' ');
	if(p == NULL || sscanf(p, "%llu %llu", &ut, &st) != 2)
		return t->last;
	return (ut + st) * (1000000000 / pt->hz);
}

/* Add thread tid of process pid (fresh: traced since its birth), stopped; NULL if out of memory. */
static Pthr *
add(Pt *pt, int tid, int pid, int fresh)
{
	char path[96];
	size_t h;
	Pthr *t;

	if((t = find(pt, tid)) != NULL)
		return t;
	if(2 * (pt->used + 1) > pt->cap && grow(pt) < 0)
		return NULL;
	for(h = tidhash(tid, pt->cap); pt->t[h].tid > 0; h = (h + 1) & (pt->cap - 1))
		;
	t = &pt->t[h];
	if(t->tid == 0)
		pt->used++;
	memset(t, 0, sizeof *t);
	t->tid = tid;
	t->pid = pid;
	snprintf(path, sizeof path, "/proc/%d/task/%d/%s", pid, tid, pt->usestat ? "stat" : "schedstat");
	t->fd = open(path, O_RDONLY | O_CLOEXEC);
	snprintf(path, sizeof path, "/proc/%d/task/%d/stat", pid, tid);
	t->sfd = open(path, O_RDONLY | O_CLOEXEC);
	/* a thread born traced is sampled from its birth; one found running, from now */
	t->last = fresh ? 0 : cputime(pt, t);
	t->state = Tstopped;
	pt->live++;
	return t;
}

static void
del(Pt *pt, Pthr *t)
{
	if(t->fd >= 0)
		close(t->fd);
	if(t->sfd >= 0)
		close(t->sfd);
	t->tid = -1;
	pt->live--;
}

/* The pc of stopped thread tid, or 0. */
static uint64_t
pcof(int tid)
{
	struct user_regs_struct r;
	struct iovec iov;

	iov.iov_base = &r;
	iov.iov_len = sizeof r;
	if(ptrace(PTRACE_GETREGSET, tid, NT_PRSTATUS, &iov) < 0)
		return 0;
#if defined(__x86_64__)
	if(iov.iov_len == 17 * 4)	/* a 32-bit process: eip is the 13th word */
		return ((uint32_t *)&r)[12];
	return r.rip;
#elif defined(__i386__)
	return r.eip;
#elif defined(__aarch64__)
	return r.pc;
#else
#error "ptsample.c: say where this machine's pc is in user_regs_struct"
#endif
}

/* Stopped thread t: a sample for each period it ran since the last. */
static void
settle(Pt *pt, Pthr *t)
{
	uint64_t now, n, pc;

	now = cputime(pt, t);
	if(now > t->last)
		t->credit += now - t->last;
	t->last = now;
	t->pending = 0;
	n = t->credit / pt->s->period;
	if(n == 0)
		return;
	t->credit -= n * pt->s->period;
	pc = pcof(t->tid);
	tallystale(pt->s->tally, t->pid);	/* we do not see mmap: the maps of now */
	if(pc != 0 && tallysample(pt->s->tally, t->pid, pc, 0, n))
		pt->s->nsample += n;
}

/* Is thread t running or ready to run? */
static int
running(Pthr *t)
{
	char buf[256], *p;
	ssize_t n;

	if(t->sfd < 0 || (n = pread(t->sfd, buf, sizeof buf - 1, 0)) <= 0)
		return 0;
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p != NULL && p[1] == ' ' && p[2] == 'R';
}

/* Every period: interrupt the threads that are running. */
static void
tick(Pt *pt)
{
	size_t i;
	Pthr *t;

	for(i = 0; i < pt->cap; i++){
		t = &pt->t[i];
		if(t->tid > 0 && t->state == Trun && !t->pending && running(t)
		&& ptrace(PTRACE_INTERRUPT, t->tid, 0, 0) == 0)
			t->pending = 1;
	}
}

/* Let stopped thread t go on, with signal sig; or let it go for good. */
static void
resume(Pt *pt, Pthr *t, int sig)
{
	if(pt->detaching){
		ptrace(PTRACE_DETACH, t->tid, 0, sig);
		del(pt, t);
		return;
	}
	if(ptrace(PTRACE_CONT, t->tid, 0, sig) == 0)
		t->state = Trun;
	t->pending = 0;
}

/* The process (thread group) of tid, from /proc, or tid. */
static int
tgid(int tid)
{
	char path[64], line[128];
	int g;
	FILE *f;

	g = tid;
	snprintf(path, sizeof path, "/proc/%d/status", tid);
	if((f = fopen(path, "r")) == NULL)
		return g;
	while(fgets(line, sizeof line, f) != NULL)
		if(sscanf(line, "Tgid: %d", &g) == 1)
			break;
	fclose(f);
	return g;
}

/* Thread t created newtid (a thread, or a process if fork). */
static void
born(Pt *pt, Pthr *t, int fork)
{
	unsigned long msg;
	int pid;

	if(ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &msg) < 0 || msg == 0)
		return;
	pid = fork ? (int)msg : t->pid;
	if(fork)
		tallyfork(pt->s->tally, pid, t->pid);
	if(find(pt, (int)msg) == NULL)
		add(pt, (int)msg, pid, 1);	/* its first stop is still to come */
}

/* Thread t's process called exec: its other threads are gone, the mappings are new. */
static void
execd(Pt *pt, Pthr *t)
{
	unsigned long former;
	Pthr *o;
	size_t i;

	if(ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &former) == 0 && (int)former != t->tid
	&& (o = find(pt, (int)former)) != NULL)
		del(pt, o);
	for(i = 0; i < pt->cap; i++)
		if(pt->t[i].tid > 0 && pt->t[i].pid == t->pid && &pt->t[i] != t)
			del(pt, &pt->t[i]);
	tallyexec(pt->s->tally, t->pid);
	tallyreadmaps(pt->s->tally, t->pid);
	t->credit = 0;	/* a new program: count from here */
	t->last = cputime(pt, t);
	if(!tallyruns(pt->s->tally, t->pid)){
		ptrace(PTRACE_DETACH, t->tid, 0, 0);	/* another program now */
		del(pt, t);
		return;
	}
	resume(pt, t, 0);
}

/*
 * A PTRACE_EVENT_STOP: our interrupt or a new thread's first stop (the
 * signal is SIGTRAP), or a group-stop (the signal is the stop signal,
 * SIGSTOP or ^Z's SIGTSTP: the kernel reports that under PTRACE_SEIZE;
 * a thread found stopped also reports it when seized). A group-stop
 * stays stopped: PTRACE_LISTEN lets it wait, stopped, for a SIGCONT we
 * hear of. Detaching leaves it stopped too (the kernel keeps the group
 * stop in effect).
 */
static void
evstop(Pt *pt, Pthr *t, int sig)
{
	if(sig != SIGTRAP){
		t->pending = 0;
		if(pt->detaching){
			ptrace(PTRACE_DETACH, t->tid, 0, 0);
			del(pt, t);
		}else if(ptrace(PTRACE_LISTEN, t->tid, 0, 0) == 0)
			t->state = Tlisten;
		return;
	}
	if(!pt->detaching)
		settle(pt, t);
	resume(pt, t, 0);
}

/* What waitpid said of tid. */
static void
event(Pt *pt, int tid, int st)
{
	int ev, sig;
	Pthr *t;

	t = find(pt, tid);
	if(WIFEXITED(st) || WIFSIGNALED(st)){
		if(tid == pt->s->child){
			pt->s->childdone = 1;
			pt->s->childstatus = st;
		}
		if(t != NULL){
			if(t->pid == t->tid)
				tallyexit(pt->s->tally, t->pid);
			del(pt, t);
		}
		return;
	}
	if(!WIFSTOPPED(st))
		return;
	if(t == NULL && (t = add(pt, tid, tgid(tid), 1)) == NULL){
		ptrace(PTRACE_DETACH, tid, 0, 0);	/* no memory to follow it */
		return;
	}
	t->state = Tstopped;
	ev = st >> 16;
	sig = WSTOPSIG(st);
	if(ev == 0)
		resume(pt, t, sig);	/* a signal on its way: deliver it */
	else if(ev == PTRACE_EVENT_STOP)
		evstop(pt, t, sig);
	else if(ev == PTRACE_EVENT_EXEC && !pt->detaching)
		execd(pt, t);
	else{
		if(ev == PTRACE_EVENT_CLONE || ev == PTRACE_EVENT_FORK || ev == PTRACE_EVENT_VFORK)
			born(pt, t, ev != PTRACE_EVENT_CLONE);
		resume(pt, t, 0);
	}
}

/* Use every waitpid report there is. */
static void
reports(Pt *pt)
{
	int tid, st;

	while((tid = waitpid(-1, &st, __WALL | WNOHANG)) > 0)
		event(pt, tid, st);
}

/* The pid tracing thread tid, 0 if none or unknown. */
static int
tracerof(int tid)
{
	char path[64], line[128];
	int tracer;
	FILE *f;

	tracer = 0;
	snprintf(path, sizeof path, "/proc/%d/status", tid);
	if((f = fopen(path, "r")) != NULL){
		while(fgets(line, sizeof line, f) != NULL)
			if(sscanf(line, "TracerPid: %d", &tracer) == 1)
				break;
		fclose(f);
	}
	return tracer;
}

/* Why we may not trace pid, as the error. */
static void
traceerror(int pid, int err)
{
	long scope;
	int tracer;
	FILE *f;

	tracer = tracerof(pid);
	scope = 0;
	if((f = fopen("/proc/sys/kernel/yama/ptrace_scope", "r")) != NULL){
		if(fscanf(f, "%ld", &scope) != 1)
			scope = 0;
		fclose(f);
	}
	if(tracer > 0)
		werrstr("ptrace: pid %d: %s: pid %d traces it already", pid, strerror(err), tracer);
	else if(scope > 0 && err == EPERM)
		werrstr("ptrace: pid %d: %s: kernel.yama.ptrace_scope is %ld; fix: sysctl kernel.yama.ptrace_scope=0, "
			"or run tprof with CAP_SYS_PTRACE", pid, strerror(err), scope);
	else
		werrstr("ptrace: pid %d: %s", pid, strerror(err));
}

/* Trace every thread of pid, including those it starts meanwhile. 0, or -1 if we may not. */
static int
attachproc(Pt *pt, int pid, int quiet)
{
	size_t i, n, fresh, round;
	int *tid;
	Pthr *t;

	for(round = 0; round < 100; round++){
		if(proctasks(pid, &tid, &n) < 0)
			return 0;	/* gone */
		fresh = 0;
		for(i = 0; i < n; i++){
			if(find(pt, tid[i]) != NULL)
				continue;
			if(ptrace(PTRACE_SEIZE, tid[i], 0, Opts) < 0){
				/* ours already: a thread made since, whose clone event is still to be read */
				if(errno == ESRCH || quiet || tracerof(tid[i]) == getpid())
					continue;
				traceerror(pid, errno);
				free(tid);
				return -1;
			}
			if((t = add(pt, tid[i], pid, 0)) == NULL)
				continue;
			t->state = Trun;
			fresh++;
		}
		free(tid);
		if(fresh == 0)
			break;
	}
	tallyruns(pt->s->tally, pid);	/* read its mappings */
	return 0;
}

/* Trace the processes running the text that we do not trace yet. */
static void
rescan(Pt *pt)
{
	size_t i, n;
	int *pid;

	if(textprocs(pt->s->text, &pid, &n) < 0)
		return;
	for(i = 0; i < n; i++)
		attachproc(pt, pid[i], 1);
	free(pid);
}

/* Wait for a report or a signal, or until ns pass. */
static void
await(int64_t ns)
{
	struct timespec ts;
	sigset_t chld;

	if(ns < 0)
		ns = 0;
	ts.tv_sec = ns / 1000000000;
	ts.tv_nsec = ns % 1000000000;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigtimedwait(&chld, NULL, &ts);
}

/* The earliest of a, b and c, 0 meaning none. */
static int64_t
earliest(int64_t a, int64_t b, int64_t c)
{
	int64_t m;

	m = a;
	if(b > 0 && b < m)
		m = b;
	if(c > 0 && c < m)
		m = c;
	return m;
}

/* Sample until told to stop or every thread is gone. */
static void
run(Pt *pt)
{
	int64_t now, next, scan;
	Sampling *s;

	s = pt->s;
	next = nsnow() + (int64_t)s->period;
	scan = nsnow() + Scanns;
	for(;;){
		reports(pt);
		now = nsnow();
		if(pt->live == 0){
			rescan(pt);	/* the last word: is one running the program still? */
			if(pt->live == 0){
				s->allgone = 1;
				return;
			}
		}
		if(*s->stop || (s->deadline > 0 && now >= s->deadline))
			return;
		if(now >= next){
			tick(pt);
			next += s->period;
			if(next <= now)
				next = now + s->period;	/* we fell behind: no burst to catch up */
		}
		if(now >= scan){
			rescan(pt);
			scan = now + Scanns;
		}
		await(earliest(next, scan, s->deadline) - nsnow());
	}
}

/* Let every thread go; whatever does not stop within a second, our exit lets go. */
static void
detachall(Pt *pt)
{
	int64_t end;
	size_t i;
	Pthr *t;

	pt->detaching = 1;
	for(i = 0; i < pt->cap; i++){
		t = &pt->t[i];
		if(t->tid <= 0)
			continue;
		if(t->state == Tstopped)
			resume(pt, t, 0);
		else if(ptrace(PTRACE_INTERRUPT, t->tid, 0, 0) < 0 && errno == ESRCH)
			del(pt, t);
	}
	end = nsnow() + 1000000000;
	while(pt->live > 0 && nsnow() < end){
		reports(pt);
		if(pt->live > 0)
			await(10000000);
	}
	for(i = 0; i < pt->cap; i++)
		if(pt->t[i].tid > 0)
			del(pt, &pt->t[i]);
}

int
ptsample(Sampling *s)
{
	sigset_t chld, old;
	size_t i;
	Pthr *t;
	Pt pt;
	int r;

	memset(&pt, 0, sizeof pt);
	pt.s = s;
	pt.usestat = access("/proc/self/schedstat", R_OK) != 0;
	pt.hz = sysconf(_SC_CLK_TCK) > 0 ? sysconf(_SC_CLK_TCK) : 100;
	/* SIGCHLD stays pending, for sigtimedwait to see */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	r = 0;
	if(s->child > 0 && (t = add(&pt, s->child, s->child, 0)) != NULL){
		tallyreadmaps(s->tally, s->child);
		resume(&pt, t, 0);	/* from its exec stop */
	}
	for(i = 0; i < s->npids && r == 0; i++)
		r = attachproc(&pt, s->pids[i], 0);
	if(r == 0)
		run(&pt);
	detachall(&pt);
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(pt.t);
	return r;
}
