/*
 * The profiling runtime's internals. Nothing here is instrumented
 * (the runtime is built without -finstrument-functions), and every
 * function is hidden except prof(), the two hooks and the wrappers of
 * exec*, dlclose and makecontext, swapcontext, setcontext.
 */
#ifndef RT_H
#define RT_H

#include <signal.h>
#include <stdint.h>
#include <time.h>

#include "amd64.h"
#include "proffile.h"

#define NI __attribute__((no_instrument_function))
#define RT __attribute__((visibility("hidden"), no_instrument_function))
#define EXPORT __attribute__((visibility("default"), no_instrument_function))
#define TLS __thread __attribute__((tls_model("initial-exec")))

enum
{
	Defprofsize = 0,	/* no limit: the tree grows as the program needs */
	Maxdepth = Pfmaxdepth,	/* frames per thread; deeper calls are not recorded */
	Chunk0 = 10,		/* a tree's first chunk holds 1<<Chunk0 nodes; chunk k>0 1<<(Chunk0+k-1) */
	Nchunk = 33 - Chunk0,	/* chunks for 1<<32 nodes */
};

/* rtkey() when not recording: no thread's key, busy or not (keyof's 0 busy is 1) */
#define Keyoff UINT64_MAX

typedef struct Node Node;
typedef struct Frame Frame;
typedef struct Thr Thr;
typedef struct Rule Rule;

/*
 * How to find a function's CFA (the stack address just above its
 * return address) at a pc: base (the function's rsp, which is the
 * hook's slot + 8, or its rbp) + off; then, if deref, the word there
 * + off2. Rnone: the pc has no unwind information.
 */
enum { Rsp, Rbp, Rnone };

struct Rule
{
	uint64_t pc;		/* the hook's return address */
	int64_t off;
	int64_t off2;
	uint8_t base;
	uint8_t deref;
	uint8_t inl;		/* the hook is of a function inlined there (not the function the pc is in) */
};

/*
 * A rule kept in a node, packed in a word: the hook's return address
 * << 16 | the CFA's offset in words << 2 | Fbp | Finl; 0 for none. The
 * offset is from the hook's slot, or from rbp if Fbp; Finl: the hook is
 * of a function inlined where it is. Rules with offsets past 14 bits of
 * words, or not whole words, are not kept there.
 */
enum { Fbp = 1, Finl = 2, Kids = 2, Nrc = 1024 };

#define RULEPC(r) ((r) >> 16)
#define RULEOFF(r) ((uintptr_t)((r) >> 2 & 0x3fff) << 3)
#define RCSLOT(pc) (((pc) ^ (pc) >> 10) & (Nrc - 1))

/*
 * A child of a node, as its parent keeps it: its pc, the rules its
 * last entry and exit from there had, its calls (the child node's
 * count: a call touches its caller's line, not the callee's), the node.
 */
typedef struct Kid Kid;
struct Kid
{
	uint64_t pc;		/* 0: none */
	uint64_t erule;
	uint64_t xrule;
	uint64_t count;
	Node *node;
};

/*
 * One call path: the callee's entry pc, inclusive time, and its
 * children (the first Kids in the node; all of them in a table of the
 * node's own when there are more). Two cache lines.
 */
struct Node
{
	Kid k[Kids];		/* the first children, while there is no tab */
	Kid *tab;		/* all the children, open addressing; NULL while k holds them */
	uint32_t tshift;	/* tab has 1 << (64 - tshift) slots */
	uint32_t nkid;		/* children */
	uint64_t pc;
	uint64_t time;		/* clock units; Mticks: the path's own ticks, summed up the tree at the dump */
	uint32_t parent;
	uint32_t id;		/* its index */
	uint32_t down;		/* first child, newest first; 0 = none */
	uint32_t right;		/* next older sibling; 0 = none */
} __attribute__((aligned(64)));

/* Where pc goes in a table of 1 << (64 - shift) slots. */
#define KIDSLOT(pc, shift) ((uint32_t)((pc) >> 4 ^ (pc) >> 9) & (uint32_t)(~0ull >> (shift)))

/*
 * The frame given a call whose frame the unwind tables do not tell: just
 * below its caller's c, and odd, where real ones are 8-aligned.
 */
#define Guessed(c) (((c) - 8) | 1)

/*
 * An active call on a thread's shadow stack. The stack's first frame is
 * none: its cfa is above every other, its fn no function's, its node the
 * root, so that the common paths need not test for an empty stack.
 */
struct Frame
{
	uint64_t fn;
	uintptr_t cfa;		/* the call's frame (an inlined callee's is its host's); finds longjmp'd frames */
	Node *node;		/* NULL: the call was not recorded */
	Node *prev;		/* t->cur before the call, again when it ends */
	uint64_t t0;
	uint64_t xrule;		/* the kid's xrule when the call began: the exit's common path reads no node */
	Kid *kid;		/* where the call is counted (maybe a table since outgrown: only rules are kept there) */
};

/* A thread's profile: its call tree (node 0 the root) and shadow stack. */
struct Thr
{
	Node *chunk[Nchunk];	/* the nodes, in chunks that never move (see nodeat) */
	uint32_t nnode;
	uint32_t cap;		/* nodes in the chunks made so far; 0: no tree */
	uint32_t limit;		/* most nodes, the root included ($profsize + 1) */
	char *arena;		/* where the next table of children goes; chunks linked by their first word */
	size_t arenaleft;
	uint64_t key;		/* rtkey() when the common paths may run (keyof); its low bit: busy */
	Frame *stack;		/* stack[0] is none; frames 1 to depth */
	Frame *top;		/* the newest frame, &stack[depth] */
	Frame *end;		/* &stack[Maxdepth] */
	uint32_t deepnow;	/* calls deeper than Maxdepth still active (deep counts them all) */
	Node *cur;		/* the node of the newest recorded frame, the root at first; NULL without a tree */
	uint64_t tlast;		/* the time of the last hook: frames a longjmp left end then */
	uint64_t lost;		/* calls not recorded */
	uint64_t deep;		/* of them, calls deeper than Maxdepth */
	uint32_t tid;		/* the first thread to use the tree */
	uint32_t runner;	/* the thread using it now: a dump reads its clock */
	int gen;		/* profiling generation this tree belongs to */
	int clockmech;		/* the mechanism its clock was set up for */
	/* Mtaskclock state */
	volatile void *pg;	/* the perf task-clock page; its lock counts reschedules */
	uint32_t seq;
	uint64_t cpubase;	/* CPU time in cycles = cycle counter - cpubase while seq holds */
	/* Mticks state */
	uint64_t pending;	/* ticks not yet charged: they came while the tree was being made */
	uint64_t utseen;	/* the thread's user time in ticks at its last tick */
	uint64_t *rc;		/* Nrc packed rules by hook address (hook.c's where), after the stack: not in TLS */
	Thr *next;		/* all threads' trees, for the dump */
	Thr *spare;		/* the next tree of an ended thread */
	Thr *live;		/* a running thread's tree is in its TLS, here; NULL when it ended */
};

/* Node i of t: chunk 0 holds 0 to 1<<Chunk0 - 1, chunk k>0 1<<(Chunk0+k-1) onwards. */
static inline __attribute__((always_inline, no_instrument_function)) Node *
nodeat(const Thr *t, uint32_t i)
{
	int b, k;

	b = 63 - __builtin_clzll((uint64_t)i | ((1u << Chunk0) - 1));
	k = b - (Chunk0 - 1);
	return &t->chunk[k][k == 0 ? i : i - (1u << b)];
}

/* The child of cur for pc if there is one: in the node, or in its table. */
static inline __attribute__((always_inline, no_instrument_function)) Kid *
find(const Node *cur, uint64_t pc)
{
	uint32_t i, mask;
	Kid *k, *tab;
	int j;

	tab = __atomic_load_n(&cur->tab, __ATOMIC_ACQUIRE);
	if(tab == NULL){
		for(j = 0; j < Kids; j++)
			if(cur->k[j].pc == pc)
				return (Kid *)&cur->k[j];
		return NULL;
	}
	mask = (uint32_t)(~0ull >> cur->tshift);
	for(i = KIDSLOT(pc, cur->tshift); (k = &tab[i])->pc != 0; i = (i + 1) & mask)
		if(k->pc == pc)
			return k;
	return NULL;
}

/*
 * ctx.c: the calls of a ucontext context while another runs on the
 * thread: its frames (1 to n of the shadow stack it had), cur and deepnow,
 * and the tree its nodes are in (another thread's or profile's: the
 * path is found again in the tree it comes back to).
 */
typedef struct Shadow Shadow;
struct Shadow
{
	Frame *f;		/* room for cap; mmap'd, kept for reuse */
	uint32_t n;
	uint32_t cap;
	uint32_t deepnow;
	Node *cur;
	Node *root;		/* the tree's node 0 ... */
	int gen;		/* ... and its generation */
};

/* Process-wide state. */
typedef struct Rt Rt;
struct Rt
{
	volatile uint64_t *nkey;	/* ~ the key (rtkey): in a page a child made by any kind of fork finds zeroed */
	int on;			/* a profile is being made: cleared by fork and the dump */
	int offs;		/* prof(..., Profoff) calls running */
	int gen;		/* bumped by prof(): trees of older generations restart */
	int proftype;		/* Pf* of proffile.h */
	int mech;		/* M* of proffile.h */
	uint32_t profsize;
	int nomem;		/* a thread's tree could not be made in this profile */
	int pid;
	uint64_t mono0, tsc0;	/* for calibrating the cycle counter */
	double tscns;		/* first estimate of ns per cycle */
	uint64_t nsfx;		/* the same, 32.32 fixed point: the hooks' conversions raise no flag */
	uint64_t cycfx;		/* cycles per ns, 32.32 */
	uint64_t tickns;	/* Mticks: the kernel's clock tick */
	int ticking;		/* Mticks: the interval timer runs */
};

extern Rt rt __attribute__((visibility("hidden")));
extern TLS Thr *thr __attribute__((visibility("hidden")));	/* &me, or NULL if the thread has no tree */
extern TLS Thr me __attribute__((visibility("hidden")));

/*
 * A thread's key is rtkey() when its hooks may take their common paths:
 * recording, the thread has a tree of this profile, no call deeper than
 * Maxdepth is active, and it is not inside a hook (the key's low bit,
 * busy: a signal handler's calls then go to the full paths, which ignore
 * them). One comparison tests it all.
 */
static inline __attribute__((always_inline, no_instrument_function)) uint64_t
keyfor(int gen)
{
	return 2 * (uint64_t)(uint32_t)gen + 2;
}

static inline __attribute__((always_inline, no_instrument_function)) uint64_t
keyof(const Thr *t)
{
	return t->stack != NULL && t->cap != 0 && t->deepnow == 0 ? keyfor(t->gen) : 0;
}

#define BUSY(t) ((t)->key & 1)

/*
 * The key every hook compares with its thread's: keyfor(gen) while on
 * and no Profoff runs, else Keyoff. It is kept complemented in a page
 * marked MADV_WIPEONFORK, so that in a child made by a raw clone or
 * syscall(SYS_fork), which no atfork handler sees, it reads Keyoff: the
 * child runs unprofiled (its hooks would read its parent's perf pages,
 * not mapped in it).
 */
static inline __attribute__((always_inline, no_instrument_function)) uint64_t
rtkey(void)
{
	return ~*rt.nkey;
}

static inline __attribute__((always_inline, no_instrument_function)) int
recording(void)
{
	return rtkey() != Keyoff;
}

/* hook.c: called by code compiled with -finstrument-functions (entry points in assembly) */
EXPORT void __cyg_profile_func_enter(void *fn, void *site);
EXPORT void __cyg_profile_func_exit(void *fn, void *site);
RT void profenter(void *fn, void *site, const uint64_t *slot, uintptr_t bp);
RT void profexit(void *fn, void *site, const uint64_t *slot, uintptr_t bp);

/* clock.c */
RT void clockinit(int proftype);
RT void clockend(void);
RT void clockresume(void);
RT uint64_t clockslow(Thr *t);
RT uint64_t clockother(Thr *t);
RT int clockthread(Thr *t);
RT void clockthreadend(Thr *t);
RT double clockunitns(void);
RT uint64_t monons(void);

/* The perf_event_mmap_page field we read: lock, bumped at every reschedule (checked in clock.c). */
#define PGLOCKOFF 8
#define PGLOCK(pg) (*(volatile uint32_t *)((volatile char *)(pg) + PGLOCKOFF))

/*
 * The current time of thread t in the mechanism's units; Mticks keeps
 * no time in the hooks (0): its ticks are charged to the running call
 * path by the tick's signal handler. Mtaskclock:
 * while the task-clock page's lock is unchanged the thread has not been
 * descheduled, so its CPU time (kept in cycles) advances with the cycle
 * counter; clockslow resyncs it with the kernel's count. clockfast is
 * the part that makes no call (0 when clockslow is needed).
 */
static inline __attribute__((always_inline, no_instrument_function)) int
clockfast(Thr *t, uint64_t *now)
{
	uint64_t tsc;
	uint32_t seq;
	int mech;

	mech = rt.mech;
	if(mech == Mticks){
		*now = 0;
		return 1;
	}
	if(mech == Mtsc){
		*now = cycles();
		return 1;
	}
	if(mech == Mtaskclock && t->pg != NULL){
		seq = PGLOCK(t->pg);
		__asm__ volatile("" ::: "memory");
		tsc = cycles();
		__asm__ volatile("" ::: "memory");
		if(seq == t->seq && PGLOCK(t->pg) == seq){
			*now = tsc - t->cpubase;
			return 1;
		}
	}
	return 0;	/* only clockslow can tell */
}

static inline __attribute__((always_inline, no_instrument_function)) uint64_t
clocknow(Thr *t)
{
	uint64_t now;

	return clockfast(t, &now) ? now : clockslow(t);
}

/* hook.c */
RT void thrunwind(Thr *t);
RT void hookmode(void);
RT Kid *thrchild(Thr *t, Node *up, uint64_t pc);

/* cfa.c */
RT void cfarule(uint64_t pc, uint64_t fn, Rule *ru);
RT void cfaunloaded(void);

/* tree.c */
RT Thr *thrget(void);
RT int treegrow(Thr *t);
RT Kid *kidtab(Thr *t, uint32_t shift);
RT uint32_t nodeidx(const Thr *t, const Node *n);
RT void treeforget(void);
RT void thrreset(Thr *t);
RT Thr *thrlist(void);
RT Thr *thrview(Thr *t);
RT void thrlock(void);
RT void thrunlock(void);
RT void thrforkprepare(void);
RT void thrforkparent(void);
RT void thrforkchild(void);

/* The module table: a loaded object's executable span and identity. */
enum { Maxmod = 4096, Maxid = 64 };

typedef struct Mod Mod;
struct Mod
{
	char *path;		/* malloc'd */
	uint64_t bias;
	uint64_t lo, hi;	/* the executable segments' span, run-time addresses */
	unsigned char id[Maxid];
	uint32_t idlen;
};

typedef struct Mods Mods;
struct Mods
{
	Mod *m;			/* malloc'd, cap */
	uint32_t n;
	uint32_t exe;		/* the executable's index, or Pfnomod */
	uint32_t cap;		/* room in m */
	int seen;		/* modules dl_iterate_phdr has shown: the first is the executable */
	int quick;		/* only those that can be unloaded, by their loader's names */
	unsigned long long subs;	/* objects unloaded so far, as the loader counts them */
};

/* mods.c */
RT int modsloaded(Mods *ms);
RT void modsaddgone(Mods *ms);
RT void modsgone(Mods *before);
RT void modsforget(void);
RT void modsfree(Mods *ms);
RT uint32_t modof(const Mods *ms, uint64_t pc);

/* dump.c */
RT int profdump(void);
RT int profdumpnext(char *name, size_t size);
RT void rtsay(const char *a, const char *b, const char *c);

/* sig.c */
RT void rtsiginit(void);
RT void rtdumpbegin(sigset_t *old);
RT void rtdumpend(const sigset_t *old);
RT void rtsigforkchild(void);
RT int rtsnapped(void);

/* libc.c */
extern const char rtlibc __attribute__((visibility("hidden")));

/* The implementations of libc.c's functions: exec.c, mods.c, sig.c, ctx.c */
typedef void (*Handler)(int);
RT int rtexecve(const char *path, char *const argv[], char *const envp[]);
RT int rtexecv(const char *path, char *const argv[]);
RT int rtexecvp(const char *file, char *const argv[]);
RT int rtexecvpe(const char *file, char *const argv[], char *const envp[]);
RT int rtfexecve(int fd, char *const argv[], char *const envp[]);
RT int rtdlclose(void *h);
RT int rtsigaction(int sig, const struct sigaction *act, struct sigaction *old);
RT Handler rtsignal(int sig, Handler h);
RT Handler rtbsdsignal(int sig, Handler h);
RT Handler rtsysvsignal(int sig, Handler h);
RT int rtsiginterrupt(int sig, int flag);
RT Handler rtsigset(int sig, Handler h);
RT int rtsigwait(const sigset_t *set, int *sig);
RT int rtsigwaitinfo(const sigset_t *set, siginfo_t *info);
RT int rtsigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *ts);
RT int rtsigpending(sigset_t *set);
RT int rtsignalfd(int fd, const sigset_t *mask, int flags);
RT void rtmakecontext(ucontext_t *uc, void (*fn)(void), int argc, va_list ap);
RT int rtswapcontext(ucontext_t *oucp, const ucontext_t *uc);
RT int rtsetcontext(const ucontext_t *uc);

/* init.c */
RT void rtstart(int proftype, uint32_t profsize);
RT void rtrecord(int on);
RT void rtoffs(int delta);

#endif
