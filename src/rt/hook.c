/*
 * The hooks -finstrument-functions calls at every function entry and
 * exit. No lock, no system call, no call at all on the common path: one
 * test of the thread's key, the (caller path, callee) node among the two
 * its caller called last, the call's frame (CFA) by the rule that node's
 * last hook at the same address had, a clock read (none in sample mode),
 * a push or a pop. Anything else (a thread's first call, a longjmp,
 * another node, a new one, a hook address not seen) goes on out of
 * line: a hash probe, the unwind tables (cfa.c).
 */
#include <errno.h>
#include <pthread.h>

#include "proffile.h"
#include "rt.h"

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

/*
 * The frame (CFA) of the call of fn from site whose hook's return
 * address is at slot; 0 if unknown. A function that jumped to its exit
 * hook as its last act left its own return address, site, there (a
 * hook's return address is never in the caller: this is exact).
 */
static __attribute__((noinline)) NI uintptr_t
where(uint64_t fn, uint64_t site, const uint64_t *slot, uintptr_t bp, Rule *ru)
{
	if(*slot == site)
		*ru = (Rule){ .pc = site, .base = Rsp };
	else
		cfarule(*slot, fn, ru);
	return cfaat(ru, slot, bp);
}

/* Keep ru in a node's cache (pc, off, flag) when the common paths can use it. */
static inline NI void
cache(uint64_t *pc, int32_t *off, uint8_t *flag, const Rule *ru)
{
	int64_t o;

	o = ru->base == Rsp ? ru->off + 8 : ru->off;
	if(ru->base == Rnone || ru->deref || o != (int32_t)o){
		*pc = 0;
		return;
	}
	*off = (int32_t)o;
	*flag = (ru->base == Rbp ? Fbp : 0) | (ru->inl ? Finl : 0);
	*pc = ru->pc;
}

/* A new child of t->cur for pc in hash slot *i; NULL at $profsize's limit or out of memory. */
static __attribute__((noinline)) NI Node *
newchild(Thr *t, uint64_t pc, uint32_t i, uint32_t up)
{
	uint32_t n, mask;
	Node *nd, *upn;
	int e;

	mask = t->hmask;
	if(t->nnode >= t->limit || t->nnode == t->cap || 2 * ((size_t)t->nnode + 1) > (size_t)mask + 1){
		e = errno;
		n = (uint32_t)treegrow(t);
		errno = e;
		if((int32_t)n < 0)
			return NULL;
		if(t->hmask != mask)	/* rehashed: the empty slot moved */
			for(i = hashof(up, pc, t->hmask); t->hash[i] != 0; i = (i + 1) & t->hmask)
				;
	}
	n = t->nnode;
	nd = nodeat(t, n);
	upn = t->cur;
	nd->id = n;
	nd->pc = pc;
	nd->count = 0;
	nd->time = 0;
	nd->down = 0;
	nd->parent = up;
	nd->last[0] = nd->last[1] = nodeat(t, 0);
	nd->epc = nd->xpc = 0;
	nd->right = upn->down;
	/* linked in last: a dump in another thread sees whole nodes (see downof in dump.c) */
	__atomic_signal_fence(__ATOMIC_RELEASE);
	upn->down = n;
	t->hash[i] = n;
	__atomic_store_n(&t->nnode, n + 1, __ATOMIC_RELEASE);
	return nd;
}

/* The child of t->cur for pc, made if new; NULL if it cannot be. */
static __attribute__((noinline)) NI Node *
child(Thr *t, uint64_t pc)
{
	uint32_t i, n, up;
	Node *nd;

	if(t->cap == 0)
		return NULL;
	up = t->cur->id;
	for(i = hashof(up, pc, t->hmask); (n = t->hash[i]) != 0; i = (i + 1) & t->hmask)
		if(nodeat(t, n)->pc == pc && nodeat(t, n)->parent == up)
			break;
	if(n != 0)
		nd = nodeat(t, n);
	else if((nd = newchild(t, pc, i, up)) == NULL)
		return NULL;
	t->cur->last[1] = t->cur->last[0];
	t->cur->last[0] = nd;
	return nd;
}

/*
 * Push a frame for the call of fn, its frame at cfa, its node n (or
 * NULL), at time now; untimed (Mticks, now 0) frames' t0 is never read.
 */
static inline __attribute__((always_inline)) NI void
pushat(Thr *t, uint64_t fn, uintptr_t cfa, Node *n, uint64_t now, int timed)
{
	Frame *f;

	f = t->top + 1;
	f->fn = fn;
	f->cfa = cfa;
	f->node = n;
	f->prev = t->cur;
	if(timed)
		f->t0 = t->tev = now;
	t->top = f;
	if(n == NULL)
		t->lost++;
	else{
		n->count++;
		t->cur = n;
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

	if(t->top == t->stack || t->over != 0 || cfa > t->stack[1].cfa)
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
	if(t->over > 0 && cfa >= t->top->cfa && cfa <= t->stack[1].cfa)
		t->over = 0;
}

/* Close the frames a longjmp left (out of line: the common call is deeper than the top frame). */
static __attribute__((noinline)) NI void
unwind(Thr *t, uintptr_t cfa, int inl)
{
	while(stale(t, cfa, inl))
		pop(t, t->tev);
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
 * The entry points: each passes the hook where its own return address
 * is (slot: the callee's stack pointer) and the callee's rbp, from
 * which the unwind rules find the callee's frame; C has no cheap way to
 * say either.
 */
__asm__(
	".pushsection .text\n"
	".globl __cyg_profile_func_enter\n"
	".type __cyg_profile_func_enter, @function\n"
	"__cyg_profile_func_enter:\n"
	"	.cfi_startproc\n"
	"	movq %rsp, %rdx\n"
	"	movq %rbp, %rcx\n"
	"	jmp profenter\n"
	"	.cfi_endproc\n"
	".size __cyg_profile_func_enter, .-__cyg_profile_func_enter\n"
	".globl __cyg_profile_func_exit\n"
	".type __cyg_profile_func_exit, @function\n"
	"__cyg_profile_func_exit:\n"
	"	.cfi_startproc\n"
	"	movq %rsp, %rdx\n"
	"	movq %rbp, %rcx\n"
	"	jmp profexit\n"
	"	.cfi_endproc\n"
	".size __cyg_profile_func_exit, .-__cyg_profile_func_exit\n"
	".popsection\n");

/*
 * An entry past the checks, in full: the call's frame, frames a longjmp
 * left, the depth, the path, the node (made if new). A call whose frame
 * is unknown (code without unwind tables) is taken to be at its
 * caller's: frames are then closed by their callers' hooks only.
 */
static __attribute__((noinline)) NI void
enterrest(Thr *t, uint64_t fn, uint64_t site, const uint64_t *slot, uintptr_t bp, uint64_t now)
{
	uintptr_t cfa;
	Rule ru;
	Node *n;
	int inl;

	cfa = where(fn, site, slot, bp, &ru);
	inl = ru.inl;
	if(cfa == 0){
		cfa = t->top->cfa;
		inl = 1;
	}
	overgone(t, cfa);
	unwind(t, cfa, inl);
	if(t->top == t->end){
		t->over++;
		t->lost++;
		t->deep++;
		LEAVE(t);
		return;
	}
	if(t->top->node == NULL)
		n = NULL;	/* under a call not recorded: its path is unknown */
	else if((n = child(t, fn)) != NULL)
		cache(&n->epc, &n->eoff, &n->eflag, &ru);
	pushat(t, fn, cfa, n, now, 1);
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
 * Everything else goes on in enterrest. k is the thread's key, rt.key.
 */
static inline __attribute__((always_inline)) NI void
enternow(Thr *t, uint64_t k, uint64_t fn, uint64_t site, const uint64_t *slot, uintptr_t bp, uint64_t now, int timed)
{
	uintptr_t cfa;
	Frame *f;
	Node *n;

	ENTER(t);
	f = t->top;
	n = t->cur->last[0];
	if(n->pc != fn)
		n = t->cur->last[1];
	cfa = (n->eflag & Fbp ? bp : (uintptr_t)slot) + (uintptr_t)(intptr_t)n->eoff;
	if(n->pc == fn && n->epc == *slot && cfa - (n->eflag >> 1) < f->cfa && f->node != NULL && f != t->end){
		pushat(t, fn, cfa, n, now, timed);
		LEAVEKEY(t, k);
		return;
	}
	enterrest(t, fn, site, slot, bp, now);
}

/* The entry hook: in sample mode no clock is read (the ticks' handler charges the path). */
void
profenter(void *fn, void *site, const uint64_t *slot, uintptr_t bp)
{
	uint64_t now, k;
	Thr *t;

	t = &me;
	k = t->key;
	if(k == rt.key){
		if(rt.mech == Mticks){
			enternow(t, k, (uint64_t)fn, (uint64_t)site, slot, bp, 0, 0);
			return;
		}
		if(clockfast(t, &now)){
			enternow(t, k, (uint64_t)fn, (uint64_t)site, slot, bp, now, 1);
			return;
		}
	}
	enterfull((uint64_t)fn, (uint64_t)site, slot, bp);
}

/* A thread ends: its calls still active end at its last hook. */
void
thrunwind(Thr *t)
{
	while(t->top != t->stack)
		pop(t, t->tev);
	t->over = 0;
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
		if(f->fn == fn && (f->cfa == cfa || cfa == 0))
			return f;
		if(cfa != 0 && f->cfa > cfa && cfa <= t->stack[1].cfa)
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
	Rule ru;

	cfa = where(fn, site, slot, bp, &ru);
	if(cfa != 0)
		overgone(t, cfa);
	if(t->over > 0)
		t->over--;
	else if((f = exiting(t, fn, cfa)) != NULL){
		while(t->top != f)
			pop(t, t->tev);
		if(f->node != NULL)
			cache(&f->node->xpc, &f->node->xoff, &f->node->xflag, &ru);
		pop(t, now);
	}else if(cfa != 0 && cfa <= t->stack[1].cfa)
		while(t->top != t->stack && t->top->cfa < cfa)
			pop(t, t->tev);	/* deeper than a call that returns: gone */
	t->tev = now;
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
	Frame *f;
	Node *n;

	ENTER(t);
	f = t->top;
	n = f->node;
	if(n != NULL && f->fn == fn && n->xpc == *slot){
		cfa = (n->xflag & Fbp ? bp : (uintptr_t)slot) + (uintptr_t)(intptr_t)n->xoff;
		if(cfa == f->cfa){
			pop(t, now);	/* untimed, now is 0: no time added */
			if(timed)
				t->tev = now;
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
	if(k == rt.key){
		if(rt.mech == Mticks){
			exitnow(t, k, (uint64_t)fn, (uint64_t)site, slot, bp, 0, 0);
			return;
		}
		if(clockfast(t, &now)){
			exitnow(t, k, (uint64_t)fn, (uint64_t)site, slot, bp, now, 1);
			return;
		}
	}
	exitfull((uint64_t)fn, (uint64_t)site, slot, bp);
}
