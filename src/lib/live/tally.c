/*
 * Samples counted the Plan 9 way: a pc in the text goes to its 8-byte
 * bucket, any other to word 1 and, for tprof -a, to a count per module
 * and place. Processes are followed by their executable mappings, so a
 * pc is placed even after the process is gone, and each process's load
 * address (PIE, ASLR) is its own.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "live/live.h"

typedef struct Mod Mod;
typedef struct Pmap Pmap;
typedef struct Proc Proc;
typedef struct Ocount Ocount;

struct Mod
{
	char *path;
	uint64_t dev, ino;	/* 0 unless kind is Mfile */
	int kind;
	int isexe;
};

struct Pmap
{
	uint64_t start, end, off;
	uint32_t mod;
};

struct Proc
{
	int pid;		/* 0: a free slot */
	int known;		/* its mappings are known */
	int runs;		/* it maps the text */
	int gone;
	int stale;		/* the mappings may have changed: read again before use outside the text */
	int64_t readat;		/* when /proc was last read for it */
	Pmap *m;
	size_t n, cap;
};

struct Ocount
{
	uint64_t addr;
	uint64_t n;		/* 0: a free slot */
	uint32_t mod;
};

struct Tally
{
	Text text;
	Elfload exe;
	Ticks *ticks;
	uint64_t base, lo, hi;	/* buckets cover [lo, hi) */
	Mod *mod;
	size_t nmod, modcap;
	Proc *proc;		/* open addressing by pid */
	size_t nproc, proccap;
	Ocount *out;		/* open addressing by (mod, addr) */
	size_t nout, outcap;
};

enum { Unknownmod = 1, Exemod = 2, Rereadns = 10 * 1000 * 1000 };

int64_t
nsnow(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
addmod(Tally *ta, const char *path, uint64_t dev, uint64_t ino, int kind)
{
	Mod *nm;

	if(ta->nmod == ta->modcap){
		ta->modcap = ta->modcap ? 2 * ta->modcap : 16;
		nm = realloc(ta->mod, ta->modcap * sizeof *nm);
		if(nm == NULL)
			return -1;
		ta->mod = nm;
	}
	nm = &ta->mod[ta->nmod];
	nm->path = strdup(path);
	if(nm->path == NULL)
		return -1;
	nm->dev = dev;
	nm->ino = ino;
	nm->kind = kind;
	nm->isexe = 0;
	return (int)ta->nmod++;
}

/* Is the mapping m of the text's file? */
static int
isexe(const Tally *ta, const Map *m)
{
	const Text *x;

	x = &ta->text;
	if(m->ino == 0)
		return 0;
	return (m->dev == x->mdev && m->ino == x->mino) || (m->dev == x->dev && m->ino == x->ino)
		|| strcmp(m->path, x->path) == 0;
}

/* The module of mapping m, added if new; Unknownmod if out of memory. */
static uint32_t
modof(Tally *ta, const Map *m)
{
	size_t i;
	int r;

	if(isexe(ta, m))
		return Exemod;
	for(i = 0; i < ta->nmod; i++){
		if(m->ino != 0 && ta->mod[i].kind == Mfile && ta->mod[i].dev == m->dev && ta->mod[i].ino == m->ino)
			return (uint32_t)i;
		if(m->ino == 0 && ta->mod[i].kind == Mnamed && strcmp(ta->mod[i].path, m->path) == 0)
			return (uint32_t)i;
	}
	r = addmod(ta, m->path, m->dev, m->ino, m->ino != 0 ? Mfile : Mnamed);
	return r < 0 ? Unknownmod : (uint32_t)r;
}

/* The Ticks for t's text: base rounded down, end rounded up to pagesize. */
static Ticks *
newticks(const Symtab *t, unsigned pagesize, uint64_t *base)
{
	uint64_t end, pg;
	Ticks *k;

	pg = pagesize;
	*base = t->sym[0].value & ~(pg - 1);
	end = (t->end + pg - 1) & ~(pg - 1);
	if(end < t->end || (end - *base) / 8 > ((size_t)1 << 28)){
		werrstr("text too large: %#llx bytes", (unsigned long long)(t->end - *base));
		return NULL;
	}
	k = calloc(1, sizeof *k);
	if(k != NULL){
		k->nword = (end - *base) / 8;
		if(k->nword < 2)
			k->nword = 2;
		k->word = calloc(k->nword, sizeof *k->word);
	}
	if(k == NULL || k->word == NULL){
		free(k);
		werrstr("tally: out of memory");
		return NULL;
	}
	k->first = 2;
	k->res = 8;
	k->start = *base + 16;
	return k;
}

Tally *
tallynew(const Text *x, const char *exe, const Symtab *t, unsigned pagesize)
{
	Tally *ta;

	ta = calloc(1, sizeof *ta);
	if(ta == NULL){
		werrstr("tally: out of memory");
		return NULL;
	}
	if(elfload(exe, &ta->exe) < 0 || (ta->ticks = newticks(t, pagesize, &ta->base)) == NULL){
		tallyfree(ta);
		return NULL;
	}
	ta->text = *x;
	ta->text.path = strdup(x->path);
	if(ta->text.path == NULL || addmod(ta, "[kernel]", 0, 0, Mkernel) != 0
	|| addmod(ta, "[unknown]", 0, 0, Mnamed) != Unknownmod
	|| addmod(ta, x->path, x->dev, x->ino, Mfile) != Exemod){
		tallyfree(ta);
		werrstr("tally: out of memory");
		return NULL;
	}
	ta->mod[Exemod].isexe = 1;
	ta->lo = ta->base + 16;
	ta->hi = ta->base + 8 * ta->ticks->nword;
	return ta;
}

void
tallyfree(Tally *ta)
{
	size_t i;

	if(ta == NULL)
		return;
	for(i = 0; i < ta->nmod; i++)
		free(ta->mod[i].path);
	free(ta->mod);
	for(i = 0; i < ta->proccap; i++)
		free(ta->proc[i].m);
	free(ta->proc);
	free(ta->out);
	ticksfree(ta->ticks);
	free(ta->text.path);
	free(ta);
}

static size_t
pidhash(int pid, size_t cap)
{
	return ((uint64_t)(unsigned)pid * 0x9E3779B97F4A7C15u >> 20) & (cap - 1);
}

/* Double the process table. 0 or -1. */
static int
growprocs(Tally *ta)
{
	Proc *old, *p;
	size_t i, cap, h;

	cap = ta->proccap ? 2 * ta->proccap : 64;
	p = calloc(cap, sizeof *p);
	if(p == NULL)
		return -1;
	old = ta->proc;
	for(i = 0; i < ta->proccap; i++){
		if(old[i].pid == 0)
			continue;
		for(h = pidhash(old[i].pid, cap); p[h].pid != 0; h = (h + 1) & (cap - 1))
			;
		p[h] = old[i];
	}
	free(old);
	ta->proc = p;
	ta->proccap = cap;
	return 0;
}

/* Process pid's entry, made (unknown) if create; NULL if none or no memory. */
static Proc *
procof(Tally *ta, int pid, int create)
{
	size_t h;
	Proc *p;

	if(ta->proccap > 0)
		for(h = pidhash(pid, ta->proccap); ta->proc[h].pid != 0; h = (h + 1) & (ta->proccap - 1))
			if(ta->proc[h].pid == pid)
				return &ta->proc[h];
	if(!create)
		return NULL;
	if(2 * (ta->nproc + 1) > ta->proccap && growprocs(ta) < 0)
		return NULL;
	for(h = pidhash(pid, ta->proccap); ta->proc[h].pid != 0; h = (h + 1) & (ta->proccap - 1))
		;
	p = &ta->proc[h];
	memset(p, 0, sizeof *p);
	p->pid = pid;
	ta->nproc++;
	return p;
}

static void
clearmaps(Proc *p)
{
	free(p->m);
	p->m = NULL;
	p->n = p->cap = 0;
	p->runs = 0;
}

/* Room for k more mappings in p. 0 or -1. */
static int
mapsroom(Proc *p, size_t k)
{
	Pmap *nm;
	size_t cap;

	if(p->n + k <= p->cap)
		return 0;
	cap = p->cap ? 2 * p->cap : 16;
	while(cap < p->n + k)
		cap *= 2;
	nm = realloc(p->m, cap * sizeof *nm);
	if(nm == NULL)
		return -1;
	p->m = nm;
	p->cap = cap;
	return 0;
}

/*
 * Place [start, end) in p, sorted: what it covers of older mappings
 * is cut away (a mapping split in two keeps both ends).
 */
static void
putmap(Proc *p, const Pmap *nm)
{
	size_t i, j;
	Pmap o;

	if(nm->start >= nm->end || mapsroom(p, 2) < 0)
		return;
	for(i = 0; i < p->n; i++){
		o = p->m[i];
		if(o.end <= nm->start || o.start >= nm->end)
			continue;
		if(o.start < nm->start && o.end > nm->end){
			/* the right end becomes a mapping of its own */
			memmove(&p->m[i + 2], &p->m[i + 1], (p->n - i - 1) * sizeof o);
			p->m[i + 1] = o;
			p->m[i + 1].off += nm->end - o.start;
			p->m[i + 1].start = nm->end;
			p->m[i].end = nm->start;
			p->n++;
			break;
		}
		if(o.start < nm->start)
			p->m[i].end = nm->start;
		else if(o.end > nm->end){
			p->m[i].off += nm->end - o.start;
			p->m[i].start = nm->end;
		}else{
			memmove(&p->m[i], &p->m[i + 1], (p->n - i - 1) * sizeof o);
			p->n--;
			i--;
		}
	}
	for(j = p->n; j > 0 && p->m[j - 1].start > nm->start; j--)
		p->m[j] = p->m[j - 1];
	p->m[j] = *nm;
	p->n++;
}

void
tallymap(Tally *ta, int pid, const Map *m)
{
	Pmap pm;
	Proc *p;

	p = procof(ta, pid, 1);
	if(p == NULL)
		return;
	pm.start = m->start;
	pm.end = m->end;
	pm.off = m->off;
	pm.mod = modof(ta, m);
	putmap(p, &pm);
	p->known = 1;
	p->gone = 0;
	if(pm.mod == Exemod)
		p->runs = 1;
}

int
tallyreadmaps(Tally *ta, int pid)
{
	size_t i, n;
	Proc *p;
	Map *m;

	p = procof(ta, pid, 1);
	if(p == NULL){
		werrstr("tally: out of memory");
		return -1;
	}
	p->readat = nsnow();
	if(readmaps(pid, &m, &n) < 0){
		if(!p->known)
			p->gone = 1;
		return -1;
	}
	clearmaps(p);
	p->known = 1;
	for(i = 0; i < n; i++)
		tallymap(ta, pid, &m[i]);
	freemaps(m, n);
	return 0;
}

void
tallyfork(Tally *ta, int child, int parent)
{
	Proc *c, *p;

	c = procof(ta, child, 1);
	p = procof(ta, parent, 0);	/* after c: making c may move p */
	if(c == NULL)
		return;
	clearmaps(c);
	c->known = 0;
	c->gone = 0;
	if(p == NULL || !p->known || mapsroom(c, p->n) < 0)
		return;
	memcpy(c->m, p->m, p->n * sizeof *p->m);
	c->n = p->n;
	c->runs = p->runs;
	c->known = 1;
}

void
tallyexec(Tally *ta, int pid)
{
	Proc *p;

	p = procof(ta, pid, 1);
	if(p == NULL)
		return;
	clearmaps(p);
	p->known = 1;	/* the new image's mappings follow */
	p->gone = 0;
}

void
tallyexit(Tally *ta, int pid)
{
	Proc *p;

	p = procof(ta, pid, 0);
	if(p != NULL)
		p->gone = 1;	/* its mappings stay for samples still to come */
}

int
tallyruns(Tally *ta, int pid)
{
	Proc *p;

	p = procof(ta, pid, 1);
	if(p == NULL)
		return 0;
	if(!p->known && !p->gone)
		tallyreadmaps(ta, pid);
	p = procof(ta, pid, 0);
	return p != NULL && p->runs;
}

static size_t
outhash(uint32_t mod, uint64_t addr, size_t cap)
{
	return ((addr ^ (uint64_t)mod << 48) * 0x9E3779B97F4A7C15u >> 17) & (cap - 1);
}

static int
growout(Tally *ta)
{
	Ocount *o, *old;
	size_t i, cap, h;

	cap = ta->outcap ? 2 * ta->outcap : 1024;
	o = calloc(cap, sizeof *o);
	if(o == NULL)
		return -1;
	old = ta->out;
	for(i = 0; i < ta->outcap; i++){
		if(old[i].n == 0)
			continue;
		for(h = outhash(old[i].mod, old[i].addr, cap); o[h].n != 0; h = (h + 1) & (cap - 1))
			;
		o[h] = old[i];
	}
	free(old);
	ta->out = o;
	ta->outcap = cap;
	return 0;
}

/* n samples outside the text, at addr of module mod. */
static void
outside(Tally *ta, uint32_t mod, uint64_t addr, uint64_t n)
{
	size_t h;
	Ocount *o;

	ta->ticks->outside += n;
	if(2 * (ta->nout + 1) > ta->outcap && growout(ta) < 0 && ta->nout + 1 >= ta->outcap)
		return;	/* no memory: counted in word 1 only */
	for(h = outhash(mod, addr, ta->outcap); (o = &ta->out[h])->n != 0; h = (h + 1) & (ta->outcap - 1))
		if(o->mod == mod && o->addr == addr){
			o->n += n;
			return;
		}
	o->mod = mod;
	o->addr = addr;
	o->n = n;
	ta->nout++;
}

/* The mapping of p holding pc, or NULL. */
static const Pmap *
mapat(const Proc *p, uint64_t pc)
{
	size_t lo, hi, mid;

	lo = 0;
	hi = p->n;
	while(lo < hi){
		mid = lo + (hi - lo) / 2;
		if(p->m[mid].end <= pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if(lo < p->n && p->m[lo].start <= pc)
		return &p->m[lo];
	return NULL;
}

/*
 * The mapping of pid holding pc, reading /proc again if it is stale and
 * pc is not in the text's own file, or (at most every 10 ms) if none.
 */
static const Pmap *
findmap(Tally *ta, int pid, uint64_t pc)
{
	const Pmap *m;
	Proc *p;

	p = procof(ta, pid, 0);
	m = mapat(p, pc);
	if(p->stale && !p->gone && (m == NULL || m->mod != Exemod)){
		p->stale = 0;
		m = NULL;
	}else if(m != NULL || p->gone || nsnow() - p->readat < Rereadns)
		return m;
	if(tallyreadmaps(ta, pid) < 0)
		return NULL;
	p = procof(ta, pid, 0);
	return p->runs ? mapat(p, pc) : NULL;
}

void
tallystale(Tally *ta, int pid)
{
	Proc *p;

	p = procof(ta, pid, 0);
	if(p != NULL)
		p->stale = 1;
}

int
tallysample(Tally *ta, int pid, uint64_t pc, int kernel, uint64_t n)
{
	const Pmap *m;
	uint64_t a;

	if(!tallyruns(ta, pid))
		return 0;
	ta->ticks->total += n;
	if(kernel){
		outside(ta, 0, pc, n);
		return 1;
	}
	m = findmap(ta, pid, pc);
	if(m == NULL){
		outside(ta, Unknownmod, pc, n);
		return 1;
	}
	if(ta->mod[m->mod].kind != Mfile){
		outside(ta, m->mod, pc - m->start, n);
		return 1;
	}
	a = pc - m->start + m->off;
	if(m->mod == Exemod){
		/* the file offset's link-time address: the same in every process */
		a = elfaddr(&ta->exe, a);
		if(a >= ta->lo && a < ta->hi)
			ta->ticks->word[(a - ta->base) / 8] += n;
		else
			outside(ta, Exemod, pc - m->start + m->off, n);
		return 1;
	}
	outside(ta, m->mod, a, n);
	return 1;
}

const Ticks *
tallyticks(const Tally *ta, uint64_t *base)
{
	*base = ta->base;
	return ta->ticks;
}

int
tallyoutside(const Tally *ta, Outpc **pcs, size_t *n)
{
	Outpc *v;
	size_t i, k;

	v = malloc((ta->nout ? ta->nout : 1) * sizeof *v);
	if(v == NULL){
		werrstr("tally: out of memory");
		return -1;
	}
	k = 0;
	for(i = 0; i < ta->outcap; i++)
		if(ta->out[i].n != 0){
			v[k].mod = ta->out[i].mod;
			v[k].addr = ta->out[i].addr;
			v[k++].ticks = ta->out[i].n;
		}
	*pcs = v;
	*n = k;
	return 0;
}

const Elfload *
tallyexeload(const Tally *ta)
{
	return &ta->exe;
}

const char *
tallymodule(const Tally *ta, uint32_t mod, int *kind, int *exe)
{
	*kind = ta->mod[mod].kind;
	*exe = ta->mod[mod].isexe;
	return ta->mod[mod].path;
}
