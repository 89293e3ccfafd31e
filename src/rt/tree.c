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
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "proffile.h"
#include "clock.h"
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

/* Chunk k's nodes. */
static size_t
chunksize(int k)
{
	return (size_t)1 << (k == 0 ? Chunk0 : Chunk0 + k - 1);
}

enum { Arena = 64 << 10 };	/* bytes an arena chunk has at least */

static void
freebuffers(Thr *t)
{
	char *a, *next;
	int k;

	for(k = 0; k < Nchunk && t->chunk[k] != NULL; k++){
		munmap(t->chunk[k], chunksize(k) * sizeof(Node));
		t->chunk[k] = NULL;
	}
	for(a = t->arena; a != NULL; a = next){
		next = ((char **)a)[0];
		munmap(a, ((size_t *)a)[1]);
	}
	t->arena = NULL;
	t->arenaleft = 0;
	t->cap = 0;
}

/*
 * A zeroed table of 1 << (64 - shift) children from t's arena; NULL if
 * out of memory (rt.nomem). Tables outgrown stay there until the tree
 * is emptied: at most as much again.
 */
Kid *
kidtab(Thr *t, uint32_t shift)
{
	size_t n, m;
	char *a;

	n = sizeof(Kid) << (64 - shift);
	if(n > t->arenaleft){
		m = n + 2 * sizeof(size_t) > Arena ? n + 64 : Arena;
		if((a = alloc(m)) == NULL){
			rt.nomem = 1;
			return NULL;
		}
		((char **)a)[0] = t->arena;
		((size_t *)a)[1] = m;
		t->arena = a;
		t->arenaleft = m - 64;	/* the link and size in the first line */
	}
	t->arenaleft -= n;
	return (Kid *)(t->arena + 64 + t->arenaleft);
}

/*
 * Room for one more node in t: a new chunk when the last is full. -1
 * at $profsize's limit or out of memory (rt.nomem). Chunks never move:
 * hooks and the dump hold pointers into them.
 */
int
treegrow(Thr *t)
{
	Node *c;
	int k;

	if(t->nnode >= t->limit)
		return -1;
	if(t->nnode == t->cap){
		for(k = 0; k < Nchunk && t->chunk[k] != NULL; k++)
			;
		if(k == Nchunk || (c = alloc(chunksize(k) * sizeof(Node))) == NULL){
			rt.nomem = 1;
			return -1;
		}
		__atomic_store_n(&t->chunk[k], c, __ATOMIC_RELEASE);
		t->cap += chunksize(k);
	}
	return 0;
}

/* The index of node n of t. */
uint32_t
nodeidx(const Thr *t, const Node *n)
{
	int k;

	for(k = 0; k < Nchunk && t->chunk[k] != NULL; k++)
		if(n >= t->chunk[k] && n < t->chunk[k] + chunksize(k))
			return (uint32_t)(n - t->chunk[k]) + (k == 0 ? 0 : (uint32_t)chunksize(k));
	return UINT32_MAX;
}

/* Forget the unwind rules node n keeps, and those of its children. */
static void
forgetnode(Node *n)
{
	uint32_t i;
	int j;

	for(j = 0; j < Kids; j++)
		n->k[j].erule = n->k[j].xrule = 0;
	if(n->tab != NULL)
		for(i = 0; i < 1u << (64 - n->tshift); i++)
			n->tab[i].erule = n->tab[i].xrule = 0;
}

/* Forget the unwind rules every node keeps (code was unloaded). */
void
treeforget(void)
{
	Thr *h, *t;
	uint32_t i, nn;

	thrlock();
	for(h = thrlist(); h != NULL; h = h->next){
		t = thrview(h);
		nn = __atomic_load_n(&t->nnode, __ATOMIC_ACQUIRE);
		for(i = 0; i < nn && t->cap != 0; i++)
			forgetnode(nodeat(t, i));
		if(t->rc != NULL)
			memset(t->rc, 0, Nrc * sizeof *t->rc);
	}
	thrunlock();
}

/*
 * Empty t's tree, room for its root, and its stack (none at the
 * bottom). 0, or -1 with no tree (cap 0: calls go unrecorded).
 */
static int
thrbuffers(Thr *t)
{
	Frame *none;
	Node *root;
	Thr old;

	/* the new tree's first memory is taken before the old's is given back */
	old = *t;
	memset(t->chunk, 0, sizeof t->chunk);
	t->arena = NULL;
	t->arenaleft = 0;
	t->cap = t->nnode = 0;
	t->limit = rt.profsize == 0 ? UINT32_MAX : rt.profsize + 1;	/* the root is extra */
	if(treegrow(t) < 0)
		freebuffers(t);
	freebuffers(&old);
	t->nnode = 1;
	t->deepnow = 0;
	root = t->cap != 0 ? nodeat(t, 0) : NULL;
	t->cur = root;
	if(root != NULL){
		memset(root, 0, sizeof *root);
		root->id = 0;
		root->pc = 0;
	}
	none = &t->stack[0];
	none->fn = 0;
	none->cfa = UINTPTR_MAX;
	none->node = none->prev = root;
	none->t0 = 0;
	none->xrule = 0;
	none->kid = NULL;
	t->top = none;
	t->end = &t->stack[Maxdepth];
	t->tlast = 0;	/* Mticks: always (frames' t0 is not kept, pop must add nothing) */
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

/* A thread's shadow stack, and after it its cache of rules (a big TLS would take a small thread stack). */
#define Stackbytes (((size_t)Maxdepth + 1) * sizeof(Frame) + Nrc * sizeof(uint64_t))

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
	me.stack = alloc(Stackbytes);
	if(me.stack != NULL)
		me.rc = (uint64_t *)(me.stack + Maxdepth + 1);
	if(me.stack == NULL || thrbuffers(&me) < 0){
		if(me.stack != NULL)
			munmap(me.stack, Stackbytes);
		me.stack = NULL;
		me.rc = NULL;
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
