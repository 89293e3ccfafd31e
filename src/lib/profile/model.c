/* Call-tree profiles in memory: the link and time checks, self times, freeing. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "proffile.h"

#include "profile/profile.h"

void
proffree(Prof *p)
{
	uint32_t i;

	if(p == NULL)
		return;
	for(i = 0; p->mod != NULL && i < p->nmod; i++)
		free(p->mod[i].path);
	free(p->mod);
	free(p->node);
	free(p);
}

const char *
proftypename(int t)
{
	static const char *name[] = {"?", "user", "kernel", "elapsed", "sample", "stacks"};

	return t >= Pfuser && t <= Pfstacks ? name[t] : "unknown";
}

const char *
profcaveat(const Prof *p)
{
	if(p->format != Ppid)
		return NULL;
	switch(p->mechanism){
	case Mthreadcpu:
	case Mtaskclock:
		if(p->proftype == Pfuser)
			return "proftype user measured user+kernel thread CPU time: no user-mode cycle counter";
		if(p->proftype == Pfsample)
			return "proftype sample measured thread CPU time at every call: no tick timer";
		if(p->proftype == Pfelapsed)
			return "proftype elapsed measured thread CPU time";
		if(p->proftype == Pfstacks)
			return "times were measured at every call, not sampled";
		break;
	case Mticks:
		if(p->proftype != Pfsample)
			return "times are 1 ms ticks of user time";
		break;
	case Mrdpmc:
		if(p->proftype != Pfuser)
			return "times are user-mode cycles";
		break;
	case Mperfclock:
	case Mptrace:
		if(p->proftype != Pfstacks)
			return "times are samples of CPU time";
		break;
	case Mtsc:
	case Mmonotonic:
		if(p->proftype != Pfelapsed)
			return "times are elapsed time, not CPU time";
		break;
	default:
		return "times were measured by an unknown mechanism";
	}
	return NULL;
}

uint64_t
profself(const Prof *p, uint32_t i)
{
	uint64_t t;
	uint32_t c;

	t = p->node[i].time;
	for(c = p->node[i].down; c != Pnone; c = p->node[c].right){
		if(p->format == Ppid && p->node[c].time > t)
			return 0;	/* callees longer (see timecheck): none of its own */
		t -= p->node[c].time;
	}
	return t & p->mask;
}

/* Follow link l of record i: push it unless absent. 0, or -1 if bad. */
static int
follow(uint32_t l, uint32_t i, uint32_t n, uint32_t *newidx, uint32_t *stack, uint32_t *sp,
	uint32_t *next, const char *name)
{
	if(l == Pnone)
		return 0;
	if(l >= n){
		werrstr("%s: record %u links to record %u, past the last (%u)", name, i, l, n - 1);
		return -1;
	}
	if(newidx[l] != Pnone){
		werrstr("%s: record %u is reached twice (a cycle or a shared subtree)", name, l);
		return -1;
	}
	newidx[l] = (*next)++;
	stack[(*sp)++] = l;
	return 0;
}

static uint64_t
addsat(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* The sum of the times of node j's callees (UINT64_MAX if past it). */
static uint64_t
calleetime(const Pnode *node, uint32_t j)
{
	uint64_t sum;
	uint32_t c;

	sum = 0;
	for(c = node[j].down; c != Pnone; c = node[c].right)
		sum = addsat(sum, node[c].time);
	return sum;
}

int
profbounded(uint64_t time, uint64_t calls, uint64_t unitns, const char *name)
{
	if(time > UINT64_MAX / (unitns > 0 ? unitns : 1)){
		werrstr("%s: its threads' times add up to more than 2^64 ns", name);
		return -1;
	}
	if(calls == UINT64_MAX){
		werrstr("%s: its call counts add up to 2^64 or more", name);
		return -1;
	}
	return 0;
}

void
profsums(const Prof *p, uint64_t *time, uint64_t *calls)
{
	uint32_t j;

	*time = calleetime(p->node, 0);
	*calls = 0;
	for(j = 0; j < p->nnode; j++)
		*calls = addsat(*calls, p->node[j].count);
}

/*
 * Times of a prof.<pid> cannot wrap: the threads' times (the root's
 * callees') in ns, and all the calls, fit in 64 bits, so no sum or
 * product of the reports can overflow. A node's callees may add up to
 * more than its own time: by the rounding of each time to the unit, or
 * by much more for a call still active in another thread while the
 * profile was written (the runtime reads that thread's stack as it
 * changes: tests 425, 711). profself gives such a node no self time,
 * never a wrapped one. 0, or -1 naming the bound.
 */
static int
timecheck(const Pnode *node, uint32_t n, uint64_t unitns, const char *name)
{
	uint64_t calls;
	uint32_t j;

	calls = 0;
	for(j = 1; j < n; j++)
		calls = addsat(calls, node[j].count);
	return profbounded(calleetime(node, 0), calls, unitns, name);
}

/*
 * Keep the nodes reachable from raw[0] through down and right links
 * (the root's right link is not followed), renumbered in the order
 * reached; fail if a link is out of range or a node is reached twice.
 */
Prof *
profcheck(const Pnode *raw, uint32_t n, uint64_t mask, uint64_t unitns, int nested, const char *name)
{
	uint32_t *newidx, *stack, sp, next, i, j;
	Pnode *node;
	Prof *p;

	p = calloc(1, sizeof *p);
	newidx = malloc(n * sizeof *newidx);
	stack = malloc(n * sizeof *stack);
	if(p == NULL || newidx == NULL || stack == NULL){
		werrstr("%s: out of memory", name);
		goto fail;
	}
	for(i = 0; i < n; i++)
		newidx[i] = Pnone;
	newidx[0] = 0;
	next = 1;
	sp = 0;
	if(follow(raw[0].down, 0, n, newidx, stack, &sp, &next, name) < 0)
		goto fail;
	while(sp > 0){
		i = stack[--sp];
		if(follow(raw[i].right, i, n, newidx, stack, &sp, &next, name) < 0
		|| follow(raw[i].down, i, n, newidx, stack, &sp, &next, name) < 0)
			goto fail;
	}
	node = malloc(next * sizeof *node);
	if(node == NULL){
		werrstr("%s: out of memory", name);
		goto fail;
	}
	for(i = 0; i < n; i++){
		j = newidx[i];
		if(j == Pnone)
			continue;
		node[j] = raw[i];
		node[j].down = raw[i].down == Pnone ? Pnone : newidx[raw[i].down];
		node[j].right = raw[i].right == Pnone || j == 0 ? Pnone : newidx[raw[i].right];
	}
	if(nested && timecheck(node, next, unitns, name) < 0){
		free(node);
		goto fail;
	}
	p->node = node;
	p->nnode = next;
	p->mask = mask;
	p->unitns = unitns;
	free(newidx);
	free(stack);
	return p;
fail:
	free(newidx);
	free(stack);
	free(p);
	return NULL;
}
