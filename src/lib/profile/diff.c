/*
 * Two profiles compared by names (prof -b): their call paths matched
 * path of names by path of names, level by level (a sort of each level's
 * paths by parent and name: no hash table), and the per-function and
 * per-path changes that the report, the folded difference and the gate
 * read.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "profile/profile.h"

/* A node of one side, at the level being matched. */
typedef struct Ent Ent;
struct Ent
{
	uint32_t up;		/* its parent's path in the Diff */
	const char *name;
	uint32_t side;		/* 0 before, 1 after */
	uint32_t node;		/* in that side's tree */
};

static int
entcmp(const void *va, const void *vb)
{
	const Ent *a, *b;

	a = va;
	b = vb;
	if(a->up != b->up)
		return a->up < b->up ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* The nodes of t by depth: order[first[d]..first[d+1]) are at depth d. NULL if out of memory. */
static uint32_t *
bydepth(const Ntree *t, uint32_t **first, uint32_t *maxdepth)
{
	uint32_t *order, *at, i, d;

	*maxdepth = 0;
	for(i = 0; i < t->nnode; i++)
		if(t->node[i].depth > *maxdepth)
			*maxdepth = t->node[i].depth;
	order = malloc(t->nnode * sizeof *order);
	*first = calloc((size_t)*maxdepth + 2, sizeof **first);
	at = calloc((size_t)*maxdepth + 2, sizeof *at);
	if(order == NULL || *first == NULL || at == NULL){
		free(order);
		free(*first);
		free(at);
		return NULL;
	}
	for(i = 0; i < t->nnode; i++)
		(*first)[t->node[i].depth + 1]++;
	for(d = 1; d <= *maxdepth + 1; d++)
		(*first)[d] += (*first)[d - 1];
	for(i = 0; i < t->nnode; i++){
		d = t->node[i].depth;
		order[(*first)[d] + at[d]++] = i;
	}
	free(at);
	return order;
}

/* One more path of d, for up and name; NULL if out of memory. */
static Dpath *
diffadd(Diff *d, uint32_t up, const char *name, size_t *cap)
{
	Dpath *p;

	if(d->npath == *cap){
		*cap = *cap ? 2 * *cap : 1024;
		if((p = realloc(d->path, *cap * sizeof *p)) == NULL)
			return NULL;
		d->path = p;
	}
	p = &d->path[d->npath++];
	memset(p, 0, sizeof *p);
	p->up = up;
	p->name = name;
	return p;
}

/* Match the entries of one level (sorted): a path of d for each parent and name. -1 if out of memory. */
static int
matchlevel(Diff *d, const Ntree *t[2], Ent *e, size_t n, size_t *cap)
{
	const Nnode *nd;
	Dpath *p;
	size_t i;

	p = NULL;
	for(i = 0; i < n; i++){
		if(i == 0 || entcmp(&e[i - 1], &e[i]) != 0)
			if((p = diffadd(d, e[i].up, e[i].name, cap)) == NULL)
				return -1;
		nd = &t[e[i].side]->node[e[i].node];
		p->calls[e[i].side] += nd->calls;
		p->self[e[i].side] += nd->self;
		p->time[e[i].side] += nd->time;
		d->of[e[i].side][e[i].node] = d->npath - 1;
	}
	return 0;
}

/* The level at depth dep of both sides, as entries; its count, or -1 if out of memory. */
static long
level(Diff *d, const Ntree *t[2], uint32_t *order[2], uint32_t *first[2], uint32_t maxd[2], uint32_t dep, Ent **e, size_t *ecap)
{
	size_t n, need;
	uint32_t s, k, i;
	Ent *ne;

	need = 0;
	for(s = 0; s < 2; s++)
		if(dep <= maxd[s])
			need += first[s][dep + 1] - first[s][dep];
	if(need > *ecap){
		if((ne = realloc(*e, need * sizeof *ne)) == NULL)
			return -1;
		*e = ne;
		*ecap = need;
	}
	n = 0;
	for(s = 0; s < 2; s++)
		for(k = dep <= maxd[s] ? first[s][dep] : 0; dep <= maxd[s] && k < first[s][dep + 1]; k++){
			i = order[s][k];
			(*e)[n++] = (Ent){ d->of[s][t[s]->node[i].parent], t[s]->node[i].name, s, i };
		}
	return (long)n;
}

static Diff *
diffnew(const Ntree *a, const Ntree *b)
{
	Diff *d;

	if((d = calloc(1, sizeof *d)) == NULL)
		return NULL;
	d->of[0] = calloc(a->nnode, sizeof *d->of[0]);
	d->of[1] = calloc(b->nnode, sizeof *d->of[1]);
	if(d->of[0] == NULL || d->of[1] == NULL){
		difffree(d);
		return NULL;
	}
	return d;
}

Diff *
profdiff(const Ntree *a, const Ntree *b)
{
	const Ntree *t[2] = { a, b };
	uint32_t *order[2] = { NULL, NULL }, *first[2] = { NULL, NULL }, maxd[2], dep, s;
	size_t cap, ecap;
	Dpath *root;
	Ent *e;
	Diff *d;
	long n;
	int r;

	d = diffnew(a, b);
	cap = ecap = 0;
	e = NULL;
	r = d == NULL || (root = diffadd(d, Pnone, "", &cap)) == NULL ? -1 : 0;
	for(s = 0; s < 2 && r == 0; s++){
		if((order[s] = bydepth(t[s], &first[s], &maxd[s])) == NULL)
			r = -1;
		else{
			d->path[0].calls[s] = t[s]->node[0].calls;
			d->path[0].time[s] = t[s]->node[0].time;
		}
	}
	for(dep = 1; r == 0 && (dep <= maxd[0] || dep <= maxd[1]); dep++){
		if((n = level(d, t, order, first, maxd, dep, &e, &ecap)) < 0)
			r = -1;
		else{
			qsort(e, (size_t)n, sizeof *e, entcmp);
			r = matchlevel(d, t, e, (size_t)n, &cap);
		}
	}
	for(s = 0; s < 2; s++){
		free(order[s]);
		free(first[s]);
	}
	free(e);
	if(r < 0){
		difffree(d);
		werrstr("compare: out of memory");
		return NULL;
	}
	return d;
}

void
difffree(Diff *d)
{
	if(d == NULL)
		return;
	free(d->path);
	free(d->of[0]);
	free(d->of[1]);
	free(d);
}

/* Path i of d, "a;b;c". */
void
diffpath(FILE *out, const Diff *d, uint32_t i)
{
	uint32_t buf[64], *chain, n, k, j;

	for(n = 0, j = i; j != 0; j = d->path[j].up)
		n++;
	chain = n <= 64 ? buf : malloc(n * sizeof *chain);
	if(chain == NULL){
		fputs("?", out);	/* out of memory: the path unsaid */
		return;
	}
	for(k = n, j = i; j != 0; j = d->path[j].up)
		chain[--k] = j;
	for(k = 0; k < n; k++){
		if(k > 0)
			fputc(';', out);
		fputs(d->path[chain[k]].name, out);
	}
	if(chain != buf)
		free(chain);
}
