/*
 * prof -P: the call tree as pprof's samples. Each node but the root is a
 * sample whose stack is its call path and whose values are its calls and
 * self time, so pprof's flat is prof's flat report and its cum the
 * inclusive time. The tree is walked as the samples are written: memory
 * holds one path, never the list of stacks.
 */
#include <stdlib.h>
#include <string.h>

#include "proffile.h"
#include "profile/profile.h"

/* The locations: a pc's index by open addressing. */
typedef struct Pcs Pcs;
struct Pcs
{
	uint64_t *pc;
	uint32_t *idx;		/* Ppnone: empty slot */
	size_t cap;		/* a power of 2 */
	size_t n;
};

static size_t
pcslot(const Pcs *h, uint64_t pc)
{
	size_t j;

	j = (size_t)((pc >> 4) * 0x9E3779B97F4A7C15ull) & (h->cap - 1);
	while(h->idx[j] != Ppnone && h->pc[j] != pc)
		j = (j + 1) & (h->cap - 1);
	return j;
}

static int
pcgrow(Pcs *h)
{
	Pcs g;
	size_t i, j;

	g.cap = h->cap ? 2 * h->cap : 256;
	g.n = h->n;
	g.pc = malloc(g.cap * sizeof *g.pc);
	g.idx = malloc(g.cap * sizeof *g.idx);
	if(g.pc == NULL || g.idx == NULL){
		free(g.pc);
		free(g.idx);
		return -1;
	}
	memset(g.idx, 0xFF, g.cap * sizeof *g.idx);
	for(i = 0; i < h->cap; i++)
		if(h->idx[i] != Ppnone){
			j = pcslot(&g, h->pc[i]);
			g.pc[j] = h->pc[i];
			g.idx[j] = h->idx[i];
		}
	free(h->pc);
	free(h->idx);
	*h = g;
	return 0;
}

static int
pcadd(Pcs *h, uint64_t pc)
{
	size_t j;

	if(2 * (h->n + 1) > h->cap && pcgrow(h) < 0)
		return -1;
	j = pcslot(h, pc);
	if(h->idx[j] == Ppnone){
		h->pc[j] = pc;
		h->idx[j] = 0;
		h->n++;
	}
	return 0;
}

static int
pccmp(const void *a, const void *b)
{
	uint64_t x, y;

	x = *(const uint64_t *)a;
	y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* What is written: the tables, and the walk's place in the tree. */
typedef struct Tree Tree;
struct Tree
{
	const Prof *p;
	const Space *s;
	Pcs pcs;
	Pploc *loc;		/* in address order */
	Ppfunc *func;
	size_t nfunc;
	char (*hexname)[32];	/* names of the pcs no symbol holds */
	Ppmap *map;		/* one per region of s */
	uint32_t *path;		/* node ids from the root (path[0]) to the node at depth d */
	uint32_t *pathloc;	/* their locations */
	uint32_t *stack;	/* the sample's, leaf first */
	size_t d, cap;
	int started;
};

/* The region of s holding symbol id, or Ppnone. */
static uint32_t
regionof(const Space *s, long id)
{
	size_t k;

	for(k = 0; k < s->nr; k++)
		if((size_t)id >= s->r[k].first && (size_t)id < s->r[k].first + s->r[k].tab->nsym)
			return (uint32_t)k;
	return Ppnone;
}

/* A location per distinct pc, in address order, and a function per symbol they fall in. */
static int
locations(Tree *t)
{
	uint32_t *fidx, i, j, nhex;
	uint64_t *pcs;
	long id;

	for(i = 1; i < t->p->nnode; i++)
		if(pcadd(&t->pcs, t->p->node[i].pc) < 0)
			return -1;
	pcs = malloc((t->pcs.n + 1) * sizeof *pcs);
	t->loc = malloc((t->pcs.n + 1) * sizeof *t->loc);
	t->func = malloc((t->pcs.n + 1) * sizeof *t->func);
	t->hexname = malloc((t->pcs.n + 1) * sizeof *t->hexname);
	fidx = malloc((t->s->nsym + 1) * sizeof *fidx);
	if(pcs == NULL || t->loc == NULL || t->func == NULL || t->hexname == NULL || fidx == NULL){
		free(pcs);
		free(fidx);
		return -1;
	}
	memset(fidx, 0xFF, (t->s->nsym + 1) * sizeof *fidx);
	for(i = 0, j = 0; i < t->pcs.cap; i++)
		if(t->pcs.idx[i] != Ppnone)
			pcs[j++] = t->pcs.pc[i];
	qsort(pcs, t->pcs.n, sizeof *pcs, pccmp);
	nhex = 0;
	for(i = 0; i < t->pcs.n; i++){
		t->pcs.idx[pcslot(&t->pcs, pcs[i])] = i;
		t->loc[i].addr = pcs[i];
		id = spacefind(t->s, pcs[i]);
		t->loc[i].map = id < 0 ? Ppnone : regionof(t->s, id);
		if(id >= 0 && fidx[id] != Ppnone){
			t->loc[i].func = fidx[id];
			continue;
		}
		t->loc[i].func = (uint32_t)t->nfunc;
		t->func[t->nfunc].file = NULL;
		if(id >= 0){
			fidx[id] = (uint32_t)t->nfunc;
			t->func[t->nfunc++].name = spacesym(t->s, id)->name;
		}else
			t->func[t->nfunc++].name = spacename(t->s, pcs[i], t->hexname[nhex++], sizeof t->hexname[0]);
	}
	free(pcs);
	free(fidx);
	return 0;
}

/* The module of p placed at region r: the one at its bias, with its build-id if several. */
static uint32_t
regionmod(const Prof *p, const Region *r)
{
	uint32_t i, best;
	const Pmod *m;

	best = Pnone;
	for(i = 0; i < p->nmod; i++){
		m = &p->mod[i];
		if((!m->used && i != p->exemod) || m->bias != r->bias)
			continue;
		if(m->idlen == r->tab->idlen && memcmp(m->buildid, r->tab->buildid, m->idlen) == 0)
			return i;
		if(best == Pnone)
			best = i;
	}
	return best;
}

/* A mapping per region: the program's (cmd) for a prof.out; else its module's file and build-id. */
static int
mappings(Tree *t, const char *cmd)
{
	const Region *r;
	const Pmod *m;
	uint32_t i;
	size_t k;

	t->map = calloc(t->s->nr + 1, sizeof *t->map);
	if(t->map == NULL)
		return -1;
	for(k = 0; k < t->s->nr; k++){
		r = &t->s->r[k];
		t->map[k].start = r->tab->sym[0].value + r->bias;
		t->map[k].limit = r->tab->end + r->bias;
		t->map[k].file = cmd;
		t->map[k].buildid = r->tab->buildid;
		t->map[k].idlen = r->tab->idlen;
		i = t->p->format == Ppid ? regionmod(t->p, r) : Pnone;
		if(i == Pnone)
			continue;
		m = &t->p->mod[i];
		if(i != t->p->exemod || cmd == NULL)
			t->map[k].file = m->path;
		if(m->idlen > 0){
			t->map[k].buildid = m->buildid;
			t->map[k].idlen = m->idlen;
		}
	}
	for(k = 0; k < t->s->nr; k++)
		t->map[k].off = ppfileoff(t->map[k].file, t->s->r[k].tab->sym[0].value);
	return 0;
}

/* Room in the path for one more node. 0 or -1. */
static int
grow(Tree *t)
{
	uint32_t *a, *b, *s;
	size_t cap;

	if(t->d + 1 < t->cap)
		return 0;
	cap = t->cap ? 2 * t->cap : 256;
	a = realloc(t->path, cap * sizeof *a);
	if(a != NULL)
		t->path = a;
	b = realloc(t->pathloc, cap * sizeof *b);
	if(b != NULL)
		t->pathloc = b;
	s = realloc(t->stack, cap * sizeof *s);
	if(s != NULL)
		t->stack = s;
	if(a == NULL || b == NULL || s == NULL){
		werrstr("pprof profile: out of memory");
		return -1;
	}
	t->cap = cap;
	return 0;
}

/* Node c at depth d+1 of the path. 1, or -1 on error. */
static int
push(Tree *t, uint32_t c)
{
	if(grow(t) < 0)
		return -1;
	t->d++;
	t->path[t->d] = c;
	t->pathloc[t->d] = t->pcs.idx[pcslot(&t->pcs, t->p->node[c].pc)];
	return 1;
}

/* To the next node in preorder. 1, or 0 past the last; -1 on error. */
static int
step(Tree *t)
{
	const Pnode *n;

	n = t->p->node;
	if(!t->started){
		t->started = 1;
		t->d = 0;
		if(grow(t) < 0)
			return -1;
		t->path[0] = 0;
		return n[0].down == Pnone ? 0 : push(t, n[0].down);
	}
	if(n[t->path[t->d]].down != Pnone)
		return push(t, n[t->path[t->d]].down);
	while(t->d > 0 && n[t->path[t->d]].right == Pnone)
		t->d--;
	if(t->d == 0)
		return 0;
	t->d--;
	return push(t, n[t->path[t->d + 1]].right);
}

/* Ppprof.next: the next node with calls or self time. */
static int
nextnode(void *arg, Ppsample *s)
{
	const Pnode *n;
	Tree *t;
	size_t i;
	int r;

	t = arg;
	while((r = step(t)) > 0){
		n = &t->p->node[t->path[t->d]];
		s->value[0] = (int64_t)n->count;
		s->value[1] = (int64_t)(profself(t->p, t->path[t->d]) * t->p->unitns);
		if(s->value[0] == 0 && s->value[1] == 0)
			continue;
		for(i = 0; i < t->d; i++)
			t->stack[i] = t->pathloc[t->d - i];
		s->loc = t->stack;
		s->nloc = t->d;
		return 1;
	}
	return r;
}

static void
treefree(Tree *t)
{
	free(t->pcs.pc);
	free(t->pcs.idx);
	free(t->loc);
	free(t->func);
	free(t->hexname);
	free(t->map);
	free(t->path);
	free(t->pathloc);
	free(t->stack);
}

int
printpprof(FILE *out, const Prof *p, const Space *s, const char *cmd, int64_t written)
{
	Ppprof pp = {0};
	Tree t = {0};
	int r;

	t.p = p;
	t.s = s;
	if(locations(&t) < 0 || mappings(&t, cmd) < 0){
		treefree(&t);
		werrstr("pprof profile: out of memory");
		return -1;
	}
	/* sampled stacks: a node's count is its self samples (pprof's and perf's "samples", "cpu") */
	pp.type[0] = p->proftype == Pfstacks ? "samples" : "calls";
	pp.unit[0] = "count";
	pp.type[1] = p->proftype == Pfstacks ? "cpu" : "time";
	pp.unit[1] = "nanoseconds";
	pp.nvalue = 2;
	pp.periodtype = p->proftype == Pfstacks ? "cpu" : "time";
	pp.periodunit = "nanoseconds";
	pp.period = (int64_t)p->unitns;
	/* the profile's time is its root's; it ended when the file was written */
	pp.durationns = (int64_t)(p->node[0].time * p->unitns);
	if(written > pp.durationns)
		pp.timens = written - pp.durationns;
	pp.map = t.map;
	pp.nmap = s->nr;
	pp.func = t.func;
	pp.nfunc = t.nfunc;
	pp.loc = t.loc;
	pp.nloc = t.pcs.n;
	pp.next = nextnode;
	pp.arg = &t;
	r = ppwrite(out, &pp);
	treefree(&t);
	return r;
}
