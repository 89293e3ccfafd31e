/* Merging call trees path by path: threads of one process, or several runs. */
#include <stdlib.h>
#include <string.h>

#include "proffile.h"
#include "profile/profile.h"

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

	/* mixed both ways: a multiply carries low bits up only, so parent << 40 alone left the low slot bits to pc */
	h = (pc * 0x9E3779B97F4A7C15ull) ^ parent;
	h *= 0xFF51AFD7ED558CCDull;
	h ^= h >> 32;
	return (size_t)h & m->mask;
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

uint32_t
modmatch(const Prof *a, const Pmod *m, int isexe)
{
	const Pmod *o;
	uint32_t j;

	if(isexe && a->exemod != Pnone)
		return a->exemod;
	for(j = 0; j < a->nmod; j++){
		o = &a->mod[j];
		if(strcmp(o->path, m->path) == 0
		&& (o->idlen == 0 || m->idlen == 0 || (o->idlen == m->idlen && memcmp(o->buildid, m->buildid, o->idlen) == 0)))
			return j;
	}
	return Pnone;
}

static const char *
formatname(int f)
{
	return f == Pclassic ? "Plan 9 prof.out" : f == P9front ? "9front prof.out" : "prof.<pid>";
}

/* Can b be added to a? 0, or -1 with the reason. */
static int
compatible(const Prof *a, const char *aname, const Prof *b, const char *bname)
{
	if(a->format != b->format){
		werrstr("%s: a %s file, %s is a %s file", bname, formatname(b->format), aname, formatname(a->format));
		return -1;
	}
	if(a->format == Pclassic)
		return 0;
	if(a->format == P9front){
		if(a->hz == b->hz)
			return 0;
		werrstr("%s: cycles of a %llu Hz counter, %s has %llu Hz", bname,
			(unsigned long long)b->hz, aname, (unsigned long long)a->hz);
		return -1;
	}
	if(a->proftype != b->proftype){
		werrstr("%s: proftype %s, %s has proftype %s", bname, proftypename(b->proftype), aname, proftypename(a->proftype));
		return -1;
	}
	if(a->unitns != b->unitns){
		werrstr("%s: time unit %llu ns, %s has %llu ns", bname,
			(unsigned long long)b->unitns, aname, (unsigned long long)a->unitns);
		return -1;
	}
	if(a->mechanism != b->mechanism){
		werrstr("%s: times measured by another clock than %s's (mechanism %d, not %d)", bname, aname,
			b->mechanism, a->mechanism);
		return -1;
	}
	return 0;
}

/* Copy n nodes to to, their links shifted by off. */
static void
shift(Pnode *to, const Pnode *from, uint32_t n, uint32_t off)
{
	uint32_t i;

	for(i = 0; i < n; i++){
		to[i] = from[i];
		if(to[i].down != Pnone)
			to[i].down += off;
		if(to[i].right != Pnone)
			to[i].right += off;
	}
}

/* Add b's modules to a's: those a has are marked used, the others appended. 0 or -1. */
static int
mergemods(Prof *a, Prof *b, const char *name)
{
	Pmod *m;
	uint32_t i, j;

	if(a->format != Ppid)
		return 0;
	m = realloc(a->mod, ((size_t)a->nmod + b->nmod + 1) * sizeof *m);
	if(m == NULL){
		werrstr("%s: out of memory", name);
		return -1;
	}
	a->mod = m;
	for(i = 0; i < b->nmod; i++){
		j = modmatch(a, &b->mod[i], i == b->exemod);
		if(j != Pnone){
			a->mod[j].used |= b->mod[i].used;
			continue;
		}
		a->mod[a->nmod] = b->mod[i];
		b->mod[i].path = NULL;
		if(i == b->exemod)
			a->exemod = a->nmod;
		a->nmod++;
	}
	return 0;
}

Prof *
profmerge(Prof *a, const char *aname, Prof *b, const char *bname)
{
	uint64_t n, at, ac, bt, bc;
	Pnode *node;

	n = 1 + (uint64_t)a->nnode + b->nnode;
	if(compatible(a, aname, b, bname) < 0)
		goto fail;
	if(a->format == Ppid){
		/* the sum is checked as each file was: no total may wrap */
		profsums(a, &at, &ac);
		profsums(b, &bt, &bc);
		if(profbounded(at > UINT64_MAX - bt ? UINT64_MAX : at + bt,
			ac > UINT64_MAX - bc ? UINT64_MAX : ac + bc, a->unitns, bname) < 0){
			werrstr("%s: added to %s, the times or the calls add up to 2^64 or more", bname, aname);
			goto fail;
		}
	}
	if(n >= Pnone){
		werrstr("%s: too many call paths to merge", bname);
		goto fail;
	}
	node = malloc(n * sizeof *node);
	if(node == NULL || mergemods(a, b, bname) < 0){
		free(node);
		werrstr("%s: out of memory", bname);
		goto fail;
	}
	/* a new root whose children are the two roots, a's first: merged as threads are */
	memset(&node[0], 0, sizeof node[0]);
	node[0].down = 1;
	node[0].right = Pnone;
	shift(node + 1, a->node, a->nnode, 1);
	shift(node + 1 + a->nnode, b->node, b->nnode, 1 + a->nnode);
	node[1].right = 1 + a->nnode;
	node[1 + a->nnode].right = Pnone;
	free(a->node);
	a->node = node;
	a->nnode = n;
	a->lost += b->lost;
	a->nthread += b->nthread;
	proffree(b);
	return profmergeroots(a, aname);
fail:
	proffree(a);
	proffree(b);
	return NULL;
}
