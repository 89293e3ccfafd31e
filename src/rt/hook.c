/*
 * The hooks -finstrument-functions calls at every function entry and
 * exit. No lock, no system call on the common path: a hash probe for the
 * (caller path, callee) node, a clock read, a push or a pop.
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
 * the first word holding it above the hook's frame fp (the hook's own
 * return address, if the callee jumped to the hook as its last act).
 * Unlike fp it does not depend on the callee's frame size, so the calls
 * made from one frame are at one level, and deeper calls lower. fp if
 * not found within Maxscan words.
 */
static inline NI uintptr_t
retslot(uintptr_t fp, uint64_t site)
{
	const uint64_t *w;
	int i;

	w = (const uint64_t *)fp + 1;
	for(i = 0; i < Maxscan; i++)
		if(w[i] == site)
			return (uintptr_t)&w[i];
	return fp;
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
	nd->right = t->node[t->cur].down;
	/* linked in last: a dump in another thread sees whole nodes (see downof in dump.c) */
	__atomic_signal_fence(__ATOMIC_RELEASE);
	t->node[t->cur].down = n;
	t->hash[i] = n;
	__atomic_store_n(&t->nnode, n + 1, __ATOMIC_RELEASE);
	return n;
}

/* The child of t->cur for pc, made if new; Lost if the buffer is full. */
static inline NI uint32_t
child(Thr *t, uint64_t pc)
{
	uint32_t i, n;

	if(t->cap == 0)
		return Lost;
	for(i = hashof(t->cur, pc, t->hmask); (n = t->hash[i]) != 0; i = (i + 1) & t->hmask)
		if(t->node[n].pc == pc && t->node[n].parent == t->cur)
			return n;
	return newchild(t, pc, i);
}

/* Pop the top frame at time now, charging its node. */
static inline NI void
pop(Thr *t, uint64_t now)
{
	Frame *f;

	f = &t->stack[--t->depth];
	if(f->node != Lost)
		t->node[f->node].time += now - f->t0;
	t->cur = t->depth > 0 ? t->stack[t->depth - 1].node : 0;
	if(t->cur == Lost)
		t->cur = 0;	/* not used while a Lost frame is on top */
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

EXPORT void
__cyg_profile_func_enter(void *fn, void *site)
{
	uintptr_t sp;
	uint64_t now;
	uint32_t n;
	Frame *f;
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
	now = clocknow(t);
	sp = retslot((uintptr_t)__builtin_frame_address(0), (uint64_t)site);
	if(t->depth > 0 && sp >= t->stack[t->depth - 1].sp)
		unwind(t, sp, (uint64_t)fn, (uint64_t)site);
	if(t->depth >= Maxdepth){
		t->over++;
		t->lost++;
		LEAVE(t);
		return;
	}
	if(t->depth > 0 && t->stack[t->depth - 1].node == Lost)
		n = Lost;	/* under a call not recorded: its path is unknown */
	else
		n = child(t, (uint64_t)fn);
	if(n == Lost)
		t->lost++;
	else{
		t->node[n].count++;
		t->cur = n;
	}
	f = &t->stack[t->depth++];
	f->fn = (uint64_t)fn;
	f->sp = sp;
	f->site = (uint64_t)site;
	f->node = n;
	f->t0 = t->tev = now;
	LEAVE(t);
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

EXPORT void
__cyg_profile_func_exit(void *fn, void *site)
{
	uintptr_t sp;
	uint64_t now;
	uint32_t i;
	Thr *t;

	t = thr;
	if(t == NULL || t->busy || !rt.on)
		return;
	ENTER(t);
	now = clocknow(t);
	sp = retslot((uintptr_t)__builtin_frame_address(0), (uint64_t)site);
	if(t->over > 0)
		t->over--;
	else if(t->depth > 0 && t->stack[t->depth - 1].fn == (uint64_t)fn
	&& t->stack[t->depth - 1].sp >= sp)
		pop(t, now);	/* the common case: the top frame returns */
	else if((i = exiting(t, (uint64_t)fn, sp)) > 0){
		while(t->depth > i)
			pop(t, t->tev);
		pop(t, now);
	}
	t->tev = now;
	LEAVE(t);
}
