/*
 * Call stacks of samples, made into a call-tree profile: a stack of
 * frames, root first, is a path from the root; every node counts the
 * samples whose stack ends at it (its self samples) and its time is the
 * samples through it, in units of the sampling period. Written as a
 * prof.<pid> image (proftype Pfstacks), which pidparse reads back and
 * every call-tree printer prints.
 */
#include <stdlib.h>
#include <string.h>

#include "proffile.h"
#include "profile/profile.h"

enum { Hdrsize = 56, Modsize = 16, Thrsize = 8, Nodesize = 40 };

typedef struct Stnode Stnode;
struct Stnode
{
	uint32_t mod;
	uint64_t off;
	uint64_t self;		/* samples ending here */
	uint64_t total;		/* samples through here */
	uint32_t down;		/* first child, newest first */
	uint32_t right;
};

struct Stacks
{
	uint64_t periodns;
	int mechanism;
	uint64_t lost;
	Pmod *mod;
	uint32_t nmod;
	uint32_t exemod;
	Stnode *node;		/* node 0 is the root */
	uint32_t nnode;
	uint32_t cap;
};

Stacks *
stacksnew(uint64_t periodns, int mechanism)
{
	Stacks *s;

	s = calloc(1, sizeof *s);
	if(s == NULL || (s->node = calloc(1024, sizeof *s->node)) == NULL){
		free(s);
		werrstr("stacks: out of memory");
		return NULL;
	}
	s->cap = 1024;
	s->nnode = 1;
	s->node[0].down = s->node[0].right = Pfnolink;
	s->node[0].mod = Pfnomod;
	s->periodns = periodns;
	s->mechanism = mechanism;
	s->exemod = Pfnomod;
	return s;
}

void
stacksfree(Stacks *s)
{
	uint32_t i;

	if(s == NULL)
		return;
	for(i = 0; i < s->nmod; i++)
		free(s->mod[i].path);
	free(s->mod);
	free(s->node);
	free(s);
}

uint32_t
stacksmod(Stacks *s, const Pmod *m, int isexe)
{
	Pmod *nm;
	uint32_t i;

	for(i = 0; i < s->nmod; i++)
		if(strcmp(s->mod[i].path, m->path) == 0 && s->mod[i].idlen == m->idlen
		&& memcmp(s->mod[i].buildid, m->buildid, m->idlen) == 0)
			return i;
	if(m->idlen > sizeof m->buildid || strlen(m->path) == 0 || s->nmod >= 65536)
		goto bad;
	nm = realloc(s->mod, (s->nmod + 1) * sizeof *nm);
	if(nm == NULL)
		goto bad;
	s->mod = nm;
	nm = &s->mod[s->nmod];
	*nm = *m;
	nm->used = 0;
	if((nm->path = strdup(m->path)) == NULL)
		goto bad;
	if(isexe)
		s->exemod = s->nmod;
	return s->nmod++;
bad:
	werrstr("stacks: %s: out of memory or too many modules", m->path);
	return Pnone;
}

/* The child of node p at (mod, off), made if new; Pnone if out of memory. */
static uint32_t
child(Stacks *s, uint32_t p, uint32_t mod, uint64_t off)
{
	Stnode *n;
	uint32_t c, cap;

	for(c = s->node[p].down; c != Pfnolink; c = s->node[c].right)
		if(s->node[c].off == off && s->node[c].mod == mod)
			return c;
	if(s->nnode == s->cap){
		if(s->cap >= Pfnolink / 2)
			return Pnone;
		cap = 2 * s->cap;
		if((n = realloc(s->node, cap * sizeof *n)) == NULL)
			return Pnone;
		s->node = n;
		s->cap = cap;
	}
	c = s->nnode++;
	n = &s->node[c];
	memset(n, 0, sizeof *n);
	n->mod = mod;
	n->off = off;
	n->down = Pfnolink;
	n->right = s->node[p].down;
	s->node[p].down = c;
	return c;
}

int
stacksadd(Stacks *s, const Stframe *f, size_t n, uint64_t weight)
{
	uint32_t p, c;
	size_t i;

	if(n == 0){
		werrstr("stacks: a stack of no frame");	/* the root's count stays 0 */
		return -1;
	}
	for(i = 0; i < n; i++)
		if(f[i].mod != Pfnomod && f[i].mod >= s->nmod){
			werrstr("stacks: frame %zu: module %u out of range", i, f[i].mod);
			return -1;
		}
	p = 0;
	s->node[0].total += weight;
	for(i = 0; i < n; i++){
		c = child(s, p, f[i].mod, f[i].off);
		if(c == Pnone){
			werrstr("stacks: out of memory");
			return -1;
		}
		s->node[c].total += weight;
		p = c;
	}
	s->node[p].self += weight;
	return 0;
}

void
stackslost(Stacks *s, uint64_t n)
{
	s->lost += n;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static void
put64(unsigned char *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
}

/* Bytes of the module table. */
static size_t
modbytes(const Stacks *s)
{
	size_t n, len;
	uint32_t i;

	n = 0;
	for(i = 0; i < s->nmod; i++){
		len = strlen(s->mod[i].path) + s->mod[i].idlen;
		n += Modsize + len + (8 - len % 8) % 8;
	}
	return n;
}

/* The modules at b: their length. */
static size_t
putmods(const Stacks *s, unsigned char *b)
{
	unsigned char *p;
	size_t plen;
	uint32_t i;

	p = b;
	for(i = 0; i < s->nmod; i++){
		plen = strlen(s->mod[i].path);
		put64(p, s->mod[i].bias);
		put32(p + 8, (uint32_t)plen);
		put32(p + 12, (uint32_t)s->mod[i].idlen);
		memcpy(p + Modsize, s->mod[i].path, plen);
		memcpy(p + Modsize + plen, s->mod[i].buildid, s->mod[i].idlen);
		p += Modsize + plen + s->mod[i].idlen;
		while((p - b) % 8 != 0)
			*p++ = 0;
	}
	return p - b;
}

/* The header at b. */
static void
puthdr(const Stacks *s, unsigned char *b)
{
	memcpy(b, PFMAGIC, 8);
	put32(b + 8, Pfversion);
	put32(b + 12, Pfstacks);
	put32(b + 16, (uint32_t)s->mechanism);
	put32(b + 20, s->nnode);
	put64(b + 24, s->periodns);
	put64(b + 32, s->lost);
	put32(b + 40, s->nmod);
	put32(b + 44, 1);
	put32(b + 48, s->nnode);
	put32(b + 52, s->exemod);
}

unsigned char *
stacksimage(const Stacks *s, size_t *n)
{
	unsigned char *b, *p;
	const Stnode *nd;
	uint32_t i;

	*n = Hdrsize + modbytes(s) + Thrsize + (size_t)s->nnode * Nodesize;
	b = calloc(1, *n);
	if(b == NULL){
		werrstr("stacks: out of memory");
		return NULL;
	}
	puthdr(s, b);
	p = b + Hdrsize;
	p += putmods(s, p);
	put32(p, 0);		/* one thread, tid 0 (all threads sampled) */
	put32(p + 4, 0);	/* its root: node 0 */
	p += Thrsize;
	for(i = 0; i < s->nnode; i++, p += Nodesize){
		nd = &s->node[i];
		put32(p, nd->down);
		put32(p + 4, nd->right);
		put32(p + 8, nd->mod);
		put64(p + 16, nd->off);
		put64(p + 24, nd->self);
		put64(p + 32, nd->total);
	}
	return b;
}
