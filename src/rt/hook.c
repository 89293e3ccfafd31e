/*
 * The hooks -finstrument-functions calls at every function entry and
 * exit. No lock, no system call, no call at all on the common path: the
 * (caller path, callee) node among the two its caller called last, the
 * return address where that node's last call had it, a clock read (none
 * in sample mode), a push or a pop. Anything else (a thread's first
 * call, a longjmp, another node, a new one, a full buffer) goes on out
 * of line: a hash probe, a search of the stack.
 */
#include <errno.h>

#include "rt.h"

static TLS int making;	/* the thread's tree is being made */

/*
 * busy is read by a signal handler interrupting this thread: the
 * compiler must not move the tree's reads and writes past its setting
 * and clearing (no instruction: the handler runs on this CPU).
 */
#define ENTER(t) do{ (t)->busy = 1; __atomic_signal_fence(__ATOMIC_SEQ_CST); }while(0)
#define LEAVE(t) do{ __atomic_signal_fence(__ATOMIC_SEQ_CST); (t)->busy = 0; }while(0)

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

/* A new child of t->cur for pc in hash slot i; Lost if the buffer is full. */
static __attribute__((noinline)) NI uint32_t
newchild(Thr *t, uint64_t pc, uint32_t i)
{
	uint32_t n;
	Node *nd;

	if(t->nnode >= t->cap)
		return Lost;
	n = t->nnode;
	nd = &t->node[n];
	nd->pc = pc;
	nd->count = 0;
	nd->time = 0;
	nd->down = 0;
	nd->parent = t->cur;
	nd->last[0] = nd->last[1] = 0;
	nd->off = 0;
	nd->right = t->node[t->cur].down;
	/* linked in last: a dump in another thread sees whole nodes (see downof in dump.c) */
	__atomic_signal_fence(__ATOMIC_RELEASE);
	t->node[t->cur].down = n;
	t->hash[i] = n;
	__atomic_store_n(&t->nnode, n + 1, __ATOMIC_RELEASE);
	return n;
}

/* The child of t->cur for pc, made if new; Lost if the buffer is full. */
static __attribute__((noinline)) NI uint32_t
child(Thr *t, uint64_t pc)
{
	uint32_t i, n, *last;

	if(t->cap == 0)
		return Lost;
	for(i = hashof(t->cur, pc, t->hmask); (n = t->hash[i]) != 0; i = (i + 1) & t->hmask)
		if(t->node[n].pc == pc && t->node[n].parent == t->cur)
			break;
	if(n == 0 && (n = newchild(t, pc, i)) == Lost)
		return Lost;
	last = t->node[t->cur].last;
	last[1] = last[0];
	last[0] = n;
	return n;
}

/*
 * The common cases without the hash: the child of t->cur for pc found
 * last, else the one the time before; the caller checks its pc (the
 * root's, 0 where there is none, never matches).
 */
static inline NI uint32_t
lastchild(Thr *t, uint64_t pc)
{
	const uint32_t *last;

	last = t->node[t->cur].last;
	return t->node[last[0]].pc == pc ? last[0] : last[1];
}

/* Push a frame for the call of fn from site, its node n (or Lost), at time now. */
static inline NI void
push(Thr *t, uint64_t fn, uint64_t site, uintptr_t sp, uint32_t n, uint64_t now)
{
	Frame *f;

	f = &t->stack[t->depth++];
	f->fn = fn;
	f->sp = sp;
	f->site = site;
	f->node = n;
	f->prev = t->cur;
	f->t0 = t->tev = now;
	if(n == Lost)
		t->lost++;
	else{
		t->node[n].count++;
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

	f = &t->stack[--t->depth];
	if(now != 0 && f->node != Lost)
		t->node[f->node].time += now - f->t0;
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

	if(t->depth == 0 || t->over != 0 || sp > t->stack[0].sp)
		return 0;
	f = &t->stack[t->depth - 1];
	if(f->sp != sp)
		return f->sp < sp;
	return f->site != site || f->fn == fn;
}

/* Close the frames a longjmp left (out of line: the common call is deeper than the top frame). */
static __attribute__((noinline)) NI void
unwind(Thr *t, uintptr_t sp, uint64_t fn, uint64_t site)
{
	while(stale(t, sp, fn, site))
		pop(t, t->tev);
}

/* The calling thread's first call: its tree, or NULL. */
static __attribute__((noinline)) NI Thr *
firstcall(void)
{
	Thr *t;
	int e;

	/* a signal handler's call while this thread's tree is being made is not recorded */
	if(making)
		return NULL;
	making = 1;
	e = errno;
	t = thrget();
	errno = e;
	making = 0;
	return t;
}

/* prof() began a new profile since the thread's last call. */
static __attribute__((noinline)) NI void
newgen(Thr *t)
{
	int e;

	e = errno;
	thrreset(t);
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
	uint32_t n;

	sp = retslot(slot, site);
	if(t->depth > 0 && sp >= t->stack[t->depth - 1].sp)
		unwind(t, sp, fn, site);
	if(t->depth >= Maxdepth){
		t->over++;
		t->lost++;
		LEAVE(t);
		return;
	}
	if(t->depth > 0 && t->stack[t->depth - 1].node == Lost)
		n = Lost;	/* under a call not recorded: its path is unknown */
	else if((n = child(t, fn)) != Lost && sp >= (uintptr_t)slot)
		t->node[n].off = (sp - (uintptr_t)slot) / 8;
	push(t, fn, site, sp, n, now);
	LEAVE(t);
}

/* An entry in full: off, the thread's first call, a signal handler's call in a hook, a new profile. */
static __attribute__((noinline)) NI void
enterfull(uint64_t fn, uint64_t site, const uint64_t *slot)
{
	Thr *t;

	if(!rt.on)
		return;
	t = thr;
	if(t == NULL && (t = firstcall()) == NULL)
		return;
	if(t->busy)
		return;
	ENTER(t);
	if(t->gen != rt.gen)
		newgen(t);
	enterrest(t, fn, site, slot, clocknow(t));
}

/*
 * The common call, from the top frame, recorded, to a node that exists
 * and one of the last two called from there, its return address where
 * the node's last call had it: no hash probe, no search for the return
 * address, no call but at the end (no registers to save). Everything
 * else goes on in enterrest, or from the start in enterfull.
 */
void
profenter(void *fn, void *site, const uint64_t *slot)
{
	const uint64_t *sp;
	uint64_t now;
	uint32_t d, n;
	Frame *f;
	Node *nd;
	Thr *t;

	t = &me;
	if(t->stack == NULL || t->busy || t->gen != rt.gen || !rt.on || !clockfast(t, &now)){
		enterfull((uint64_t)fn, (uint64_t)site, slot);
		return;
	}
	ENTER(t);
	d = t->depth;
	if(d - 1 < Maxdepth - 1){	/* 0 < d < Maxdepth */
		f = &t->stack[d];
		n = lastchild(t, (uint64_t)fn);
		nd = &t->node[n];
		sp = &slot[nd->off];
		if(nd->pc == (uint64_t)fn && *sp == (uint64_t)site
		&& (uintptr_t)sp < f[-1].sp && f[-1].node != Lost){
			push(t, (uint64_t)fn, (uint64_t)site, (uintptr_t)sp, n, now);
			LEAVE(t);
			return;
		}
	}
	enterrest(t, (uint64_t)fn, (uint64_t)site, slot, now);
}

/* A thread ends: its calls still active end at its last hook. */
void
thrunwind(Thr *t)
{
	while(t->depth > 0)
		pop(t, t->tev);
	t->over = 0;
}

/*
 * The frame (its index + 1) of the call of fn that returns, its return
 * address being at sp; 0 if none. The exit hook finds the same slot the
 * entry hook did, whether called normally or jumped to by the callee as
 * its last act (gcc -O2); frames a longjmp left above the call are lower.
 */
static __attribute__((noinline)) NI uint32_t
exiting(Thr *t, uint64_t fn, uintptr_t sp)
{
	uint32_t i;
	Frame *s;

	s = t->stack;
	for(i = t->depth; i > 0; i--)
		if(s[i - 1].fn == fn && s[i - 1].sp >= sp)
			return i;
	/* stacks switched, or the entry was not seen: the newest call of fn */
	for(i = t->depth; i > 0 && s[i - 1].fn != fn; i--)
		;
	return i;
}

/* An exit past the checks, in full: frames a longjmp left, calls too deep. */
static __attribute__((noinline)) NI void
exitrest(Thr *t, uint64_t fn, uint64_t site, const uint64_t *slot, uint64_t now)
{
	uintptr_t sp;
	uint32_t i;

	sp = retslot(slot, site);
	if(t->over > 0)
		t->over--;
	else if(t->depth > 0 && t->stack[t->depth - 1].fn == fn
	&& t->stack[t->depth - 1].sp >= sp)
		pop(t, now);
	else if((i = exiting(t, fn, sp)) > 0){
		while(t->depth > i)
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
	if(t == NULL || t->busy || !rt.on)
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
void
profexit(void *fn, void *site, const uint64_t *slot)
{
	uint64_t now;
	uint32_t d;
	Frame *f;
	Thr *t;

	t = &me;
	if(t->stack == NULL || t->busy || !rt.on || !clockfast(t, &now)){
		exitfull((uint64_t)fn, (uint64_t)site, slot);
		return;
	}
	ENTER(t);
	d = t->depth;
	if(d > 0 && t->over == 0 && (f = &t->stack[d - 1])->fn == (uint64_t)fn
	&& f->site == (uint64_t)site && f->sp >= (uintptr_t)slot){
		pop(t, now);
		t->tev = now;
		LEAVE(t);
		return;
	}
	exitrest(t, (uint64_t)fn, (uint64_t)site, slot, now);
}
