/* Tick profiles: Plan 9's layout, and the sums per symbol. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tick/tick.h"

enum { Res9 = 8, Hdrwords = 2 };

Ticks *
ticks9parse(const unsigned char *buf, size_t n, uint64_t base, const char *name)
{
	const unsigned char *p;
	Ticks *t;
	size_t i;

	if(n < Hdrwords * 4){
		werrstr("%s: data file too short", name);
		return NULL;
	}
	if(n % 4 != 0){
		werrstr("%s: size %zu is not a whole number of 4-byte words", name, n);
		return NULL;
	}
	t = calloc(1, sizeof *t);
	if(t == NULL || (t->word = malloc(n / 4 * sizeof *t->word)) == NULL){
		free(t);
		werrstr("%s: out of memory", name);
		return NULL;
	}
	t->nword = n / 4;
	for(i = 0; i < t->nword; i++){
		p = buf + 4 * i;
		t->word[i] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	}
	t->total = t->word[0];
	t->outside = t->word[1];
	t->first = Hdrwords;
	t->res = Res9;
	t->start = base + Hdrwords * Res9;
	return t;
}

/* Word j of t. */
static uint64_t
tword(const Ticks *t, size_t j)
{
	return t->w32 != NULL ? t->w32[j] : t->word[j];
}

unsigned char *
ticks9image(const Ticks *t, size_t *n)
{
	unsigned char *b, *p;
	uint64_t v;
	size_t i;

	b = malloc(t->nword * 4);
	if(b == NULL){
		werrstr("profile image: out of memory");
		return NULL;
	}
	for(i = 0; i < t->nword; i++){
		v = i == 0 ? t->total : i == 1 ? t->outside : tword(t, i);
		if(v > 0xFFFFFFFFu)
			v = 0xFFFFFFFFu;	/* a u32 word can hold no more */
		p = b + 4 * i;
		p[0] = v >> 24;
		p[1] = v >> 16;
		p[2] = v >> 8;
		p[3] = v;
	}
	if(t->little)
		ticksswap(b, t->nword * 4);
	*n = t->nword * 4;
	return b;
}

int
ticks9write(const Ticks *t, Outfile *o)
{
	unsigned char *b;
	size_t n;
	int r;

	b = ticks9image(t, &n);
	if(b == NULL){
		outabort(o);
		return -1;
	}
	r = outcommit(o, b, n);
	free(b);
	return r;
}

void
ticksfree(Ticks *t)
{
	if(t == NULL)
		return;
	free(t->word);
	free(t);
}

/* Plan 9's compar: by ticks alone, increasing. */
static int
rowcmp(const void *va, const void *vb)
{
	const Tickrow *a, *b;

	a = va;
	b = vb;
	return (a->ticks > b->ticks) - (a->ticks < b->ticks);
}

/* The index of the first word whose bucket starts at or past address a (nword if none). */
static size_t
wordat(const Ticks *t, uint64_t a)
{
	uint64_t k;

	if(a <= t->start)
		return t->first;
	k = (a - t->start + t->res - 1) / t->res;
	return k < t->nword - t->first ? t->first + k : t->nword;
}

/* The sum of words [lo, hi) of t. */
static uint64_t
wordsum(const Ticks *t, size_t lo, size_t hi)
{
	uint64_t s;
	size_t j;

	s = 0;
	if(t->w32 != NULL)
		for(j = lo; j < hi; j++)
			s += t->w32[j];
	else
		for(j = lo; j < hi; j++)
			s += t->word[j];
	return s;
}

/* Rows being made, in address order. */
typedef struct Rows Rows;
struct Rows
{
	Tickrow *r;
	size_t n;
};

/* Add the sum of words [*lo, hi) as a row for name, if not 0; *lo moves up to hi. */
static void
addrow(Rows *rs, const Ticks *t, size_t *lo, size_t hi, const char *name)
{
	uint64_t sum;

	if(hi > t->nword)
		hi = t->nword;
	if(hi <= *lo)
		return;
	sum = wordsum(t, *lo, hi);
	*lo = hi;
	if(sum != 0){
		rs->r[rs->n].name = name;
		rs->r[rs->n++].ticks = sum;
	}
}

/* Plan 9's base: the address of word 0's bucket. */
static uint64_t
base9(const Ticks *t)
{
	return t->start - t->first * t->res;
}

/*
 * tprof.c's loop: symbol i-1 gets the words whose buckets start below
 * symbol i; the first symbol's count from (value - base)/res + 2.
 */
static void
tprofrows(const Ticks *t, const Space *s, Rows *rs)
{
	uint64_t base, v;
	size_t i, j;

	base = base9(t);
	v = spacesym(s, 0)->value;
	if(v < base)
		return;	/* Plan 9's unsigned difference: past every word */
	if((v - base) / t->res >= t->nword)
		return;
	j = (v - base) / t->res + 2;
	for(i = 1; i < s->nsym && j < t->nword; i++){
		v = spacesym(s, i)->value;
		if(v > base)
			addrow(rs, t, &j, (v - base) / t->res + ((v - base) % t->res != 0), spacesym(s, i - 1)->name);
	}
}

/*
 * kprof.c's loop: with (value - base)/res truncated, a bucket goes to the
 * symbol holding its last byte; the first symbol gets first the words
 * before it, then its own, as two rows.
 */
static void
kprofrows(const Ticks *t, const Space *s, Rows *rs)
{
	uint64_t base, v;
	size_t i, j;

	base = base9(t);
	j = t->first;
	for(i = 0; i < s->nsym && j < t->nword; i++){
		v = spacesym(s, i)->value;
		/* a symbol below base: Plan 9's unsigned difference is past every word */
		addrow(rs, t, &j, v < base ? t->nword : (v - base) / t->res, spacesym(s, i > 0 ? i - 1 : 0)->name);
	}
}

/* Each symbol the words whose buckets start in its range. */
static void
startrows(const Ticks *t, const Space *s, Rows *rs)
{
	const Region *r;
	const Symtab *tab;
	uint64_t next;
	size_t i, lo;

	if(s->nr != 1 || t->nword <= t->first)
		return;
	r = &s->r[0];
	tab = r->tab;
	lo = wordat(t, tab->sym[0].value + r->bias);
	for(i = 0; i < tab->nsym && lo < t->nword; i++){
		next = i + 1 < tab->nsym ? tab->sym[i + 1].value : tab->end;
		addrow(rs, t, &lo, wordat(t, next + r->bias), tab->sym[i].name);
	}
}

/* Each symbol of a space of several tables the words whose bucket starts it holds. */
static int
spacerows(const Ticks *t, const Space *s, Rows *rs)
{
	uint64_t *sum;
	size_t j;
	long id;

	sum = calloc(s->nsym ? s->nsym : 1, sizeof *sum);
	if(sum == NULL)
		return -1;
	for(j = t->first; j < t->nword; j++){
		if(wordsum(t, j, j + 1) == 0)
			continue;
		id = spacefind(s, t->start + (j - t->first) * t->res);
		if(id >= 0)
			sum[id] += wordsum(t, j, j + 1);
	}
	for(j = 0; j < s->nsym; j++)
		if(sum[j] != 0){
			rs->r[rs->n].name = spacesym(s, (long)j)->name;
			rs->r[rs->n++].ticks = sum[j];
		}
	free(sum);
	return 0;
}

int
ticksums(const Ticks *t, const Space *s, Tickrow **rows, size_t *nrows)
{
	Tickrow x;
	size_t i;
	Rows rs;
	int r;

	/* a row per symbol at most, and kprof's extra one */
	rs.r = malloc((s->nsym + 1) * sizeof *rs.r);
	rs.n = 0;
	if(rs.r == NULL){
		werrstr("tick sums: out of memory");
		return -1;
	}
	r = 0;
	if(s->nr != 1)
		r = spacerows(t, s, &rs);
	else if(t->rule == Rtprof && s->hasetext)
		tprofrows(t, s, &rs);
	else if(t->rule == Rkprof && s->hasetext)
		kprofrows(t, s, &rs);
	else
		startrows(t, s, &rs);
	if(r < 0){
		free(rs.r);
		werrstr("tick sums: out of memory");
		return -1;
	}
	/* Plan 9 sorts the rows of its loop and prints from the end */
	p9qsort(rs.r, rs.n, sizeof *rs.r, rowcmp);
	for(i = 0; i < rs.n / 2; i++){
		x = rs.r[i];
		rs.r[i] = rs.r[rs.n - 1 - i];
		rs.r[rs.n - 1 - i] = x;
	}
	*rows = rs.r;
	*nrows = rs.n;
	return 0;
}
