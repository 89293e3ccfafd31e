/*
 * A thread's call tree and shadow stack: the nodes (one a call path),
 * the children each node keeps, the frames of the calls active, and the
 * functions of hook.c and tree.c that work on them.
 */
#ifndef TREE_H
#define TREE_H

#include <stdint.h>

#include "cfa.h"
#include "proffile.h"
#include "rt.h"

enum
{
	Kids = 2,		/* children a node keeps in itself; more go in a table of its own */
	Defprofsize = 0,	/* no limit: the tree grows as the program needs */
	Maxdepth = Pfmaxdepth,	/* frames per thread; deeper calls are not recorded */
	Chunk0 = 10,		/* a tree's first chunk holds 1<<Chunk0 nodes; chunk k>0 1<<(Chunk0+k-1) */
	Nchunk = 33 - Chunk0,	/* chunks for 1<<32 nodes */
};

typedef struct Node Node;
typedef struct Frame Frame;

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

extern TLS Thr *thr __attribute__((visibility("hidden")));	/* &me, or NULL if the thread has no tree */
extern TLS Thr me __attribute__((visibility("hidden")));

static inline __attribute__((always_inline, no_instrument_function)) uint64_t
keyof(const Thr *t)
{
	return t->stack != NULL && t->cap != 0 && t->deepnow == 0 ? keyfor(t->gen) : 0;
}

#define BUSY(t) ((t)->key & 1)

/* hook.c */
RT void thrunwind(Thr *t);
RT Kid *thrchild(Thr *t, Node *up, uint64_t pc);

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

#endif
