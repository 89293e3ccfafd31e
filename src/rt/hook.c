/*
 * The hooks -finstrument-functions calls at every function entry and
 * exit. No lock, no system call, no call at all on the common path: one
 * test of the thread's key, the (caller path, callee) node among the two
 * its caller called last, the return address where that node's last call
 * had it, a clock read (none in sample mode), a push or a pop. Anything
 * else (a thread's first call, a longjmp, another node, a new one, a
 * full buffer) goes on out of line: a hash probe, a search of the stack.
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

enum { Maxscan = 512 };	/* words of a callee's frame searched for its return address */

/*
 * Where the calling function's return address, site, is on the stack:
 * the first word holding it from the hook's own return address at slot
 * up (slot itself when the callee jumped to the hook as its last act).
 * Unlike the hook's frame it does not depend on the callee's frame size,
 * so the calls made from one frame are at one level, and deeper calls
 * lower. Just below slot if not found within Maxscan words.
 */
static inline NI uintptr_t
retslot(const uint64_t *slot, uint64_t site)
{
	int i;

	for(i = 0; i < Maxscan; i++)
		if(slot[i] == site)
			return (uintptr_t)&slot[i];
	return (uintptr_t)slot - 8;
}

static inline NI uint32_t
hashof(uint32_t parent, uint64_t pc, uint32_t mask)
{
	uint64_t h;

	h = (pc ^ (uint64_t)parent << 40) * 0x9E3779B97F4A7C15ull;
	return (uint32_t)(h >> 32) & mask;
}

/* A new child of t->cur for pc in hash slot i; NULL if the buffer is full. */
static __attribute__((noinline)) NI Node *
newchild(Thr *t, uint64_t pc, uint32_t i)
{
	uint32_t n;
	Node *nd, *up;

	if(t->nnode >= t->cap)
		return NULL;
	n = t->nnode;
	nd = &t->node[n];
	up = t->cur;
	nd->pc = pc;
	nd->count = 0;
	nd->time = 0;
	nd->down = 0;
	nd->parent = (uint32_t)(up - t->node);
	nd->last[0] = nd->last[1] = &t->node[0];
	nd->off = 0;
	nd->right = up->down;
	/* linked in last: a dump in another thread sees whole nodes (see downof in dump.c) */
	__atomic_signal_fence(__ATOMIC_RELEASE);
	up->down = n;
	t->hash[i] = n;
	__atomic_store_n(&t->nnode, n + 1, __ATOMIC_RELEASE);
	return nd;
}

/* The child of t->cur for pc, made if new; NULL if the buffer is full. */
static __attribute__((noinline)) NI Node *
child(Thr *t, uint64_t pc)
{
	uint32_t i, n, up;
	Node *nd;

	if(t->cap == 0)
		return NULL;
	up = (uint32_t)(t->cur - t->node);
	for(i = hashof(up, pc, t->hmask); (n = t->hash[i]) != 0; i = (i + 1) & t->hmask)
		if(t->node[n].pc == pc && t->node[n].parent == up)
			break;
	if(n != 0)
		nd = &t->node[n];
	else if((nd = newchild(t, pc, i)) == NULL)
		return NULL;
	t->cur->last[1] = t->cur->last[0];
	t->cur->last[0] = nd;
	return nd;
}

/*
 * Push a frame for the call of fn from site, its node n (or NULL), at
 * time now; untimed (Mticks, now 0) frames' t0 is never read.
 */
static inline __attribute__((always_inline)) NI void
pushat(Thr *t, uint64_t fn, uint64_t site, uintptr_t sp, Node *n, uint64_t now, int timed)
{
	Frame *f;

	f = t->top + 1;
	f->fn = fn;
	f->site = site;
	f->sp = sp;
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

static inline NI void
push(Thr *t, uint64_t fn, uint64_t site, uintptr_t sp, Node *n, uint64_t now)
{
	pushat(t, fn, site, sp, n, now, 1);
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
 * Frames left by a longjmp: is the top frame no longer active, a call
 * of fn from site being entered with its return address at sp? A frame
 * lower on the stack than ours is; one at our level too (a call from
 * the same frame), unless it is that of the function our callee is
 * inlined in (compilers keep the hooks of inlined functions: the callee
 * then has its host's return address). Only when we are on the stack
 * the frames are on (a signal handler on an alternate stack is not).
 * Such frames are closed at the time of the last hook, the latest we
 * know them alive.
 */
static inline NI int
stale(Thr *t, uintptr_t sp, uint64_t fn, uint64_t site)
{
	Frame *f;

	if(t->top == t->stack || t->over != 0 || sp > t->stack[1].sp)
		return 0;
	f = t->top;
	if(f->sp != sp)
		return f->sp < sp;
	return f->site != site || f->fn == fn;
}

/*
 * Calls too deep to record are all deeper than the top frame: a hook at
 * its level or above, on the same stack, finds them left by a longjmp.
 */
static inline NI void
overgone(Thr *t, uintptr_t sp)
{
	if(t->over > 0 && sp >= t->top->sp && sp <= t->stack[1].sp)
		t->over = 0;
}

/* Close the frames a longjmp left (out of line: the common call is deeper than the top frame). */
static __attribute__((noinline)) NI void
unwind(Thr *t, uintptr_t sp, uint64_t fn, uint64_t site)
{
	while(stale(t, sp, fn, site))
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
 * is (the bottom of the callee's frame, where retslot starts), which C
 * has no cheap way to say.
 */
__asm__(
	".pushsection .text\n"
	".globl __cyg_profile_func_enter\n"
	".type __cyg_profile_func_enter, @function\n"
	"__cyg_profile_func_enter:\n"
	"	.cfi_startproc\n"
	"	movq %rsp, %rdx\n"
	"	jmp profenter\n"
	"	.cfi_endproc\n"
	".size __cyg_profile_func_enter, .-__cyg_profile_func_enter\n"
	".globl __cyg_profile_func_exit\n"
	".type __cyg_profile_func_exit, @function\n"
	"__cyg_profile_func_exit:\n"
	"	.cfi_startproc\n"
	"	movq %rsp, %rdx\n"
	"	jmp profexit\n"
	"	.cfi_endproc\n"
	".size __cyg_profile_func_exit, .-__cyg_profile_func_exit\n"
	".popsection\n");

/*
 * An entry past the checks, in full: its return address, frames a
 * longjmp left, the depth, the path, the node (made if new).
 */
static __attribute__((noinline)) NI void
enterrest(Thr *t, uint64_t fn, uint64_t site, const uint64_t *slot, uint64_t now)
{
	uintptr_t sp;
	Node *n;

	sp = retslot(slot, site);
	overgone(t, sp);
	if(sp >= t->top->sp)
		unwind(t, sp, fn, site);
	if(t->top == t->end){
		t->over++;
		t->lost++;
		t->deep++;
		LEAVE(t);
		return;
	}
	if(t->top->node == NULL)
		n = NULL;	/* under a call not recorded: its path is unknown */
	else if((n = child(t, fn)) != NULL && sp >= (uintptr_t)slot)
		n->off = (sp - (uintptr_t)slot) / 8;
	push(t, fn, site, sp, n, now);
	LEAVE(t);
}

/* An entry in full: off, the thread's first call, a signal handler's call in a hook, a new profile. */
static __attribute__((noinline)) NI void
enterfull(uint64_t fn, uint64_t site, const uint64_t *slot)
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
	enterrest(t, fn, site, slot, clocknow(t));
}

/*
 * The common call, from the top frame, recorded, not Maxdepth deep, to
 * a node that exists and is one of the last two called from there (the
 * root, pc 0, stands for none), its return address where the node's
 * last call had it: no hash probe, no search for the return address, no
 * call but at the end (no registers to save). Everything else goes on
 * in enterrest. k is the thread's key, rt.key.
 */
static inline __attribute__((always_inline)) NI void
enternow(Thr *t, uint64_t k, uint64_t fn, uint64_t site, const uint64_t *slot, uint64_t now, int timed)
{
	const uint64_t *sp;
	Frame *f;
	Node *n;

	ENTER(t);
	f = t->top;
	n = t->cur->last[0];
	if(n->pc != fn)
		n = t->cur->last[1];
	sp = &slot[n->off];
	if(n->pc == fn && *sp == site && (uintptr_t)sp < f->sp && f->node != NULL && f != t->end){
		pushat(t, fn, site, (uintptr_t)sp, n, now, timed);
		LEAVEKEY(t, k);
		return;
	}
	enterrest(t, fn, site, slot, now);
}

/* The entry hook: in sample mode no clock is read (the ticks' handler charges the path). */
void
profenter(void *fn, void *site, const uint64_t *slot)
{
	uint64_t now, k;
	Thr *t;

	t = &me;
	k = t->key;
	if(k == rt.key){
		if(rt.mech == Mticks){
			enternow(t, k, (uint64_t)fn, (uint64_t)site, slot, 0, 0);
			return;
		}
		if(clockfast(t, &now)){
			enternow(t, k, (uint64_t)fn, (uint64_t)site, slot, now, 1);
			return;
		}
	}
	enterfull((uint64_t)fn, (uint64_t)site, slot);
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
 * The frame of the call of fn that returns, its return address being at
 * sp; NULL if none. The exit hook finds the same slot the entry hook
 * did, whether called normally or jumped to by the callee as its last
 * act (gcc -O2); frames a longjmp left above the call are lower.
 */
static __attribute__((noinline)) NI Frame *
exiting(Thr *t, uint64_t fn, uintptr_t sp)
{
	Frame *f;

	for(f = t->top; f != t->stack; f--)
		if(f->fn == fn && f->sp >= sp)
			return f;
	/* stacks switched, or the entry was not seen: the newest call of fn */
	for(f = t->top; f != t->stack; f--)
		if(f->fn == fn)
			return f;
	return NULL;
}

/* An exit past the checks, in full: frames a longjmp left, calls too deep. */
static __attribute__((noinline)) NI void
exitrest(Thr *t, uint64_t fn, uint64_t site, const uint64_t *slot, uint64_t now)
{
	uintptr_t sp;
	Frame *f;

	sp = retslot(slot, site);
	overgone(t, sp);
	if(t->over > 0)
		t->over--;
	else if(t->top->fn == fn && t->top->sp >= sp)
		pop(t, now);
	else if((f = exiting(t, fn, sp)) != NULL){
		while(t->top != f)
			pop(t, t->tev);
		pop(t, now);
	}
	t->tev = now;
	LEAVE(t);
}

/* An exit in full: off, a signal handler's call in a hook, the clock read through the kernel. */
static __attribute__((noinline)) NI void
exitfull(uint64_t fn, uint64_t site, const uint64_t *slot)
{
	Thr *t;

	t = thr;
	if(t == NULL || BUSY(t) || !recording())
		return;
	ENTER(t);
	exitrest(t, fn, site, slot, clocknow(t));
}

/*
 * The common exit, the top frame's call returning, is known without
 * finding the return address: same function, same site, not below the
 * hook. A frame a longjmp left that passes (the same function called
 * from the same site: recursion) is popped instead; its caller's frame
 * then ends at the next entry from that frame or at the next exit.
 */
static inline __attribute__((always_inline)) NI void
exitnow(Thr *t, uint64_t k, uint64_t fn, uint64_t site, const uint64_t *slot, uint64_t now, int timed)
{
	Frame *f;

	ENTER(t);
	f = t->top;
	if(f->fn == fn && f->site == site && f->sp >= (uintptr_t)slot){
		pop(t, now);	/* untimed, now is 0: no time added */
		if(timed)
			t->tev = now;
		LEAVEKEY(t, k);
		return;
	}
	exitrest(t, fn, site, slot, now);
}

void
profexit(void *fn, void *site, const uint64_t *slot)
{
	uint64_t now, k;
	Thr *t;

	t = &me;
	k = t->key;
	if(k == rt.key){
		if(rt.mech == Mticks){
			exitnow(t, k, (uint64_t)fn, (uint64_t)site, slot, 0, 0);
			return;
		}
		if(clockfast(t, &now)){
			exitnow(t, k, (uint64_t)fn, (uint64_t)site, slot, now, 1);
			return;
		}
	}
	exitfull((uint64_t)fn, (uint64_t)site, slot);
}

/*
 * ctx.c: the child of node up for pc in t's tree, made if new (its
 * count unchanged); NULL if the buffer is full.
 */
Node *
thrchild(Thr *t, Node *up, uint64_t pc)
{
	Node *cur, *n;

	cur = t->cur;
	t->cur = up;
	n = child(t, pc);
	t->cur = cur;
	return n;
}
