/*
 * A baseline on the paths of a profile, for a differential flame graph:
 * the paths of the two matched by the names of their functions (their
 * pcs differ between builds), the baseline's self time per path.
 */
#include <stdlib.h>
#include <string.h>

#include "proftools.h"

/* The child of baseline node j, not yet taken, whose function is named name; else Pnone. */
static uint32_t
namedchild(const Prof *b, const Space *bs, uint32_t j, const char *name, const unsigned char *taken)
{
	char buf[32];
	uint32_t k;

	for(k = b->node[j].down; k != Pnone; k = b->node[k].right)
		if(!taken[k] && strcmp(spacename(bs, b->node[k].pc, buf, sizeof buf), name) == 0)
			return k;
	return Pnone;
}

static uint64_t
absdiff(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

int
flamebase(Flamebase *fb, const Prof *p, const Space *s, const Prof *b, const Space *bs)
{
	uint32_t *stack, sp, i, j, c, m;
	unsigned char *taken;
	uint64_t max, d;
	char buf[32];

	fb->self = calloc(p->nnode, sizeof *fb->self);
	stack = malloc(2 * (size_t)p->nnode * sizeof *stack);
	taken = calloc(b->nnode, 1);
	if(fb->self == NULL || stack == NULL || taken == NULL){
		free(fb->self);
		free(stack);
		free(taken);
		fb->self = NULL;
		werrstr("differential flame graph: out of memory");
		return -1;
	}
	/* the roots ("all") stand for each other; the root is no path, its colour neutral */
	fb->self[0] = profself(p, 0) * p->unitns;
	taken[0] = 1;
	max = 0;
	sp = 0;
	stack[sp++] = 0;
	stack[sp++] = 0;
	while(sp > 0){
		j = stack[--sp];
		i = stack[--sp];
		for(c = p->node[i].down; c != Pnone; c = p->node[c].right){
			m = j == Pnone ? Pnone : namedchild(b, bs, j, spacename(s, p->node[c].pc, buf, sizeof buf), taken);
			if(m != Pnone){
				taken[m] = 1;
				fb->self[c] = profself(b, m) * b->unitns;
			}
			d = absdiff(profself(p, c) * p->unitns, fb->self[c]);
			if(d > max)
				max = d;
			stack[sp++] = c;
			stack[sp++] = m;
		}
	}
	/* the baseline's paths the profile lacks went down to nothing */
	for(j = 1; j < b->nnode; j++)
		if(!taken[j] && profself(b, j) * b->unitns > max)
			max = profself(b, j) * b->unitns;
	fb->maxdelta = max;
	free(stack);
	free(taken);
	return 0;
}
