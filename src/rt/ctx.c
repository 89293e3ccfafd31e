/*
 * ucontext coroutines. Each stack a program runs on keeps its own calls:
 * a thread's own stack, and every stack makecontext was given. The
 * runtime wraps makecontext, swapcontext and setcontext; at a switch the
 * frames of the thread's shadow stack go to the context left (a Shadow)
 * and those of the context entered come back, so that the hooks go on
 * with the calls of the stack they run on. A context's first call is a
 * child of the tree's root, as a thread's start routine is. Its frames
 * are charged their time when it is switched out and start again when it
 * is switched in: a frame's time is that of its own context running.
 * The start function returns to ctxend (the runtime puts its address
 * where makecontext put libc's), so that the switch libc makes to
 * uc_link is seen too.
 *
 * Contexts are found by the stack their saved stack pointer is in, with
 * a table of the ucontext_t addresses seen as a cache. Memory comes from
 * mmap (a switch may be made in a signal handler): a switched-out
 * context holds only as many frames as it has active.
 */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "proffile.h"
#include "clock.h"
#include "rt.h"

enum
{
	Maxarg = 32,		/* makecontext's arguments passed through as they came */
	Minframes = 64,		/* the smallest frame buffer */
	Nclass = 15,		/* buffers of Minframes << k frames, the last Maxdepth */
	Arena = 1 << 21,	/* buffers and contexts are carved from mappings this big */
};

_Static_assert((uint64_t)Minframes << (Nclass - 1) >= Maxdepth, "a shadow holds a thread's frames");

/* A stack makecontext was given, and its calls while switched out. */
typedef struct Ctx Ctx;
struct Ctx
{
	Shadow sh;
	uintptr_t lo, hi;	/* the stack */
	Ctx *next;		/* every context, newest first */
};

/* A ucontext_t seen, the context whose stack it was on (NULL: a thread's own). */
typedef struct Ent Ent;
struct Ent
{
	uintptr_t key;		/* 0: empty */
	Ctx *c;
	uintptr_t sp;		/* its stack pointer when last looked up; 0: saved by us, not yet */
};

typedef struct Tab Tab;
struct Tab
{
	Ent *e;
	size_t mask;
	size_t n;
};

/* libc's, in a static program, where dlsym cannot find them */
extern void __makecontext(ucontext_t *, void (*)(void), int, ...) __attribute__((weak));
extern int __swapcontext(ucontext_t *, const ucontext_t *) __attribute__((weak));
extern int __setcontext(const ucontext_t *) __attribute__((weak));

RT uintptr_t ctxfinish(ucontext_t **link);

static pthread_mutex_t ctxlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t ctxonce = PTHREAD_ONCE_INIT;
static pthread_key_t ownkey;
static Ctx *ctxs;		/* under ctxlock, as all below */
static Tab byucp;		/* ucontext_t address -> context */
static Tab bybase;		/* a stack's lowest address -> its context */
static Frame *spare[Nclass];	/* free frame buffers, linked through their first word */
static char *arena;
static size_t arenaleft;
static uintptr_t libcret;	/* where libc's makecontext has the start function return */
static int shstk;		/* a shadow stack is on: return addresses cannot be replaced */

static TLS Ctx *on;		/* the context the thread runs; NULL: its own stack */
static TLS Shadow own;		/* the calls of the thread's own stack while it runs another */
static TLS int inctx;		/* in a wrapper: a signal handler's switch is not followed */
static TLS int ownkeyed;	/* ownkey is set */

#define ENTER(t) do{ (t)->key |= 1; __atomic_signal_fence(__ATOMIC_SEQ_CST); }while(0)
#define LEAVE(t) do{ __atomic_signal_fence(__ATOMIC_SEQ_CST); (t)->key = keyof(t); }while(0)

static void *
pages(size_t n)
{
	void *p;

	p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

/* n bytes (a multiple of 16) that are never given back; NULL if out of memory. */
static void *
carve(size_t n)
{
	void *p;

	if(n >= Arena / 4)
		return pages(n);
	if(arenaleft < n){
		if((p = pages(Arena)) == NULL)
			return NULL;
		arena = p;
		arenaleft = Arena;
	}
	p = arena;
	arena += n;
	arenaleft -= n;
	return p;
}

static int
classof(uint32_t n)
{
	int k;

	for(k = 0; k < Nclass - 1 && (uint32_t)Minframes << k < n; k++)
		;
	return k;
}

static void
dropframes(Shadow *s)
{
	int k;

	if(s->f == NULL)
		return;
	k = classof(s->cap);
	*(Frame **)s->f = spare[k];
	spare[k] = s->f;
	s->f = NULL;
	s->cap = 0;
}

/* Room for n (at most Maxdepth) frames in s, its frames not kept; 0, or -1 if out of memory. */
static int
room(Shadow *s, uint32_t n)
{
	uint32_t cap;
	int k;

	if(n <= s->cap)
		return 0;
	dropframes(s);
	k = classof(n);
	cap = (uint32_t)Minframes << k;
	if(spare[k] != NULL){
		s->f = spare[k];
		spare[k] = *(Frame **)s->f;
	}else if((s->f = carve((size_t)cap * sizeof(Frame))) == NULL)
		return -1;
	s->cap = cap;
	return 0;
}

static size_t
hashof(uintptr_t key, size_t mask)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

static Ent *
tabfind(Tab *t, uintptr_t key)
{
	size_t i;

	if(t->e == NULL)
		return NULL;
	for(i = hashof(key, t->mask); t->e[i].key != 0; i = (i + 1) & t->mask)
		if(t->e[i].key == key)
			return &t->e[i];
	return NULL;
}

/* Twice the room; -1 if out of memory. */
static int
tabgrow(Tab *t)
{
	Ent *old, *e;
	size_t n, i, j;

	n = t->e == NULL ? 256 : 2 * (t->mask + 1);
	if((e = pages(n * sizeof *e)) == NULL)
		return -1;
	old = t->e;
	for(i = 0; old != NULL && i <= t->mask; i++){
		if(old[i].key == 0)
			continue;
		for(j = hashof(old[i].key, n - 1); e[j].key != 0; j = (j + 1) & (n - 1))
			;
		e[j] = old[i];
	}
	if(old != NULL)
		munmap(old, (t->mask + 1) * sizeof *old);
	t->e = e;
	t->mask = n - 1;
	return 0;
}

/* The entry of key, made if new (key set, the rest 0); NULL if out of memory. */
static Ent *
tabput(Tab *t, uintptr_t key)
{
	Ent *e;
	size_t i;

	if((e = tabfind(t, key)) != NULL)
		return e;
	if((t->e == NULL || 2 * (t->n + 1) > t->mask + 1) && tabgrow(t) < 0)
		return NULL;
	for(i = hashof(key, t->mask); t->e[i].key != 0; i = (i + 1) & t->mask)
		;
	t->n++;
	e = &t->e[i];
	e->key = key;
	e->c = NULL;
	e->sp = 0;
	return e;
}

/* The newest context whose stack holds sp; NULL: a thread's own stack. */
static Ctx *
bystack(uintptr_t sp)
{
	Ctx *c;

	for(c = ctxs; c != NULL; c = c->next)
		if(sp >= c->lo && sp < c->hi)
			return c;
	return NULL;
}

/*
 * The context uc resumes: the one it was last seen with, while its stack
 * pointer has not moved (getcontext, which cannot be wrapped, may have
 * filled it again since), else the one whose stack it is on.
 */
static Ctx *
lookup(const ucontext_t *uc)
{
	uintptr_t sp;
	Ent *e;
	Ctx *c;

	sp = ucsp(uc);
	e = tabfind(&byucp, (uintptr_t)uc);
	if(e != NULL && (e->sp == 0 || e->sp == sp)){
		e->sp = sp;
		return e->c;
	}
	c = bystack(sp);
	if((e = tabput(&byucp, (uintptr_t)uc)) != NULL){
		e->c = c;
		e->sp = sp;
	}
	return c;
}

/* The thread's own stack's frames, at its end. */
static void
ownend(void *v)
{
	(void)v;
	inctx = 1;	/* a handler's switch meanwhile would wait for ctxlock, held by its thread */
	pthread_mutex_lock(&ctxlock);
	dropframes(&own);
	pthread_mutex_unlock(&ctxlock);
	inctx = 0;
}

static void
forkprepare(void)
{
	inctx = 1;	/* as ownend */
	pthread_mutex_lock(&ctxlock);
}

static void
forkparent(void)
{
	pthread_mutex_unlock(&ctxlock);
	inctx = 0;
}

static void
forkchild(void)
{
	pthread_mutex_init(&ctxlock, NULL);
	inctx = 0;
}

static void
setup(void)
{
	pthread_key_create(&ownkey, ownend);
	pthread_atfork(forkprepare, forkparent, forkchild);
	shstk = shadowstackon();	/* a return to ctxend would not match the shadow stack */
}

/* Charge t's frames their time so far and move them to s; t's stack is left empty. */
static void
save(Thr *t, Shadow *s, uint64_t now)
{
	uint32_t n, i;
	Frame *f;

	n = (uint32_t)(t->top - t->stack);
	for(i = 1; i <= n; i++){
		f = &t->stack[i];
		if(now != 0 && f->node != NULL && t->gen == rt.gen)
			f->node->time += now - f->t0;
	}
	if(room(s, n) < 0)
		n = 0;	/* out of memory: the context's calls are forgotten */
	if(n > 0)
		memcpy(s->f, &t->stack[1], n * sizeof(Frame));
	s->n = n;
	s->deepnow = t->deepnow;
	s->cur = t->cur;
	s->root = t->chunk[0];
	s->gen = t->gen;
	t->top = t->stack;
	t->cur = t->stack[0].node;
	t->deepnow = 0;
}

/*
 * The frames of s made again in t's tree, which is not the one they were
 * made in (another thread's, or an older profile's): the same path, each
 * node found or made anew (its calls were counted where they were made).
 * As the hooks do, a call under one not recorded is not recorded.
 */
static void
relink(Thr *t, const Shadow *s)
{
	uint32_t i;
	Node *cur;
	Frame *f;

	cur = t->stack[0].node;
	for(i = 0; i < s->n; i++){
		f = &t->stack[i + 1];
		*f = s->f[i];
		f->prev = cur;
		if(f->node != NULL && cur != NULL && (i == 0 || t->stack[i].node != NULL))
			f->kid = thrchild(t, cur, f->fn);
		else
			f->kid = NULL;
		f->node = f->kid != NULL ? f->kid->node : NULL;
		f->xrule = 0;
		if(f->node != NULL)
			cur = f->node;
	}
	t->cur = cur;
}

/* Move s's frames to t's stack (empty), starting their time at now. */
static void
load(Thr *t, Shadow *s, uint64_t now)
{
	uint32_t i;

	if(s->n > 0 && s->root == t->chunk[0] && s->gen == t->gen){
		memcpy(&t->stack[1], s->f, s->n * sizeof(Frame));
		t->cur = s->cur;
	}else if(s->n > 0)
		relink(t, s);
	for(i = 1; i <= s->n; i++)
		t->stack[i].t0 = now;
	t->top = t->stack + s->n;
	t->deepnow = s->deepnow;
	if(now != 0)
		t->tlast = now;
	s->n = 0;
	s->deepnow = 0;
}

/* The thread's tree, if switches may be followed in it now; NULL if not. */
static Thr *
tree(void)
{
	Thr *t;
	int cs;

	t = thr;
	if(t == NULL || t->stack == NULL || BUSY(t))
		return NULL;
	ENTER(t);
	if(recording() && t->gen != rt.gen){
		/* the hooks would start it afresh at the next call, after the switch */
		pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &cs);
		thrreset(t);
		pthread_setcancelstate(cs, NULL);
	}
	return t;
}

/* The thread goes from the context it runs to c (NULL: its own stack). Under ctxlock. */
static void
switchto(Ctx *c)
{
	Shadow *from, *into;
	uint64_t now;
	Thr *t;

	from = on != NULL ? &on->sh : &own;
	into = c != NULL ? &c->sh : &own;
	on = c;
	if(from == into || (t = tree()) == NULL)
		return;
	now = clocknow(t);
	save(t, from, now);
	load(t, into, now);
	if(from == &own && !ownkeyed){
		ownkeyed = 1;
		pthread_setspecific(ownkey, &own);	/* its frames go at the thread's end */
	}
	LEAVE(t);
}

/*
 * Before a switch to uc: the thread's calls go to the context it leaves
 * (its entry for oucp, if not NULL, made), uc's come back. The context
 * left, to go back to if the switch fails; -1 if it was not followed.
 */
static Ctx *
leave(ucontext_t *oucp, const ucontext_t *uc)
{
	Ctx *was;
	Ent *e;

	if(inctx)
		return (Ctx *)-1;
	inctx = 1;
	pthread_once(&ctxonce, setup);
	pthread_mutex_lock(&ctxlock);
	was = on;
	if(oucp != NULL && (e = tabput(&byucp, (uintptr_t)oucp)) != NULL){
		e->c = on;
		e->sp = 0;	/* the real function fills it */
	}
	switchto(lookup(uc));
	pthread_mutex_unlock(&ctxlock);
	inctx = 0;
	return was;
}

/* The switch failed: back to the context left. */
static void
stay(Ctx *was)
{
	if(was == (Ctx *)-1 || inctx)
		return;
	inctx = 1;
	pthread_mutex_lock(&ctxlock);
	switchto(was);
	pthread_mutex_unlock(&ctxlock);
	inctx = 0;
}

/*
 * A context made on [lo, hi): a context there before is forgotten (a
 * stack used again); NULL if out of memory.
 */
static Ctx *
made(uintptr_t lo, uintptr_t hi)
{
	Ent *e;
	Ctx *c;

	if((e = tabput(&bybase, lo)) == NULL)
		return NULL;
	c = e->c;
	if(c == NULL){
		if((c = carve((sizeof *c + 15) & ~(size_t)15)) == NULL)
			return NULL;
		memset(c, 0, sizeof *c);
		c->next = ctxs;
		ctxs = c;
		e->c = c;
	}
	c->lo = lo;
	c->hi = hi;
	c->sh.n = 0;
	c->sh.deepnow = 0;
	return c;
}

/*
 * After libc's makecontext: uc starts a context of its own, its start
 * function returning to ctxend. Only where libc's layout is as known:
 * the stack pointer in the stack given, the return address on it.
 */
static void
after(ucontext_t *uc)
{
	uintptr_t lo, hi, sp;
	Ent *e;
	Ctx *c;

	lo = (uintptr_t)uc->uc_stack.ss_sp;
	hi = lo + uc->uc_stack.ss_size;
	sp = ucsp(uc);
	if(inctx || sp < lo || sp + 8 > hi)
		return;
	inctx = 1;
	pthread_once(&ctxonce, setup);
	pthread_mutex_lock(&ctxlock);
	if(!shstk && (libcret == 0 || libcret == *(uintptr_t *)sp) && (c = made(lo, hi)) != NULL){
		if((e = tabput(&byucp, (uintptr_t)uc)) != NULL){
			e->c = c;
			e->sp = sp;
		}
		libcret = *(uintptr_t *)sp;
		*(uintptr_t *)sp = (uintptr_t)ctxend;
	}
	pthread_mutex_unlock(&ctxlock);
	inctx = 0;
}

/*
 * A context's start function returned (to ctxend): its calls are over,
 * and libc goes on to *link (exit if NULL), to which the thread's calls
 * switch. Returns the address libc's makecontext had it return to.
 */
uintptr_t
ctxfinish(ucontext_t **link)
{
	Thr *t;
	int e;

	e = errno;
	if(!inctx){
		inctx = 1;
		pthread_mutex_lock(&ctxlock);
		if(on == NULL || (uintptr_t)link < on->lo || (uintptr_t)link >= on->hi)
			on = bystack((uintptr_t)link);
		if((t = tree()) != NULL){
			thrunwind(t);	/* calls a longjmp left, if any */
			LEAVE(t);
		}
		if(on != NULL)
			dropframes(&on->sh);
		if(*link != NULL)
			switchto(lookup(*link));
		pthread_mutex_unlock(&ctxlock);
		inctx = 0;
	}
	errno = e;
	return libcret;
}


/*
 * libc's functions, or their static twins, or NULL (the runtime's stand
 * in): found once, at start, or at the first call if that comes before;
 * a switch takes no loader lock (dlsym's), which a thread in dlopen may
 * hold for long.
 */
static void (*realmake)(ucontext_t *, void (*)(void), int, ...);
static int (*realswap)(ucontext_t *, const ucontext_t *);
static int (*realset)(const ucontext_t *);
static int realfound;

static void *
real(const char *name, void *twin)
{
	void *f;

	f = dlsym(RTLD_NEXT, name);
	return f != NULL ? f : twin;
}

__attribute__((constructor, no_instrument_function)) static void
findreal(void)
{
	void *f;
	int e;

	if(__atomic_load_n(&realfound, __ATOMIC_ACQUIRE))
		return;
	e = errno;
	f = real("makecontext", (void *)__makecontext);
	__atomic_store_n(&realmake, (void (*)(ucontext_t *, void (*)(void), int, ...))f, __ATOMIC_RELAXED);
	f = real("swapcontext", (void *)__swapcontext);
	__atomic_store_n(&realswap, f != NULL ? (int (*)(ucontext_t *, const ucontext_t *))f : ucswap, __ATOMIC_RELAXED);
	f = real("setcontext", (void *)__setcontext);
	__atomic_store_n(&realset, f != NULL ? (int (*)(const ucontext_t *))f : ucset, __ATOMIC_RELAXED);
	__atomic_store_n(&realfound, 1, __ATOMIC_RELEASE);
	errno = e;
}

/*
 * makecontext with more than Maxarg arguments: the rest go where libc
 * put those past the sixth, above the start function's return address,
 * if the ones passed are there. ap is at the first argument; a holds
 * the first Maxarg.
 */
static void
moreargs(ucontext_t *uc, int argc, const long *a, va_list ap)
{
	uintptr_t *sp;
	long v;
	int i;

	sp = (uintptr_t *)ucsp(uc) + 1 - 6;
	for(i = 6; i < Maxarg; i++)
		if(sp[i] != (uintptr_t)a[i])
			return;
	for(i = 0; i < argc; i++){
		v = va_arg(ap, long);
		if(i >= Maxarg)
			sp[i] = (uintptr_t)v;
	}
}

/* makecontext's arguments are ap (libc.c's wrapper has the ...) */
void
rtmakecontext(ucontext_t *uc, void (*fn)(void), int argc, va_list ap)
{
	void (*f)(ucontext_t *, void (*)(void), int, ...);
	long a[Maxarg];
	va_list aq;
	int i, e;

	findreal();
	e = errno;
	f = __atomic_load_n(&realmake, __ATOMIC_RELAXED);
	memset(a, 0, sizeof a);
	va_copy(aq, ap);
	for(i = 0; i < argc && i < Maxarg; i++)
		a[i] = va_arg(aq, long);
	va_end(aq);
	errno = e;
	if(f == NULL){
		va_copy(aq, ap);
		ucmake(uc, fn, argc, aq);
		va_end(aq);
		after(uc);
		errno = e;
		return;
	}
	f(uc, fn, argc, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9],
		a[10], a[11], a[12], a[13], a[14], a[15], a[16], a[17], a[18], a[19],
		a[20], a[21], a[22], a[23], a[24], a[25], a[26], a[27], a[28], a[29],
		a[30], a[31]);
	e = errno;
	if(argc > Maxarg){
		va_copy(aq, ap);
		moreargs(uc, argc, a, aq);
		va_end(aq);
	}
	after(uc);
	errno = e;
}

int
rtswapcontext(ucontext_t *oucp, const ucontext_t *uc)
{
	int (*f)(ucontext_t *, const ucontext_t *);
	Ctx *was;
	int r, e;

	findreal();
	f = __atomic_load_n(&realswap, __ATOMIC_RELAXED);
	e = errno;
	was = leave(oucp, uc);
	errno = e;
	r = f(oucp, uc);
	if(r < 0){
		e = errno;
		stay(was);
		errno = e;
	}
	return r;
}

int
rtsetcontext(const ucontext_t *uc)
{
	int (*f)(const ucontext_t *);
	Ctx *was;
	int r, e;

	findreal();
	f = __atomic_load_n(&realset, __ATOMIC_RELAXED);
	e = errno;
	was = leave(NULL, uc);
	errno = e;
	r = f(uc);
	e = errno;
	stay(was);
	errno = e;
	return r;
}
