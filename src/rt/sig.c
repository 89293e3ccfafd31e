/*
 * Signals. A program ended by SIGHUP, SIGINT, SIGQUIT or SIGTERM with
 * the default action writes its profile, then dies of that signal; the
 * signal $profsignal names writes a snapshot, and profiling goes on; the
 * sigwait family, signalfd and sigpending never show the program sample
 * mode's tick.
 *
 * The runtime's handler takes the place of SIG_DFL only: at start, for
 * the signals whose action is the default, and whenever the program sets
 * the default again. The program's sigaction and signal calls go through
 * the wrappers here, which show it its own dispositions (SIG_DFL, with
 * the mask and flags it gave, where the runtime's handler is in place);
 * a handler of its own, or SIG_IGN, replaces the runtime's.
 *
 * A handler cannot write the profile itself: the signal may have
 * interrupted malloc, stdio, the loader or the runtime in its thread,
 * all of which writing uses. A child process made by the clone system
 * call (a copy of memory; no atfork handlers, no lock taken) writes it
 * while the handler waits, making only system calls. A child stuck on a
 * lock that some thread held at the copy, or one that crashed, is killed
 * and another made. The child runs on a stack of its own, mapped at
 * start: the signal may have come on a small one (a coroutine's, a
 * thread's of PTHREAD_STACK_MIN), too small for writing.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "proffile.h"
#include "rt.h"
#include "tree.h"

/* glibc's sigaction, under the name it keeps for itself (public in libc.so and libc.a) */
extern int __sigaction(int, const struct sigaction *, struct sigaction *);

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000	/* the kernel's, which glibc's header leaves out */
#endif

enum
{
	Tries = 3,		/* writers made before giving up */
	Stuckms = 2000,		/* a writer that used no CPU for so long waits for a lock */
	Futexms = 20,		/* a writer so long in futex waits for a lock no thread will free */
	Maxms = 60000,		/* a writer that takes longer is lost in a tree copied half made */
	Waitms = 10000,		/* the longest a dump waits for another to finish */
	Wstack = 1 << 20,	/* the writer's stack, a guard page below */
	Guard = 1 << 12,
};

static const int endsigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
static int snapsig;		/* $profsignal; 0 if none */
static struct sigaction view[_NSIG];	/* the program's SIG_DFL where the runtime's handler is */
static int writing;		/* a profile is being written (atomic): a handler's, or an in-process dump */
static int snapped;		/* a snapshot was written: prof.<pid> is this image's */
static sigset_t held;		/* the signals the runtime may handle */
static char *wstack;		/* the top of the writer's stack; NULL: it runs on the signal's */
static sigset_t intr;		/* siginterrupt's, as glibc's _sigintr: signal() sets no SA_RESTART */
static void (*restorer)(void);	/* glibc's sa_restorer, which its sigaction puts in every action */

/* libc's functions the wrappers call; NULL in a static program */
static Handler (*libcsignal)(int, Handler);
static Handler (*libcbsd)(int, Handler);
static Handler (*libcsysv)(int, Handler);
static int (*libcsigwait)(const sigset_t *, int *);
static int (*libcwaitinfo)(const sigset_t *, siginfo_t *);
static int (*libctimedwait)(const sigset_t *, siginfo_t *, const struct timespec *);
static int (*libcsignalfd)(int, const sigset_t *, int);
static int (*libcsigintr)(int, int);

static void onsignal(int sig, siginfo_t *si, void *uc);


/* Does the runtime handle sig where the program has the default? */
static int
ours(int sig)
{
	int i;

	if(sig == snapsig && sig != 0)
		return 1;
	for(i = 0; i < 4; i++)
		if(sig == endsigs[i])
			return 1;
	return 0;
}

static int
isours(const struct sigaction *k)
{
	return (k->sa_flags & SA_SIGINFO) != 0 && k->sa_sigaction == onsignal;
}

/* Put the runtime's handler in place for sig; the one it replaced in old. */
static int
take(int sig, struct sigaction *old)
{
	struct sigaction sa, k;
	int r;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = onsignal;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigfillset(&sa.sa_mask);	/* nothing else runs in the thread while it waits */
	r = __sigaction(sig, &sa, old);
	if(r == 0 && restorer == NULL && __sigaction(sig, NULL, &k) == 0 && (k.sa_flags & SA_RESTORER))
		restorer = k.sa_restorer;
	return r;
}

/* The action a as the kernel keeps it once glibc's sigaction has set it: the program's view. */
static struct sigaction
askept(const struct sigaction *a)
{
	struct sigaction v;

	v = *a;
	if(restorer != NULL){
		v.sa_flags |= SA_RESTORER;
		v.sa_restorer = restorer;
	}
	return v;
}

static void
setdefault(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	__sigaction(sig, &sa, NULL);
}

static void
sleepms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	while(nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Take the right to write a profile (writing), waiting up to ms for it: 1 if had. */
static int
grab(long ms)
{
	int zero;

	for(;;){
		zero = 0;
		if(__atomic_compare_exchange_n(&writing, &zero, 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return 1;
		if(ms-- <= 0)
			return 0;
		sleepms(1);
	}
}

static void
release(void)
{
	__atomic_store_n(&writing, 0, __ATOMIC_SEQ_CST);
}

static int
profiling(void)
{
	return rt.on && rt.pid == getpid();
}

/* The writer: this process's profile from its copy of memory; never returns. */
static __attribute__((noreturn)) void
writer(void)
{
	sigset_t all;

	sigfillset(&all);
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, NULL, _NSIG / 8);	/* ^C to the group too */
	thr = NULL;	/* the thread's tree is read as another's: it may be inside a hook */
	thrforkchild();	/* the other threads' trees from their TLS; the registry unlocked */
	syscall(SYS_exit_group, profdump() < 0);
	for(;;)
		;
}

/* The writer's CPU time so far, in ns; 0 if unknown. */
static uint64_t
cputime(pid_t pid)
{
	struct timespec ts;

	if(clock_gettime((clockid_t)((~(unsigned)pid << 3) | 2), &ts) < 0)	/* its process CPU clock */
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

/*
 * Is the writer pid waiting in futex (/proc/pid/syscall)? Alone in its
 * process, it waits for a lock held by a thread that is not there.
 */
static int
infutex(pid_t pid)
{
	char path[32], digits[12], buf[16];
	size_t i, n;
	unsigned v;
	ssize_t r;
	int fd;

	i = sizeof digits;
	v = (unsigned)pid;
	do
		digits[--i] = '0' + v % 10;
	while((v /= 10) > 0);
	n = sizeof digits - i;
	memcpy(path, "/proc/", 6);
	memcpy(path + 6, digits + i, n);
	memcpy(path + 6 + n, "/syscall", 9);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if(fd < 0)
		return 0;
	r = read(fd, buf, sizeof buf - 1);
	close(fd);
	if(r <= 0)
		return 0;
	buf[r] = '\0';
	for(v = 0, i = 0; buf[i] >= '0' && buf[i] <= '9'; i++)
		v = 10 * v + (unsigned)(buf[i] - '0');	/* the system call's number */
	return i > 0 && buf[i] == ' ' && v == SYS_futex;
}

/*
 * Wait for writer pid: 0 if it wrote the profile, 1 if it could not
 * (it said why), 2 if it was stuck (killed) or crashed.
 */
static int
await(pid_t pid)
{
	uint64_t last, now;
	long idle, ms, futex;
	int st;
	pid_t r;

	last = 0;
	futex = 0;
	for(idle = 0, ms = 0;; idle++, ms++){
		r = (pid_t)syscall(SYS_wait4, pid, &st, __WCLONE | WNOHANG, NULL);
		if(r == pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) != 0 : 2;
		if(r < 0 && errno != EINTR)
			return 0;	/* reaped by the program (wait with __WALL): it had finished */
		if((now = cputime(pid)) != last){
			last = now;
			idle = 0;
		}
		futex = idle > 0 && infutex(pid) ? futex + 1 : 0;
		if(idle >= Stuckms || futex >= Futexms || ms >= Maxms){
			kill(pid, SIGKILL);
			syscall(SYS_wait4, pid, &st, __WCLONE, NULL);
			return 2;
		}
		sleepms(1);
	}
}

/* What strerror says of the errors clone may give; strerror is not for a handler. */
static const char *
errtext(int e)
{
	switch(e){
	case EAGAIN:
		return "Resource temporarily unavailable";
	case ENOMEM:
		return "Cannot allocate memory";
	case ENOSPC:
		return "No space left on device";
	case EPERM:
		return "Operation not permitted";
	case EINVAL:
		return "Invalid argument";
	}
	return "Unknown error";
}

/* In a handler: write prof.<pid> from a child process. 0, or -1 (said why). */
static int
dumpfromchild(void)
{
	long pid;
	int i, r;

	for(i = 0; i < Tries; i++){
		pid = wclone(wstack, writer);
		if(pid < 0){
			rtsay("cannot write the profile: clone: ", errtext((int)-pid), "");
			return -1;
		}
		if((r = await((pid_t)pid)) != 2)
			return -r;
	}
	rtsay("cannot write the profile: its writer was stuck or crashed", "", "");
	return -1;
}

/*
 * The default action of sig, as if the runtime had no handler: the
 * process ends (or stops, or nothing happens); if it goes on, the
 * handler is put back.
 */
static void
asdefault(int sig)
{
	sigset_t s;

	setdefault(sig);
	raise(sig);
	sigemptyset(&s);
	sigaddset(&s, sig);
	pthread_sigmask(SIG_UNBLOCK, &s, NULL);
	take(sig, NULL);
}

/*
 * A signal that ends the program: its profile, then the default action.
 * The action is the default from here: the same signal again ends the
 * process at once. Another thread's dump (exit, exec, a snapshot) is
 * let finish first, for a while.
 */
static void
end(int sig)
{
	setdefault(sig);
	if(profiling()){
		if(!grab(Waitms))
			rtsay("cannot write the profile: another write did not end", "", "");
		else if(rt.on){
			dumpfromchild();
			rt.on = 0;
		}
	}
	asdefault(sig);
}

/* $profsignal: a snapshot of the profile in prof.<pid>; profiling goes on. */
static void
snapshot(int sig)
{
	if(!profiling()){
		asdefault(sig);
		return;
	}
	if(!grab(0))
		return;	/* a profile is being written just now */
	if(rt.on && dumpfromchild() == 0)
		snapped = 1;
	release();
}

static void
onsignal(int sig, siginfo_t *si, void *uc)
{
	int e;

	(void)si;
	(void)uc;
	e = errno;
	if(sig == snapsig)
		snapshot(sig);
	else
		end(sig);
	errno = e;
}

/*
 * An in-process dump (exit, exec, prof()) begins: the runtime's signals
 * wait in this thread, and a handler's dump in another is let finish.
 */
void
rtdumpbegin(sigset_t *old)
{
	pthread_sigmask(SIG_BLOCK, &held, old);
	grab(Waitms);
}

void
rtdumpend(const sigset_t *old)
{
	release();
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

/* A forked child: another thread's handler, writing in the parent, is not here. */
void
rtsigforkchild(void)
{
	release();
	snapped = 0;
}

/* Did this image write a snapshot (prof.<pid>)? */
int
rtsnapped(void)
{
	return snapped;
}

/* The program's sigaction: its own dispositions, the runtime's handler in place of its SIG_DFL. */
int
rtsigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sigaction a, k, was;
	int r;

	if(sig <= 0 || sig >= _NSIG || !ours(sig))
		return __sigaction(sig, act, old);
	was = view[sig];
	if(act == NULL)
		r = __sigaction(sig, NULL, &k);
	else if((a = *act).sa_handler == SIG_DFL){
		r = take(sig, &k);
		view[sig] = askept(&a);
	}else
		r = __sigaction(sig, &a, &k);
	if(r == 0 && old != NULL)
		*old = isours(&k) ? was : k;
	return r;
}

/*
 * signal and its variants, as glibc's: by libc's where the runtime has
 * nothing to do. BSD's (not sysv): sig masked in its handler, and calls
 * restarted unless siginterrupt said otherwise.
 */
static Handler
setsig(int sig, Handler h, Handler (*libc)(int, Handler), int sysv)
{
	struct sigaction a, old;

	if(libc != NULL && (sig <= 0 || sig >= _NSIG || !ours(sig)))
		return libc(sig, h);
	if(h == SIG_ERR || sig <= 0 || sig >= _NSIG){
		errno = EINVAL;
		return SIG_ERR;
	}
	memset(&a, 0, sizeof a);
	a.sa_handler = h;
	sigemptyset(&a.sa_mask);
	if(sysv)
		a.sa_flags = SA_RESETHAND | SA_NODEFER;
	else{
		a.sa_flags = sigismember(&intr, sig) ? 0 : SA_RESTART;
		sigaddset(&a.sa_mask, sig);
	}
	if(sigaction(sig, &a, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

Handler
rtsignal(int sig, Handler h)
{
	return setsig(sig, h, libcsignal, 0);
}

Handler
rtbsdsignal(int sig, Handler h)
{
	return setsig(sig, h, libcbsd, 0);
}

Handler
rtsysvsignal(int sig, Handler h)
{
	return setsig(sig, h, libcsysv, 1);
}

/*
 * siginterrupt, as glibc's: whether sig interrupts calls, now and in
 * the actions signal sets from here.
 */
int
rtsiginterrupt(int sig, int flag)
{
	struct sigaction a;

	if(libcsigintr != NULL && (sig <= 0 || sig >= _NSIG || !ours(sig)))
		return libcsigintr(sig, flag);
	if(sigaction(sig, NULL, &a) < 0)
		return -1;
	if(flag){
		sigaddset(&intr, sig);
		a.sa_flags &= ~SA_RESTART;
	}else{
		sigdelset(&intr, sig);
		a.sa_flags |= SA_RESTART;
	}
	return sigaction(sig, &a, NULL);
}

/*
 * System V's sigset, as glibc's (which sets the action with a sigaction
 * of its own, not this one): SIG_HOLD blocks sig; any other action is
 * set, sig unblocked. The action before, or SIG_HOLD if sig was blocked.
 */
Handler
rtsigset(int sig, Handler h)
{
	struct sigaction a, old;
	sigset_t s, was;

	if(h == SIG_ERR || sig <= 0 || sig >= _NSIG){
		errno = EINVAL;
		return SIG_ERR;
	}
	sigemptyset(&s);
	sigaddset(&s, sig);
	if(h == SIG_HOLD){
		if(sigprocmask(SIG_BLOCK, &s, &was) < 0)
			return SIG_ERR;
		if(sigismember(&was, sig))
			return SIG_HOLD;
		if(sigaction(sig, NULL, &old) < 0)
			return SIG_ERR;
		return old.sa_handler;
	}
	memset(&a, 0, sizeof a);
	a.sa_handler = h;
	sigemptyset(&a.sa_mask);
	if(sigaction(sig, &a, &old) < 0 || sigprocmask(SIG_UNBLOCK, &s, &was) < 0)
		return SIG_ERR;
	return sigismember(&was, sig) ? SIG_HOLD : old.sa_handler;
}

/* set without sample mode's tick, which is the runtime's */
static const sigset_t *
notick(const sigset_t *set, sigset_t *buf)
{
	if(set == NULL || rt.mech != Mticks || !sigismember(set, SIGVTALRM))
		return set;
	*buf = *set;
	sigdelset(buf, SIGVTALRM);
	return buf;
}

/*
 * rt_sigtimedwait as glibc's sigtimedwait makes it (a static program's):
 * a cancellation point, the thread cancelable at once while it waits
 * (a cancel pending is acted on as the type is set), as glibc 2.36's
 * SYSCALL_CANCEL makes it.
 */
static int
systimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *ts)
{
	int r, type, e;

	pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &type);
	r = (int)syscall(SYS_rt_sigtimedwait, set, info, ts, _NSIG / 8);
	e = errno;
	pthread_setcanceltype(type, NULL);
	errno = e;
	if(r > 0 && info != NULL && info->si_code == SI_TKILL)
		info->si_code = SI_USER;
	return r;
}

int
rtsigwait(const sigset_t *set, int *sig)
{
	sigset_t b;
	int r;

	set = notick(set, &b);
	if(libcsigwait != NULL)
		return libcsigwait(set, sig);
	while((r = systimedwait(set, NULL, NULL)) < 0 && errno == EINTR)
		;
	if(r < 0)
		return errno;
	*sig = r;
	return 0;
}

int
rtsigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	sigset_t b;

	set = notick(set, &b);
	return libcwaitinfo != NULL ? libcwaitinfo(set, info) : systimedwait(set, info, NULL);
}

int
rtsigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *ts)
{
	sigset_t b;

	set = notick(set, &b);
	return libctimedwait != NULL ? libctimedwait(set, info, ts) : systimedwait(set, info, ts);
}

/* the tick pending while the program blocks it is none of its business */
int
rtsigpending(sigset_t *set)
{
	if(syscall(SYS_rt_sigpending, set, _NSIG / 8) < 0)
		return -1;
	if(rt.mech == Mticks)
		sigdelset(set, SIGVTALRM);
	return 0;
}

int
rtsignalfd(int fd, const sigset_t *mask, int flags)
{
	sigset_t b;

	mask = notick(mask, &b);
	if(libcsignalfd != NULL)
		return libcsignalfd(fd, mask, flags);
	return (int)syscall(SYS_signalfd4, fd, mask, _NSIG / 8, flags);
}

/* Is sig ignored or stopping by default? A snapshot would take the place of that, not of an end. */
static int
notending(long sig)
{
	switch(sig){
	case SIGCHLD:
	case SIGWINCH:
	case SIGURG:
	case SIGCONT:
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
		return 1;
	}
	return 0;
}

/* $profsignal: a number, or a name with or without SIG; 0 if unset or unusable. */
static int
snapenv(void)
{
	static const struct { const char *name; int sig; } names[] = {
		{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "USR1", SIGUSR1 },
		{ "USR2", SIGUSR2 }, { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "CHLD", SIGCHLD },
		{ "CONT", SIGCONT }, { "TSTP", SIGTSTP }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
		{ "URG", SIGURG }, { "XCPU", SIGXCPU }, { "WINCH", SIGWINCH }, { "IO", SIGIO },
		{ "PWR", SIGPWR }, { "PROF", SIGPROF }, { "VTALRM", SIGVTALRM },
	};
	const char *s, *n;
	char *end;
	long v;
	size_t i;

	s = getenv("profsignal");
	if(s == NULL || *s == '\0')
		return 0;
	v = strtol(s, &end, 10);
	if(end == s || *end != '\0'){
		n = strncmp(s, "SIG", 3) == 0 ? s + 3 : s;
		for(i = 0, v = 0; i < sizeof names / sizeof names[0]; i++)
			if(strcmp(n, names[i].name) == 0)
				v = names[i].sig;
	}
	if(notending(v)){
		rtsay("$profsignal ", s, ": ignored or stopping by default, not ending; no snapshots");
		return 0;
	}
	/* not those that cannot be caught, nor libc's own (32, 33), nor sample mode's tick */
	if(v <= 0 || v >= _NSIG || v == SIGKILL || v == SIGSTOP || (v >= 32 && v < SIGRTMIN)
	|| (v == SIGVTALRM && rt.mech == Mticks)){
		rtsay("$profsignal ", s, ": not a signal the runtime can take; no snapshots");
		return 0;
	}
	return (int)v;
}

static void *
libc(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

/* The writer's stack, mapped once: its pages are touched in the writer's copy only. */
static void
mapwstack(void)
{
	char *p;

	p = mmap(NULL, Wstack + Guard, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	if(p == MAP_FAILED)
		return;
	mprotect(p, Guard, PROT_NONE);
	wstack = p + Guard + Wstack;
}

/* At start: the runtime's handlers where the program has the default. */
void
rtsiginit(void)
{
	struct sigaction k;
	int sig;

	mapwstack();

	libcsignal = (Handler (*)(int, Handler))libc("signal");
	libcbsd = (Handler (*)(int, Handler))libc("bsd_signal");
	libcsysv = (Handler (*)(int, Handler))libc("sysv_signal");
	libcsigwait = (int (*)(const sigset_t *, int *))libc("sigwait");
	libcwaitinfo = (int (*)(const sigset_t *, siginfo_t *))libc("sigwaitinfo");
	libctimedwait = (int (*)(const sigset_t *, siginfo_t *, const struct timespec *))libc("sigtimedwait");
	libcsignalfd = (int (*)(int, const sigset_t *, int))libc("signalfd");
	libcsigintr = (int (*)(int, int))libc("siginterrupt");
	snapsig = snapenv();
	sigemptyset(&held);
	for(sig = 1; sig < _NSIG; sig++){
		if(!ours(sig))
			continue;
		sigaddset(&held, sig);
		if(__sigaction(sig, NULL, &k) == 0 && k.sa_handler == SIG_DFL){
			view[sig] = k;
			take(sig, NULL);
		}
	}
}
