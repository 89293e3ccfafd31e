/*
 * The hooks -finstrument-functions calls at every function entry and
 * exit. No lock, no system call on the common path: a hash probe for the
 * (caller path, callee) node, a clock read, a push or a pop.
 */
#include <errno.h>

#include "rt.h"

static inline NI uint32_t
hashof(uint32_t parent, uint64_t pc, uint32_t mask)
{
	uint64_t h;

	h = (pc ^ (uint64_t)parent << 40) * 0x9E3779B97F4A7C15ull;
	return (uint32_t)(h >> 32) & mask;
}

/* The child of t->cur for pc, made if new; Lost if the buffer is full. */
static inline NI uint32_t
child(Thr *t, uint64_t pc)
{
	uint32_t i, n;
	Node *nd;

	if(t->cap == 0)
		return Lost;
	for(i = hashof(t->cur, pc, t->hmask); (n = t->hash[i]) != 0; i = (i + 1) & t->hmask)
		if(t->node[n].pc == pc && t->node[n].parent == t->cur)
			return n;
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
	t->node[t->cur].down = n;
	t->hash[i] = n;
	t->nnode = n + 1;	/* last: a dump in another thread sees whole nodes */
	return n;
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
 * Frames left by a longjmp: a frame whose recorded stack pointer is at
 * or below ours is no longer active. Only when we are on the stack the
 * frames are on (a signal handler on an alternate stack is not).
 */
static inline NI int
stale(Thr *t, uintptr_t sp)
{
	return t->depth > 0 && t->over == 0 && t->stack[t->depth - 1].sp <= sp
		&& sp <= t->stack[0].sp;
}

EXPORT void
__cyg_profile_func_enter(void *fn, void *site)
{
	uintptr_t sp;
	uint64_t now;
	uint32_t n;
	Frame *f;
	Thr *t;
	int e;

	(void)site;
	if(!rt.on)
		return;
	t = thr;
	if(t == NULL){
		e = errno;
		t = thrget();
		errno = e;
		if(t == NULL)
			return;
	}
	if(t->busy)
		return;
	t->busy = 1;
	if(t->gen != rt.gen)
		thrreset(t);
	sp = (uintptr_t)__builtin_frame_address(0);
	if(stale(t, sp)){
		now = clocknow(t);
		while(stale(t, sp))
			pop(t, now);
	}
	if(t->depth >= Maxdepth){
		t->over++;
		t->lost++;
		t->busy = 0;
		return;
	}
	if(t->depth > 0 && t->stack[t->depth - 1].node == Lost)
		n = Lost;	/* under a call not recorded: its path is unknown */
	else
		n = child(t, (uint64_t)fn);
	if(n == Lost)
		t->lost++;
	else
		t->node[n].count++;
	f = &t->stack[t->depth++];
	f->fn = (uint64_t)fn;
	f->sp = sp;
	f->node = n;
	if(n != Lost)
		t->cur = n;
	f->t0 = clocknow(t);
	t->busy = 0;
}

EXPORT void
__cyg_profile_func_exit(void *fn, void *site)
{
	uint64_t now;
	uint32_t i;
	Thr *t;

	(void)site;
	t = thr;
	if(t == NULL || t->busy || !rt.on)
		return;
	t->busy = 1;
	now = clocknow(t);
	if(t->over > 0)
		t->over--;
	else if(t->depth > 0 && t->stack[t->depth - 1].fn == (uint64_t)fn)
		pop(t, now);
	else{
		/* an exit whose entry was not seen, or frames skipped by longjmp */
		for(i = t->depth; i > 0 && t->stack[i - 1].fn != (uint64_t)fn; i--)
			;
		if(i > 0)
			while(t->depth >= i)
				pop(t, now);
	}
	t->busy = 0;
}
