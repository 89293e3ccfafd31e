/*
 * The hooks -finstrument-functions calls at every function entry and
 * exit. No lock, no system call, no call at all on the common path: one
 * test of the thread's key, the callee among its caller's children (in
 * the caller's node or its table), the call's frame (CFA) by the rule
 * kept for this hook address (in the child's entry, the frame, or the
 * thread's small cache), a clock read (none in sample mode), a push or
 * a pop. Anything else (a thread's first call, a longjmp, a new path, a
 * hook address not seen) goes on out of line: the unwind tables
 * (cfa.c), a new node.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include "cfa.h"
#include "clock.h"
#include "proffile.h"
#include "rt.h"
#include "tree.h"

static TLS int making;	/* the thread's tree is being made */

/*
 * The key's busy bit is read by a signal handler interrupting this
 * thread: the compiler must not move the tree's reads and writes past
 * its setting and clearing (no instruction: the handler runs on this
 * CPU). The common paths restore the key they found.
 */
#define ENTER(t) do{ (t)->key |= 1; __atomic_signal_fence(__ATOMIC_SEQ_CST); }while(0)
#define LEAVE(t) do{ __atomic_signal_fence(__ATOMIC_SEQ_CST); (t)->key = keyof(t); }while(0)
#define LEAVEKEY(t, k) do{ __atomic_signal_fence(__ATOMIC_SEQ_CST); (t)->key = (k); }while(0)

/* The CFA rule ru gives for a hook whose return address is at slot, rbp being bp; 0 if none. */
static inline NI uintptr_t
cfaat(const Rule *ru, const uint64_t *slot, uintptr_t bp)
{
	uintptr_t b;

	if(ru->base == Rnone)
		return 0;
	b = (ru->base == Rbp ? bp : (uintptr_t)slot + 8) + (uintptr_t)ru->off;
	if(ru->deref)
		b = *(const uintptr_t *)b;
	return b + (uintptr_t)ru->off2;
}

/* ru packed for a node (see Node); 0 if it cannot be. */
static inline NI uint64_t
rulepack(const Rule *ru)
{
	int64_t o;

	o = ru->base == Rsp ? ru->off + 8 : ru->off;
	if(ru->base == Rnone || ru->deref || o < 0 || o % 8 != 0 || o / 8 > 0x3fff || ru->pc >> 48 != 0)
		return 0;
	return ru->pc << 16 | (uint64_t)(o / 8) << 2 | (ru->base == Rbp ? Fbp : 0) | (ru->inl ? Finl : 0);
}

/* The CFA by packed rule r at a hook's slot, rbp being bp. */
static inline __attribute__((always_inline)) NI uintptr_t
rulecfa(uint64_t r, const uint64_t *slot, uintptr_t bp)
{
	return (r & Fbp ? bp : (uintptr_t)slot) + RULEOFF(r);
}

/*
 * The frame (CFA) of the call of fn from site whose hook's return
 * address is at slot; 0 if unknown. *r: its rule packed (0 if it cannot
 * be), *inl: fn is inlined there. A function that jumped to its exit
 * hook as its last act left its own return address, site, there (a
 * hook's return address is never in the caller: this is exact; and the
 * instruction before a return address calls either the exit hook or a
 * function, never both, so that rule too is the address's own). Rules
 * are looked for in the thread's small cache by hook address first (an
 * inlined function's hooks are at several addresses in its host, a
 * function called from several sites returns to each: a node keeps
 * one), then in the unwind tables' (cfa.c).
 */
static __attribute__((noinline)) NI uintptr_t
where(Thr *t, uint64_t fn, uint64_t site, const uint64_t *slot, uintptr_t bp, uint64_t *r, int *inl)
{
	uint64_t hp, *c;
	Rule ru;

	hp = *slot;
	c = &t->rc[RCSLOT(hp)];
	if(RULEPC(*c) == hp){
		*r = *c;
		*inl = (*c & Finl) != 0;
		return rulecfa(*c, slot, bp);
	}
	if(hp == site)
		ru = (Rule){ .pc = site, .base = Rsp };
	else
		cfarule(hp, fn, &ru);
	*r = rulepack(&ru);
	if(*r != 0)
		*c = *r;
	*inl = ru.inl;
	return cfaat(&ru, slot, bp);
}

static Kid *
kidput(Kid *tab, uint32_t shift, const Kid *k)
{
	uint32_t i, mask;

	mask = (uint32_t)(~0ull >> shift);
	for(i = KIDSLOT(k->pc, shift); tab[i].pc != 0; i = (i + 1) & mask)
		;
	tab[i] = *k;
	return &tab[i];
}

/*
 * Room in up for one more child: in the node while k holds them, else
 * in its table, made or doubled when it would be over half full. -1 if
 * out of memory.
 */
static int
kidroom(Thr *t, Node *up)
{
	uint32_t shift, i, n;
	Kid *tab;
	int j;

	if(up->tab == NULL && up->nkid < Kids)
		return 0;
	shift = up->tab == NULL ? 64 - 2 : up->tshift;
	n = 1u << (64 - shift);
	if(up->tab != NULL && 2 * (up->nkid + 1) <= n)
		return 0;
	if((tab = kidtab(t, shift - 1)) == NULL)
		return -1;
	if(up->tab == NULL)
		for(j = 0; j < Kids; j++)
			kidput(tab, shift - 1, &up->k[j]);
	else
		for(i = 0; i < n; i++)
			if(up->tab[i].pc != 0)
				kidput(tab, shift - 1, &up->tab[i]);
	up->tshift = shift - 1;
	__atomic_store_n(&up->tab, tab, __ATOMIC_RELEASE);	/* a dump reads it (counts) */
	return 0;
}

/* A new child of t->cur for pc; NULL at $profsize's limit or out of memory. */
static __attribute__((noinline)) NI Kid *
newchild(Thr *t, uint64_t pc)
{
	uint32_t n;
	Node *nd, *up;
	Kid k, *kp;
	int e, r;

	up = t->cur;
	e = errno;
	r = treegrow(t) < 0 || kidroom(t, up) < 0;
	errno = e;
	if(r)
		return NULL;
	n = t->nnode;
	nd = nodeat(t, n);
	memset(nd, 0, sizeof *nd);
	nd->id = n;
	nd->pc = pc;
	nd->parent = up->id;
	nd->right = up->down;
	k = (Kid){ pc, 0, 0, 0, nd };
	if(up->tab != NULL)
		kp = kidput(up->tab, up->tshift, &k);
	else
		*(kp = &up->k[up->nkid]) = k;
	up->nkid++;
	/* linked in last: a dump in another thread sees whole nodes (see downof in dump.c) */
	__atomic_signal_fence(__ATOMIC_RELEASE);
	up->down = n;
	__atomic_store_n(&t->nnode, n + 1, __ATOMIC_RELEASE);
	return kp;
}

/*
 * Push a frame for the call of fn, its frame at cfa, its node n (or
 * NULL), at time now; untimed (Mticks, now 0) frames' t0 is never read.
 */
static inline __attribute__((always_inline)) NI void
pushat(Thr *t, uint64_t fn, uintptr_t cfa, Kid *k, uint64_t now, int timed)
{
	Frame *f;

	f = t->top + 1;
	f->fn = fn;
	f->cfa = cfa;
	f->prev = t->cur;
	f->kid = k;
	if(timed)
		f->t0 = t->tlast = now;
	t->top = f;
	if(k == NULL){
		f->node = NULL;
		f->xrule = 0;
		t->lost++;
	}else{
		f->node = k->node;
		f->xrule = k->xrule;
		k->count++;
		t->cur = k->node;
	}
}

/*
 * Pop the top frame at time now, charging its node. A frame's t0 is
 * never after now, so at now 0 (Mticks, always) there is nothing to add.
 */
static inline NI void
pop(Thr *t, uint64_t now)
{
	Frame *f;

	f = t->top--;
	if(now != 0 && f->node != NULL)
		f->node->time += now - f->t0;
	t->cur = f->prev;
}

/*
 * Is the top frame no longer active, a call being entered at cfa? A
 * longjmp left it if it is deeper than cfa (lower on the stack), or at
 * cfa itself unless the callee is inlined in the function that owns
 * that frame (compilers keep the hooks of inlined functions). Only when
 * cfa is on the stack the frames are on (a signal handler on an
 * alternate stack is not). Such frames are closed at the time of the
 * last hook, the latest we know them alive.
 */
static inline NI int
stale(Thr *t, uintptr_t cfa, int inl)
{
	Frame *f;

	if(t->top == t->stack || t->deepnow != 0 || cfa > t->stack[1].cfa)
		return 0;
	f = t->top;
	return f->cfa < cfa || (f->cfa == cfa && !inl);
}

/*
 * Calls too deep to record are all deeper than the top frame: a hook at
 * its level or above, on the same stack, finds them left by a longjmp.
 */
static inline NI void
overgone(Thr *t, uintptr_t cfa)
{
	if(t->deepnow > 0 && cfa >= t->top->cfa && cfa <= t->stack[1].cfa)
		t->deepnow = 0;
}

/* Close the frames a longjmp left (out of line: the common call is deeper than the top frame). */
static __attribute__((noinline)) NI void
unwind(Thr *t, uintptr_t cfa, int inl)
{
	while(stale(t, cfa, inl))
		pop(t, t->tlast);
}

/*
 * The calling thread's first call: its tree, or NULL. Making it closes
 * a file (the thread's clock), a cancellation point: a thread cancelled
 * in a hook would end where it could not unprofiled, its tree
 * registered and never seen ending.
 */
static __attribute__((noinline)) NI Thr *
firstcall(void)
{
	Thr *t;
	int e, cs;

	/* a signal handler's call while this thread's tree is being made is not recorded */
	if(making)
		return NULL;
	making = 1;
	e = errno;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &cs);
	t = thrget();
	pthread_setcancelstate(cs, NULL);
	errno = e;
	making = 0;
	return t;
}

/* prof() began a new profile since the thread's last call (no cancellation: see firstcall). */
static __attribute__((noinline)) NI void
newgen(Thr *t)
{
	int e, cs;

	e = errno;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &cs);
	thrreset(t);
	pthread_setcancelstate(cs, NULL);
	errno = e;
}


/*
 * An entry past the checks, in full: the call's frame, frames a longjmp
 * left, the depth, the path, the node (made if new). The frame is by
 * the rule the node for this call kept, if it exists under the top
 * frame and its last entry was at this hook's address; else from the
 * unwind tables. A call whose frame is unknown (code without unwind
 * tables) gets a guessed one just below its caller's (Guessed), matched
 * at its exit by its function alone: a longjmp out of it is noticed by
 * its callers' hooks only.
 */
static __attribute__((noinline)) NI void
enterrest(Thr *t, uint64_t fn, uint64_t site, const uint64_t *slot, uintptr_t bp, uint64_t now)
{
	uintptr_t cfa;
	uint64_t r;
	Kid *k;
	int inl;

	k = t->top->node != NULL && t->cap != 0 ? find(t->cur, fn) : NULL;
	r = 0;
	if(k != NULL && RULEPC(k->erule) == *slot){
		cfa = rulecfa(k->erule, slot, bp);
		inl = (k->erule & Finl) != 0;
	}else{
		cfa = where(t, fn, site, slot, bp, &r, &inl);
		if(cfa == 0){
			cfa = Guessed(t->top->cfa);
			inl = 1;
		}
	}
	overgone(t, cfa);
	if(stale(t, cfa, inl)){
		unwind(t, cfa, inl);
		k = NULL;	/* found under a frame that is gone */
	}
	if(t->top == t->end){
		t->deepnow++;
		t->lost++;
		t->deep++;
		LEAVE(t);
		return;
	}
	if(t->top->node == NULL || t->cap == 0)
		k = NULL;	/* under a call not recorded: its path is unknown */
	else if(k == NULL && (k = find(t->cur, fn)) == NULL)
		k = newchild(t, fn);
	if(k != NULL && r != 0)
		k->erule = r;
	pushat(t, fn, cfa, k, now, 1);
	LEAVE(t);
}

/* An entry in full: off, the thread's first call, a signal handler's call in a hook, a new profile. */
static __attribute__((noinline)) NI void
enterfull(uint64_t fn, uint64_t site, const uint64_t *slot, uintptr_t bp)
{
	Thr *t;

	if(!recording())
		return;
	t = thr;
	if(t == NULL && (t = firstcall()) == NULL)
		return;
	if(BUSY(t))
		return;
	ENTER(t);
	if(t->gen != rt.gen)
		newgen(t);
	enterrest(t, fn, site, slot, bp, clocknow(t));
}

/*
 * The common call, from the top frame, recorded, not Maxdepth deep, to
 * a node that exists and is one of the last two called from there (the
 * root, pc 0, stands for none), whose last entry hook was at this same
 * address (so the rule it kept gives this call's frame, exactly), and
 * below the top frame (or at its frame, inlined in it): no hash probe,
 * no unwind tables, no call but at the end (no registers to save).
 * Everything else goes on in enterrest. k is the thread's key, rtkey().
 */
static inline __attribute__((always_inline)) NI void
enternow(Thr *t, uint64_t k0, uint64_t fn, uint64_t site, const uint64_t *slot, uintptr_t bp, uint64_t now, int timed)
{
	uintptr_t cfa;
	uint64_t r;
	Frame *f;
	Kid *k;

	ENTER(t);
	f = t->top;
	k = find(t->cur, fn);
	if(k == NULL)
		goto rest;
	r = k->erule;
	if(RULEPC(r) != *slot){
		r = t->rc[RCSLOT(*slot)];	/* another copy of an inlined callee, say */
		if(RULEPC(r) != *slot)
			goto rest;
		k->erule = r;
	}
	cfa = rulecfa(r, slot, bp);
	if(cfa - (r >> 1 & 1) < f->cfa && f->node != NULL && f != t->end){
		pushat(t, fn, cfa, k, now, timed);
		LEAVEKEY(t, k0);
		return;
	}
rest:
	enterrest(t, fn, site, slot, bp, now);
}

/* The entry hook of the timed modes (sample mode's is tickenter). */
void
profenter(void *fn, void *site, const uint64_t *slot, uintptr_t bp)
{
	uint64_t now, k;
	Thr *t;

	t = &me;
	k = t->key;
	if(k == rtkey()){
		if(clockfast(t, &now)){
			enternow(t, k, (uint64_t)fn, (uint64_t)site, slot, bp, now, 1);
			return;
		}
	}
	enterfull((uint64_t)fn, (uint64_t)site, slot, bp);
}

/* Sample mode's entry hook: no clock, no test of the mechanism. */
static void
tickenter(void *fn, void *site, const uint64_t *slot, uintptr_t bp)
{
	uint64_t k;
	Thr *t;

	t = &me;
	k = t->key;
	if(k == rtkey()){
		enternow(t, k, (uint64_t)fn, (uint64_t)site, slot, bp, 0, 0);
		return;
	}
	enterfull((uint64_t)fn, (uint64_t)site, slot, bp);
}

/* A thread ends: its calls still active end at its last hook. */
void
thrunwind(Thr *t)
{
	while(t->top != t->stack)
		pop(t, t->tlast);
	t->deepnow = 0;
}

/*
 * The frame of the call of fn whose frame is cfa; NULL if none. Frames
 * above it on the shadow stack are deeper calls a longjmp left; one at
 * the same cfa, a callee inlined in it. Unknown cfa (0): the newest
 * call of fn.
 */
static __attribute__((noinline)) NI Frame *
exiting(Thr *t, uint64_t fn, uintptr_t cfa)
{
	Frame *f;

	for(f = t->top; f != t->stack; f--){
		if(f->fn == fn && (f->cfa == cfa || cfa == 0 || (f->cfa & 1)))
			return f;
		if(cfa != 0 && f->cfa > cfa && !(f->cfa & 1) && cfa <= t->stack[1].cfa)
			return NULL;	/* shallower: the call's entry was not seen */
	}
	return NULL;
}

/* An exit past the checks, in full: frames a longjmp left, calls too deep. */
static __attribute__((noinline)) NI void
exitrest(Thr *t, uint64_t fn, uint64_t site, const uint64_t *slot, uintptr_t bp, uint64_t now)
{
	uintptr_t cfa;
	Frame *f;
	uint64_t r;
	int inl;

	cfa = where(t, fn, site, slot, bp, &r, &inl);
	if(cfa != 0)
		overgone(t, cfa);
	if(t->deepnow > 0)
		t->deepnow--;
	else if((f = exiting(t, fn, cfa)) != NULL){
		while(t->top != f)
			pop(t, t->tlast);
		if(f->kid != NULL)
			f->kid->xrule = f->xrule = r;
		pop(t, now);
	}else if(cfa != 0 && cfa <= t->stack[1].cfa)
		while(t->top != t->stack && t->top->cfa < cfa)
			pop(t, t->tlast);	/* deeper than a call that returns: gone */
	t->tlast = now;
	LEAVE(t);
}

/* An exit in full: off, a signal handler's call in a hook, the clock read through the kernel. */
static __attribute__((noinline)) NI void
exitfull(uint64_t fn, uint64_t site, const uint64_t *slot, uintptr_t bp)
{
	Thr *t;

	t = thr;
	if(t == NULL || BUSY(t) || !recording())
		return;
	ENTER(t);
	exitrest(t, fn, site, slot, bp, clocknow(t));
}

/*
 * The common exit: the top frame's call returning, its frame found by
 * the rule its node's last exit at this address had. Else exitrest.
 */
static inline __attribute__((always_inline)) NI void
exitnow(Thr *t, uint64_t k, uint64_t fn, uint64_t site, const uint64_t *slot, uintptr_t bp, uint64_t now, int timed)
{
	uintptr_t cfa;
	uint64_t r;
	Frame *f;

	ENTER(t);
	f = t->top;
	r = f->xrule;
	if(RULEPC(r) != *slot)
		r = t->rc[RCSLOT(*slot)];	/* another of its exits, or of its copies' */
	if(f->fn == fn && RULEPC(r) == *slot){
		cfa = rulecfa(r, slot, bp);
		if(cfa == f->cfa){
			pop(t, now);	/* untimed, now is 0: no time added */
			if(timed)
				t->tlast = now;
			LEAVEKEY(t, k);
			return;
		}
	}
	exitrest(t, fn, site, slot, bp, now);
}

void
profexit(void *fn, void *site, const uint64_t *slot, uintptr_t bp)
{
	uint64_t now, k;
	Thr *t;

	t = &me;
	k = t->key;
	if(k == rtkey()){
		if(clockfast(t, &now)){
			exitnow(t, k, (uint64_t)fn, (uint64_t)site, slot, bp, now, 1);
			return;
		}
	}
	exitfull((uint64_t)fn, (uint64_t)site, slot, bp);
}

/*
 * ctx.c: the child of node up for pc in t's tree, made if new (its
 * count unchanged); NULL if it cannot be.
 */
Kid *
thrchild(Thr *t, Node *up, uint64_t pc)
{
	Node *cur;
	Kid *k;

	if(t->cap == 0)
		return NULL;
	cur = t->cur;
	t->cur = up;
	if((k = find(up, pc)) == NULL)
		k = newchild(t, pc);
	t->cur = cur;
	return k;
}

/* Sample mode's exit hook. */
static void
tickexit(void *fn, void *site, const uint64_t *slot, uintptr_t bp)
{
	uint64_t k;
	Thr *t;

	t = &me;
	k = t->key;
	if(k == rtkey()){
		exitnow(t, k, (uint64_t)fn, (uint64_t)site, slot, bp, 0, 0);
		return;
	}
	exitfull((uint64_t)fn, (uint64_t)site, slot, bp);
}

/* The hooks the entry points jump to; profenter and profexit test the mechanism each call. */
__attribute__((visibility("hidden"))) void (*volatile entryhook)(void *, void *, const uint64_t *, uintptr_t) = profenter;
__attribute__((visibility("hidden"))) void (*volatile exithook)(void *, void *, const uint64_t *, uintptr_t) = profexit;

/* rt.mech was set: the hooks for it. */
void
hookmode(void)
{
	entryhook = rt.mech == Mticks ? tickenter : profenter;
	exithook = rt.mech == Mticks ? tickexit : profexit;
}
