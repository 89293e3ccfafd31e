/*
 * Per-thread call trees: allocation on a thread's first call, and the
 * registry of every thread's tree for the dump. Memory comes from mmap,
 * so a hook never enters malloc. The tree of a thread that ended goes on
 * with the next new thread (prof merges the threads' trees anyway): the
 * memory is that of the most threads alive at once, not of every thread
 * there ever was. While a thread runs, its Thr is in its TLS (me), which
 * the hooks reach without a load; its entry in the registry points there
 * (live) until the thread ends and the Thr is copied back.
 */
#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "proffile.h"
#include "rt.h"

TLS Thr *thr;
TLS Thr me;
static TLS Thr *home;	/* the thread's entry in the registry */
static TLS int ended;	/* the thread's tree has gone to spare */
static Thr *threads;
static Thr *spare;	/* trees of threads that ended */
static pthread_mutex_t threadslock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t endkey;
static int endkeyok;	/* without it a thread's end goes unseen: no trees then */
static pthread_once_t endonce = PTHREAD_ONCE_INIT;

void
thrlock(void)
{
	pthread_mutex_lock(&threadslock);
}

void
thrunlock(void)
{
	pthread_mutex_unlock(&threadslock);
}

Thr *
thrlist(void)
{
	return threads;
}

/* The tree of registry entry t: in its thread's TLS while that runs. */
Thr *
thrview(Thr *t)
{
	return t->live != NULL ? t->live : t;
}

static void *
alloc(size_t n)
{
	void *p;

	p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

static size_t
hashsize(uint32_t cap)
{
	size_t n;

	for(n = 16; n < 2 * (size_t)cap; n *= 2)
		;
	return n;
}

/*
 * A thread ends: its active calls end, its clock goes, and its tree
 * stays for the dump and for a new thread. Calls the thread still
 * makes (in other destructors) are not recorded.
 */
static void
thrend(void *v)
{
	Thr *h, *next;

	(void)v;
	ended = 1;
	thr = NULL;
	me.key |= 1;	/* busy: a signal handler's calls from now on are not recorded */
	thrunwind(&me);
	clockthreadend(&me);
	thrlock();
	h = home;
	next = h->next;
	*h = me;
	h->next = next;
	h->live = NULL;
	h->key = 0;
	h->spare = spare;
	spare = h;
	thrunlock();
}

static void
makekey(void)
{
	endkeyok = pthread_key_create(&endkey, thrend) == 0;
}

static void
freebuffers(Thr *t)
{
	if(t->node != NULL)
		munmap(t->node, (size_t)t->cap * sizeof(Node));
	if(t->hash != NULL)
		munmap(t->hash, (t->hmask + 1) * sizeof(uint32_t));
	t->node = NULL;
	t->hash = NULL;
}

/*
 * Empty t's tree with room for rt.profsize nodes, and its stack (none
 * at the bottom). 0, or -1 with no tree (cap 0: calls go unrecorded).
 */
static int
thrbuffers(Thr *t)
{
	size_t hs;
	Frame *none;

	freebuffers(t);
	t->cap = rt.profsize + 1;	/* the root is extra */
	hs = hashsize(t->cap);
	t->node = alloc((size_t)t->cap * sizeof(Node));
	t->hash = alloc(hs * sizeof(uint32_t));
	if(t->node == NULL || t->hash == NULL){
		freebuffers(t);
		t->cap = 0;
	}
	t->hmask = hs - 1;
	t->nnode = 1;
	t->over = 0;
	t->cur = t->node;
	if(t->node != NULL)
		t->node[0].last[0] = t->node[0].last[1] = &t->node[0];
	none = &t->stack[0];
	none->fn = none->site = 0;
	none->sp = UINTPTR_MAX;
	none->node = none->prev = t->node;
	none->t0 = 0;
	t->top = none;
	t->end = &t->stack[Maxdepth];
	t->tev = 0;	/* Mticks: always (frames' t0 is not kept, pop must add nothing) */
	t->lost = t->deep = 0;
	t->pending = 0;
	/* last: the tick handler charges the tree once its generation is current */
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	t->gen = rt.gen;
	return t->cap == 0 ? -1 : 0;
}

/*
 * Start thread t over for a new generation (prof()). Its clock too if
 * it has none (after a fork) or the mechanism changed (sample mode's
 * first tick would charge all the thread's user time so far).
 */
void
thrreset(Thr *t)
{
	if(thrbuffers(t) < 0)
		rt.nomem = 1;
	if(t->pg == NULL || t->clockmech != rt.mech)
		clockthread(t);
}

/*
 * fork: the child gets the list's lock free (another thread may hold
 * it), and no perf pages: they are not mapped in a child.
 */
void
thrforkprepare(void)
{
	thrlock();
}

void
thrforkparent(void)
{
	thrunlock();
}

/*
 * fork: in the child the other threads are gone, so their trees, in
 * their TLS, come back to their registry entries (glibc keeps a gone
 * thread's stack, TLS and all, mapped in its cache at least until the
 * atfork handlers have run). The forking thread's stays in its TLS.
 */
void
thrforkchild(void)
{
	Thr *t, *next;

	for(t = threads; t != NULL; t = t->next){
		if(t->live != NULL && t->live != &me){
			next = t->next;
			*t = *t->live;
			t->next = next;
			t->spare = NULL;
			t->live = NULL;
			t->key = 0;
		}
		thrview(t)->pg = NULL;
	}
	thrunlock();
}

/* A new tree in me, registered for the dump (home); -1 if out of memory. */
static int
thrnew(void)
{
	Thr *h;

	h = alloc(sizeof *h);
	if(h == NULL){
		rt.nomem = 1;
		return -1;
	}
	me.stack = alloc(((size_t)Maxdepth + 1) * sizeof(Frame));
	if(me.stack == NULL || thrbuffers(&me) < 0){
		if(me.stack != NULL)
			munmap(me.stack, ((size_t)Maxdepth + 1) * sizeof(Frame));
		me.stack = NULL;
		munmap(h, sizeof *h);
		rt.nomem = 1;
		return -1;
	}
	me.tid = (uint32_t)syscall(SYS_gettid);
	h->live = &me;
	thrlock();
	h->next = threads;
	threads = h;
	thrunlock();
	home = h;
	return 0;
}

/*
 * The calling thread's tree, at its first call: a spare one, or a new
 * one, in me; NULL if out of memory or the thread is ending.
 */
Thr *
thrget(void)
{
	Thr *h;

	if(ended)
		return NULL;
	pthread_once(&endonce, makekey);
	if(!endkeyok)
		return NULL;
	/* until thr is set, a signal handler's calls go to firstcall, which refuses them */
	me.key |= 1;
	thrlock();
	h = spare;
	if(h != NULL){
		spare = h->spare;
		h->key |= 1;	/* so me stays busy as it is copied */
		me = *h;
		me.next = me.spare = NULL;	/* the registry's links stay in h */
		h->live = &me;
		home = h;
	}
	thrunlock();
	if(h == NULL && thrnew() < 0){
		me.key = 0;
		return NULL;
	}
	me.runner = (uint32_t)syscall(SYS_gettid);
	clockthread(&me);
	pthread_setspecific(endkey, home);
	thr = &me;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	me.key = keyof(&me);
	return &me;
}
