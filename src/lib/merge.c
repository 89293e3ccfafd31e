/* Merging call trees path by path: threads of one process, or several runs. */
#include <stdlib.h>

#include "proftools.h"

typedef struct Merge Merge;
struct Merge
{
	Pnode *node;		/* the merged tree */
	uint32_t n;
	uint32_t *hash;		/* (parent, pc) -> node; 0 = empty (node 0 is never a child) */
	uint32_t *parent;
	size_t mask;
};

static size_t
slot(const Merge *m, uint32_t parent, uint64_t pc)
{
	uint64_t h;

	h = (pc ^ (uint64_t)parent << 40) * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 29) & m->mask;
}

/* The child of parent with pc in the merged tree, made if new. */
static uint32_t
childof(Merge *m, uint32_t parent, uint64_t pc)
{
	size_t i;
	uint32_t c;
	Pnode *nd;

	for(i = slot(m, parent, pc); (c = m->hash[i]) != 0; i = (i + 1) & m->mask)
		if(m->node[c].pc == pc && m->parent[c] == parent)
			return c;
	c = m->n++;
	nd = &m->node[c];
	nd->pc = pc;
	nd->count = nd->time = 0;
	nd->down = Pnone;
	nd->right = m->node[parent].down;	/* made later = newer: first in the chain */
	m->node[parent].down = c;
	m->parent[c] = parent;
	m->hash[i] = c;
	return c;
}

static void
reverse(uint32_t *a, uint32_t n)
{
	uint32_t i, t;

	for(i = 0; i < n / 2; i++){
		t = a[i];
		a[i] = a[n - 1 - i];
		a[n - 1 - i] = t;
	}
}

Prof *
profmergeroots(Prof *p, const char *name)
{
	uint32_t *queue, *to, head, tail, first, i, c, k;
	size_t sz;
	Merge m;
	Pnode *old;

	for(sz = 16; sz < 2 * (size_t)p->nnode; sz *= 2)
		;
	m.node = malloc(p->nnode * sizeof *m.node);
	m.parent = malloc(p->nnode * sizeof *m.parent);
	m.hash = calloc(sz, sizeof *m.hash);
	queue = malloc(p->nnode * sizeof *queue);
	to = malloc(p->nnode * sizeof *to);	/* queued node -> its merged parent */
	if(m.node == NULL || m.parent == NULL || m.hash == NULL || queue == NULL || to == NULL){
		werrstr("%s: out of memory", name);
		free(m.node);
		free(m.parent);
		free(m.hash);
		free(queue);
		free(to);
		proffree(p);
		return NULL;
	}
	m.mask = sz - 1;
	m.n = 1;
	old = p->node;
	m.node[0] = old[0];
	m.node[0].down = Pnone;
	m.node[0].time = 0;
	/* breadth first; each node's children oldest first, so the merged chains stay newest first */
	head = tail = 0;
	for(c = old[0].down; c != Pnone; c = old[c].right){
		m.node[0].time += old[c].time;
		m.node[0].count += old[c].count;
		queue[tail] = c;
		to[tail++] = Pnone;	/* a root: merged into node 0 */
	}
	while(head < tail){
		i = queue[head];
		k = to[head++];
		if(k == Pnone)
			k = 0;
		else{
			k = childof(&m, k, old[i].pc);
			m.node[k].count += old[i].count;
			m.node[k].time += old[i].time;
		}
		/* children are newest first: queue them, then reverse them */
		first = tail;
		for(c = old[i].down; c != Pnone; c = old[c].right){
			queue[tail] = c;
			to[tail++] = k;
		}
		reverse(queue + first, tail - first);
	}
	free(m.hash);
	free(m.parent);
	free(queue);
	free(to);
	free(p->node);
	p->node = m.node;
	p->nnode = m.n;
	for(i = 0; i < m.n; i++){
		m.node[i].time &= p->mask;
		m.node[i].count &= p->mask;
	}
	return p;
}
