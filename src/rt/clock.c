/*
 * The clocks behind proftype, and the choice of mechanism on the machine
 * at hand (recorded in the file as Pfhdr.mechanism; see prof(5)).
 */
#include <errno.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "proffile.h"
#include "clock.h"
#include "rt.h"

_Static_assert(offsetof(struct perf_event_mmap_page, lock) == PGLOCKOFF, "perf page layout");

static uint64_t
nsof(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

uint64_t
monons(void)
{
	return nsof(CLOCK_MONOTONIC);
}

/* v times a 32.32 fixed-point factor, in integers: no floating-point flag raised */
static uint64_t
fxmul(uint64_t v, uint64_t fx)
{
	return (uint64_t)((unsigned __int128)v * fx >> 32);
}

/* ns per cycle, measured over about half a millisecond. */
static double
calibrate(void)
{
	uint64_t m0, m1, c0, c1;

	m0 = monons();
	c0 = cycles();
	do
		m1 = monons();
	while(m1 - m0 < 500000);
	c1 = cycles();
	return (double)(m1 - m0) / (double)(c1 - c0);
}

/* ns per cycle over the whole run so far: better as the run goes on. */
static double
tscratio(void)
{
	uint64_t m, c;

	m = monons();
	c = cycles();
	if(m - rt.mono0 < 10000000 || c == rt.tsc0)
		return rt.tscns;
	return (double)(m - rt.mono0) / (double)(c - rt.tsc0);
}

/* The calling thread's user time, in ticks. */
static uint64_t
utticks(void)
{
	struct rusage ru;

	if(getrusage(RUSAGE_THREAD, &ru) < 0)
		return 0;
	return ((uint64_t)ru.ru_utime.tv_sec * 1000000000 + (uint64_t)ru.ru_utime.tv_usec * 1000) / rt.tickns;
}

/*
 * A tick: the thread's user time since its last one, at least a tick,
 * charged to the call path it is running (the path's own ticks; the dump
 * sums them up the tree). The kernel checks the timer only at a clock
 * tick that finds the process running, and a signal pending merges the
 * next, so on a busy machine most ticks arrive late; counting signals
 * lost two thirds. The tree may be being made or remade (prof()): the
 * ticks then wait for the next.
 */
static void
tick(int sig)
{
	uint64_t u, n;
	Thr *t;
	int e;

	(void)sig;
	t = thr;
	if(t == NULL || !rt.ticking)	/* one from before the timer was stopped */
		return;
	e = errno;
	u = utticks();
	n = u > t->utseen ? u - t->utseen : 1;
	t->utseen += n;
	t->pending += n;
	if(t->gen == rt.gen && t->cap != 0 && t->cur != NULL){
		t->cur->time += t->pending;
		t->pending = 0;
	}
	errno = e;
}

/*
 * Ticks of process user time, delivered to the thread running. The
 * kernel checks CPU timers once per clock tick (HZ), so the timer is set
 * to one tick, found as the resolution of the coarse clock. 0 or -1.
 */
static int
startticks(void)
{
	struct sigaction sa;
	struct itimerval it;
	struct timespec res;

	if(clock_getres(CLOCK_MONOTONIC_COARSE, &res) < 0 || res.tv_sec != 0
	|| res.tv_nsec < 1000000)
		res.tv_nsec = 1000000;
	rt.tickns = res.tv_nsec;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tick;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if(sigaction(SIGVTALRM, &sa, NULL) < 0)
		return -1;
	it.it_interval.tv_sec = 0;
	it.it_interval.tv_usec = rt.tickns / 1000;
	it.it_value = it.it_interval;
	if(setitimer(ITIMER_VIRTUAL, &it, NULL) < 0)
		return -1;
	rt.ticking = 1;
	return 0;
}

/*
 * No more ticks: a profile in another mode follows. The handler stays,
 * for a tick already on its way (SIGVTALRM's default would end the program).
 */
static void
stopticks(void)
{
	struct itimerval it;

	memset(&it, 0, sizeof it);
	setitimer(ITIMER_VIRTUAL, &it, NULL);
	rt.ticking = 0;
}

static int
taskclock(void)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = PERF_TYPE_SOFTWARE;
	a.config = PERF_COUNT_SW_TASK_CLOCK;
	a.exclude_hv = 1;
	return (int)syscall(SYS_perf_event_open, &a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
}

/* A per-thread hardware counter of user-mode cycles, or -1 (none: a VM, say). */
static int
usercycles(void)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = PERF_TYPE_HARDWARE;
	a.config = PERF_COUNT_HW_CPU_CYCLES;
	a.exclude_kernel = 1;
	a.exclude_hv = 1;
	return (int)syscall(SYS_perf_event_open, &a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
}

/* The counter's page for fd if user space may read it with rdpmc, else NULL. */
static volatile struct perf_event_mmap_page *
pmcpage(int fd)
{
	volatile struct perf_event_mmap_page *pg;
	void *v;

	v = mmap(NULL, sysconf(_SC_PAGESIZE), PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if(v == MAP_FAILED)
		return NULL;
	pg = v;
	if(!pg->cap_user_rdpmc || pg->index == 0){
		munmap(v, sysconf(_SC_PAGESIZE));
		return NULL;
	}
	return pg;
}

/* Can this process read user-mode cycles in user space? */
static int
haverdpmc(void)
{
	volatile struct perf_event_mmap_page *pg;
	int fd;

	fd = usercycles();
	if(fd < 0)
		return 0;
	pg = pmcpage(fd);
	if(pg == NULL)
		return 0;
	munmap((void *)pg, sysconf(_SC_PAGESIZE));
	return 1;
}

/*
 * User-mode cycles of thread t so far, in ns at the cycle counter's rate
 * (the kernel's recipe for reading a counter from its page: retry while
 * the lock moves; index 0 means the counter is off the PMU just now).
 */
static uint64_t
pmcread(Thr *t)
{
	volatile struct perf_event_mmap_page *pg;
	uint32_t seq, idx;
	int64_t c;
	int w;

	pg = t->pg;
	do{
		seq = pg->lock;
		__asm__ volatile("" ::: "memory");
		idx = pg->index;
		c = pg->offset;
		w = pg->pmc_width;
		if(idx != 0 && w > 0 && w <= 64){
			int64_t v = (int64_t)__rdpmc(idx - 1);
			c += (int64_t)((uint64_t)v << (64 - w)) >> (64 - w);
		}
		__asm__ volatile("" ::: "memory");
	}while(pg->lock != seq);
	return fxmul((uint64_t)c, rt.nsfx);
}

/* No profile is being made (prof() wrote its own): no ticks till the next. */
void
clockend(void)
{
	if(rt.ticking)
		stopticks();
}

/*
 * The next profile in the same mode: the ticks clockend stopped start
 * again (each thread's count restarts with its tree: clockthread).
 */
void
clockresume(void)
{
	if(rt.mech == Mticks && !rt.ticking && startticks() < 0)
		rt.mech = Mthreadcpu;
}

/* Choose the mechanism for proftype. */
void
clockinit(int proftype)
{
	int tsc;

	if(rt.ticking && proftype != Pfsample)
		stopticks();
	rt.proftype = proftype;
	tsc = cyclesinvariant();
	rt.mono0 = monons();
	rt.tsc0 = cycles();
	rt.tscns = tsc ? calibrate() : 0;
	rt.nsfx = (uint64_t)(rt.tscns * 4294967296.0);
	rt.cycfx = tsc ? (uint64_t)(4294967296.0 / rt.tscns) : 0;
	switch(proftype){
	case Pfelapsed:
		rt.mech = tsc ? Mtsc : Mmonotonic;
		break;
	case Pfsample:
		rt.mech = startticks() == 0 ? Mticks : Mthreadcpu;
		break;
	case Pfuser:
		if(tsc && haverdpmc()){
			rt.mech = Mrdpmc;
			break;
		}
		/* no user-mode counter: user+kernel time, as kernel */
		rt.mech = tsc ? Mtaskclock : Mthreadcpu;
		break;
	default:
		rt.mech = tsc ? Mtaskclock : Mthreadcpu;
		break;
	}
}

/*
 * Per-thread set-up (again): the task-clock page. 0, or -1 (the thread
 * falls back to Mthreadcpu). The descriptor is closed at once: the
 * mapping keeps the event alive, and the program keeps its descriptors
 * (their numbers, and its limit).
 */
int
clockthread(Thr *t)
{
	void *pg;
	int fd;

	clockthreadend(t);
	t->clockmech = rt.mech;
	t->tlast = 0;	/* a new thread's clock (or a forked child's) starts again */
	if(rt.mech == Mticks)
		t->utseen = utticks();
	if(rt.mech == Mrdpmc){
		fd = usercycles();
		t->pg = fd < 0 ? NULL : pmcpage(fd);
		return t->pg != NULL ? 0 : -1;
	}
	if(rt.mech != Mtaskclock)
		return 0;
	fd = taskclock();
	if(fd < 0)
		return -1;
	pg = mmap(NULL, sysconf(_SC_PAGESIZE), PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if(pg == MAP_FAILED)
		return -1;
	t->pg = pg;
	t->seq = PGLOCK(pg) + 1;	/* force a resync at the first read */
	return 0;
}

void
clockthreadend(Thr *t)
{
	if(t->pg != NULL)
		munmap((void *)t->pg, sysconf(_SC_PAGESIZE));
	t->pg = NULL;
}

/* v, or the time of the thread's last hook if later: times never go back. */
static uint64_t
notback(Thr *t, uint64_t v)
{
	return v < t->tlast ? t->tlast : v;
}

/*
 * Mtaskclock's resync after the thread was descheduled: its CPU time
 * from the kernel, in cycles, and the offset that carries it on.
 */
static uint64_t
resync(Thr *t)
{
	uint64_t ns, tsc, v;
	uint32_t seq;
	int e;

	e = errno;
	do{
		seq = PGLOCK(t->pg);
		__asm__ volatile("" ::: "memory");
		ns = nsof(CLOCK_THREAD_CPUTIME_ID);
		tsc = cycles();
		__asm__ volatile("" ::: "memory");
	}while(PGLOCK(t->pg) != seq);
	errno = e;
	v = notback(t, fxmul(ns, rt.cycfx));
	t->seq = seq;
	t->cpubase = tsc - v;
	return v;
}

/* The clocks read through a system call; and Mtaskclock's resync. */
uint64_t
clockslow(Thr *t)
{
	uint64_t ns;

	switch(rt.mech){
	case Mmonotonic:
		return monons();
	case Mrdpmc:
		if(t->pg == NULL)
			break;
		return notback(t, pmcread(t));
	case Mtaskclock:
		if(t->pg != NULL)
			return resync(t);
		/* no page for this thread: the same time through a system call, in cycles */
		return notback(t, fxmul(nsof(CLOCK_THREAD_CPUTIME_ID), rt.cycfx));
	}
	ns = nsof(CLOCK_THREAD_CPUTIME_ID);
	return notback(t, ns);
}

/*
 * The current time of another thread t, for its calls still active at a
 * dump: its CPU clock read through its thread id where the mechanism
 * counts CPU time (Linux's clock id of a thread: ~tid << 3 | per-thread
 * | sched), the time of its last hook where nothing better can be read.
 */
uint64_t
clockother(Thr *t)
{
	struct timespec ts;
	clockid_t id;
	uint64_t ns;

	switch(rt.mech){
	case Mtsc:
		return cycles();
	case Mmonotonic:
		return monons();
	case Mticks:
		return 0;	/* no time kept in the hooks */
	case Mtaskclock:
	case Mthreadcpu:
		id = (clockid_t)(~t->runner << 3 | 4 | 2);
		if(t->runner == 0 || clock_gettime(id, &ts) < 0)
			break;
		ns = (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
		if(rt.mech == Mtaskclock)
			ns = fxmul(ns, rt.cycfx);
		return notback(t, ns);
	}
	return t->tlast;
}

/* Nanoseconds per clock unit, as of now (Mtsc: measured over the run). */
double
clockunitns(void)
{
	switch(rt.mech){
	case Mtsc:
		return tscratio();
	case Mticks:
		return rt.tickns;
	case Mtaskclock:
		return rt.tscns;	/* the ratio resync converts with */
	}
	return 1;
}
