/*
 * prof -C: the call tree in callgrind's format, for KCachegrind and
 * callgrind_annotate: per function its self time, and per caller and
 * callee the number of calls and the time spent in them, in ns.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "proffile.h"
#include "profile/profile.h"

typedef struct Fn Fn;
struct Fn
{
	const char *name;
	char hex[24];		/* the name of a pc no symbol holds */
	uint64_t self;
};

typedef struct Arc Arc;
struct Arc
{
	uint32_t from, to;	/* functions */
	uint64_t calls;
	uint64_t incl;
};

/* Open addressing from a pair of keys to an index; slots hold index+1, 0 = empty. */
typedef struct Keymap Keymap;
struct Keymap
{
	uint64_t *k1, *k2;
	uint32_t *v;
	size_t mask;
};

typedef struct Cg Cg;
struct Cg
{
	Fn *fn;
	uint32_t nfn;
	uint32_t *symfn;	/* symbol id -> function index+1 */
	Keymap unknown;		/* pc -> function */
	Arc *arc;
	uint32_t narc;
	Keymap arcs;		/* (from, to) -> arc */
	uint32_t *nodefn;	/* node -> function */
	int over;		/* a sum passed 2^64 */
};

/* *a += b, or g->over if that passes 64 bits. */
static void
add(Cg *g, uint64_t *a, uint64_t b)
{
	if(*a > UINT64_MAX - b)
		g->over = 1;
	else
		*a += b;
}

/* a * b ns, or g->over if that passes 64 bits. */
static uint64_t
mul(Cg *g, uint64_t a, uint64_t b)
{
	if(b != 0 && a > UINT64_MAX / b){
		g->over = 1;
		return 0;
	}
	return a * b;
}

static int
mapinit(Keymap *m, uint32_t n)
{
	size_t sz;

	for(sz = 16; sz < 2 * (size_t)n; sz *= 2)
		;
	m->k1 = malloc(sz * sizeof *m->k1);
	m->k2 = malloc(sz * sizeof *m->k2);
	m->v = calloc(sz, sizeof *m->v);
	m->mask = sz - 1;
	return m->k1 != NULL && m->k2 != NULL && m->v != NULL ? 0 : -1;
}

static void
mapfree(Keymap *m)
{
	free(m->k1);
	free(m->k2);
	free(m->v);
}

/* The slot of (a, b): holding it, or empty where it goes. Never full: room for every node. */
static uint32_t *
mapslot(Keymap *m, uint64_t a, uint64_t b)
{
	size_t i;

	i = (size_t)(((a * 0x9E3779B97F4A7C15ull) ^ b) * 0xC2B2AE3D27D4EB4Full >> 32) & m->mask;
	while(m->v[i] != 0){
		if(m->k1[i] == a && m->k2[i] == b)
			return &m->v[i];
		i = (i + 1) & m->mask;
	}
	m->k1[i] = a;
	m->k2[i] = b;
	return &m->v[i];
}

/* The function holding pc, made if new. */
static uint32_t
fnof(Cg *g, const Space *s, uint64_t pc)
{
	uint32_t *slot;
	long id;
	Fn *f;

	id = spacefind(s, pc);
	slot = id >= 0 ? &g->symfn[id] : mapslot(&g->unknown, pc, 0);
	if(*slot != 0)
		return *slot - 1;
	f = &g->fn[g->nfn];
	if(id >= 0)
		f->name = spacesym(s, id)->name;
	else
		f->name = spacename(s, pc, f->hex, sizeof f->hex);
	f->self = 0;
	*slot = ++g->nfn;
	return *slot - 1;
}

static void
addarc(Cg *g, uint32_t from, uint32_t to, uint64_t calls, uint64_t incl)
{
	uint32_t *slot;
	Arc *a;

	slot = mapslot(&g->arcs, from, to);
	if(*slot == 0){
		a = &g->arc[g->narc];
		a->from = from;
		a->to = to;
		a->calls = a->incl = 0;
		*slot = ++g->narc;
	}
	a = &g->arc[*slot - 1];
	add(g, &a->calls, calls);
	add(g, &a->incl, incl);
}

static int
arccmp(const void *va, const void *vb)
{
	const Arc *a, *b;

	a = va;
	b = vb;
	if(a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return (a->to > b->to) - (a->to < b->to);
}

static void
cgfree(Cg *g)
{
	free(g->fn);
	free(g->symfn);
	free(g->arc);
	free(g->nodefn);
	mapfree(&g->unknown);
	mapfree(&g->arcs);
}

/* The functions and arcs of p's tree. */
static void
collect(Cg *g, const Prof *p, const Space *s)
{
	uint32_t i, c;
	const Pnode *nd;

	for(i = 1; i < p->nnode; i++)
		g->nodefn[i] = fnof(g, s, p->node[i].pc);
	for(i = 1; i < p->nnode; i++){
		add(g, &g->fn[g->nodefn[i]].self, mul(g, profself(p, i), p->unitns));
		for(c = p->node[i].down; c != Pnone; c = p->node[c].right){
			nd = &p->node[c];
			/* sampled stacks count no calls: an arc's are the samples through it */
			addarc(g, g->nodefn[i], g->nodefn[c], p->proftype == Pfstacks ? nd->time : nd->count & p->mask,
				mul(g, nd->time & p->mask, p->unitns));
		}
	}
}

int
printcallgrind(FILE *out, const Prof *p, const Space *s, const char *cmd)
{
	uint64_t total;
	uint32_t i, j;
	Cg g;

	memset(&g, 0, sizeof g);
	g.fn = malloc(p->nnode * sizeof *g.fn);
	g.symfn = calloc(s->nsym ? s->nsym : 1, sizeof *g.symfn);
	g.arc = malloc(p->nnode * sizeof *g.arc);
	g.nodefn = malloc(p->nnode * sizeof *g.nodefn);
	if(g.fn == NULL || g.symfn == NULL || g.arc == NULL || g.nodefn == NULL
	|| mapinit(&g.unknown, p->nnode) < 0 || mapinit(&g.arcs, p->nnode) < 0){
		cgfree(&g);
		werrstr("callgrind output: out of memory");
		return -1;
	}
	collect(&g, p, s);
	qsort(g.arc, g.narc, sizeof g.arc[0], arccmp);
	total = 0;
	for(i = 0; i < g.nfn; i++)
		add(&g, &total, g.fn[i].self);
	if(g.over){
		/* a recursive call's time counts again at each level: the arcs' sums can pass 64 bits */
		cgfree(&g);
		werrstr("callgrind output: a sum of times passes 2^64 ns");
		return -1;
	}
	fprintf(out, "# callgrind format\nversion: 1\ncreator: prof\n");
	if(cmd != NULL)
		fprintf(out, "cmd: %s\n", cmd);
	/* no source positions: every cost is at line 0 */
	if(p->format == P9front)	/* times in its own unit */
		fprintf(out, "positions: line\nevent: cycles : Time (cycles at %" PRIu64 " Hz)\nevents: cycles\n", p->hz);
	else
		fprintf(out, "positions: line\nevent: ns : Time (ns)\nevents: ns\n");
	fprintf(out, "summary: %" PRIu64 "\n\nfl=???\n", total);
	for(i = j = 0; i < g.nfn; i++){
		fprintf(out, "\nfn=%s\n0 %" PRIu64 "\n", g.fn[i].name, g.fn[i].self);
		for(; j < g.narc && g.arc[j].from == i; j++)
			fprintf(out, "cfn=%s\ncalls=%" PRIu64 " 0\n0 %" PRIu64 "\n",
				g.fn[g.arc[j].to].name, g.arc[j].calls, g.arc[j].incl);
	}
	cgfree(&g);
	return 0;
}
