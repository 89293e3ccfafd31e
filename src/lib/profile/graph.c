/* prof -d and -r: the dynamic call graph, Plan 9's layout. */
#include <inttypes.h>
#include <stdlib.h>

#include "proffile.h"
#include "profile/profile.h"

/*
 * How many times each pc is on the current path: an open-addressing
 * table that only grows (an entry whose count drops to 0 stays).
 */
typedef struct Pcset Pcset;
struct Pcset
{
	uint64_t *pc;
	uint32_t *n;
	size_t mask;
};

static int
pcsetinit(Pcset *h, uint32_t nnode)
{
	size_t sz;

	for(sz = 16; sz < 2 * (size_t)nnode; sz *= 2)
		;
	h->pc = calloc(sz, sizeof *h->pc);
	h->n = calloc(sz, sizeof *h->n);
	h->mask = sz - 1;
	return h->pc != NULL && h->n != NULL ? 0 : -1;
}

/*
 * The count of pc (not 0), its slot claimed if new. A slot is free while
 * its pc is 0. Never full: it has room for every node's pc.
 */
static uint32_t *
pcslot(Pcset *h, uint64_t pc)
{
	size_t i;

	i = (size_t)((pc * 0x9E3779B97F4A7C15ull) >> 32) & h->mask;
	while(h->pc[i] != 0){
		if(h->pc[i] == pc)
			return &h->n[i];
		i = (i + 1) & h->mask;
	}
	h->pc[i] = pc;
	return &h->n[i];
}

typedef struct Walk Walk;
struct Walk
{
	Pcset set;
	uint32_t zeropc;	/* times pc 0 is on the path: the table can't hold it */
	uint32_t *path;		/* node at each depth of the current path */
	uint32_t *stack;	/* nodes still to print */
	uint32_t *depth;	/* and their depths */
};

static uint32_t *
onpath(Walk *w, uint64_t pc)
{
	return pc == 0 ? &w->zeropc : pcslot(&w->set, pc);
}

static void
indent(FILE *out, uint32_t d, int tabstop)
{
	uint64_t width;

	width = 2 * (uint64_t)d;
	while(width >= (uint64_t)tabstop){
		fputs(".\t", out);
		width -= tabstop;
	}
	if(width > 0){
		fputc('.', out);
		while(--width > 0)
			fputc(' ', out);
	}
}

static void
printnode(FILE *out, const Prof *p, const Space *s, const Pnode *nd, uint32_t d, int tabstop)
{
	char buf[32], sec[400];
	uint64_t ms;

	ms = p->unitns >= 1000000 ? nd->time * (p->unitns / 1000000) : nd->time / (1000000 / p->unitns);
	indent(out, d, tabstop);
	fputs(spacename(s, nd->pc, buf, sizeof buf), out);
	if(p->format == P9front){
		/* 9front: "%s:%.9f" of (double)time/cyclefreq, time a vlong; count %lud of a u32 */
		p9fmtf(sec, sizeof sec, (double)(int64_t)nd->time / p->hz, 0, 9);
		if(nd->count == 1)
			fprintf(out, ":%s\n", sec);
		else
			fprintf(out, ":%s/%" PRIu64 "\n", sec, nd->count & 0xFFFFFFFFu);
		return;
	}
	if(nd->count == 1 || p->proftype == Pfstacks)	/* sampled stacks: no calls to count */
		fprintf(out, ":%" PRIu64 "\n", ms & p->mask);
	else
		fprintf(out, ":%" PRIu64 "/%" PRIu64 "\n", ms & p->mask, nd->count);
}

static void
walkfree(Walk *w)
{
	free(w->set.pc);
	free(w->set.n);
	free(w->path);
	free(w->stack);
	free(w->depth);
}

int
printgraph(FILE *out, const Prof *p, const Space *s, int recursive, int tabstop)
{
	uint32_t sp, plen, i, d, c;
	Walk w = {0};

	if(tabstop <= 0)
		tabstop = 4;
	w.path = malloc(p->nnode * sizeof *w.path);
	w.stack = malloc(p->nnode * sizeof *w.stack);
	w.depth = malloc(p->nnode * sizeof *w.depth);
	if(pcsetinit(&w.set, p->nnode) < 0 || w.path == NULL || w.stack == NULL || w.depth == NULL){
		walkfree(&w);
		werrstr("call graph: out of memory");
		return -1;
	}
	/* children are newest first: pushing them in order pops the oldest first */
	sp = 0;
	for(c = p->node[0].down; c != Pnone; c = p->node[c].right){
		w.stack[sp] = c;
		w.depth[sp++] = 0;
	}
	plen = 0;
	while(sp > 0){
		i = w.stack[--sp];
		d = w.depth[sp];
		for(; plen > d; plen--)
			(*onpath(&w, p->node[w.path[plen - 1]].pc))--;
		printnode(out, p, s, &p->node[i], d, tabstop);
		if(p->node[i].down == Pnone)
			continue;
		if(!recursive && *onpath(&w, p->node[i].pc) > 0){
			indent(out, d + 1, tabstop);
			fputs("...\n", out);
			continue;
		}
		(*onpath(&w, p->node[i].pc))++;
		w.path[plen++] = i;
		for(c = p->node[i].down; c != Pnone; c = p->node[c].right){
			w.stack[sp] = c;
			w.depth[sp++] = d + 1;
		}
	}
	walkfree(&w);
	return 0;
}
