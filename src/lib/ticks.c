/* Tick profiles: Plan 9's layout, and the sums per symbol. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proftools.h"

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

static int
rowcmp(const void *va, const void *vb)
{
	const Tickrow *a, *b;

	a = va;
	b = vb;
	if(a->ticks != b->ticks)
		return a->ticks > b->ticks ? -1 : 1;
	return strcmp(a->name, b->name);
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

/* The sums for a space of one table: symbol i's buckets are the words of addresses in its range. */
static void
onetable(const Ticks *t, const Region *r, uint64_t *sum)
{
	const Symtab *tab;
	size_t i, lo, hi;
	uint64_t next;

	tab = r->tab;
	if(t->nword <= t->first)
		return;
	lo = wordat(t, tab->sym[0].value + r->bias);
	for(i = 0; i < tab->nsym && lo < t->nword; i++){
		next = i + 1 < tab->nsym ? tab->sym[i + 1].value : tab->end;
		hi = wordat(t, next + r->bias);
		sum[i] = wordsum(t, lo, hi);
		lo = hi;
	}
}

/* A row with the first 8 bytes of its name as a number that sorts as strcmp does. */
typedef struct Keyed Keyed;
struct Keyed
{
	uint64_t key;
	Tickrow row;
};

static int
keycmp(const void *va, const void *vb)
{
	const Keyed *a, *b;

	a = va;
	b = vb;
	if(a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return strcmp(a->row.name, b->row.name);
}

/* Row r keyed by the first 8 bytes of its name. */
static void
keyrow(Keyed *k, const Tickrow *r)
{
	const unsigned char *s;
	int j;

	s = (const unsigned char *)r->name;
	k->key = 0;
	for(j = 0; j < 8; j++){
		k->key = k->key << 8 | s[0];
		s += s[0] != 0;
	}
	k->row = *r;
}

/*
 * rowcmp's order, faster for many rows: the keys made in symbol order (the
 * names read where they lie), a stable radix sort by decreasing ticks, 16
 * bits a pass, then each run of equal ticks by key and name. 0 or -1.
 */
static int
rowsort(Tickrow *r, size_t n)
{
	Keyed *a, *b, *t;
	uint64_t max;
	size_t *pos, i, j, d, c, m;
	int shift;

	a = malloc(n * sizeof *a);
	b = malloc(n * sizeof *b);
	pos = malloc(65536 * sizeof *pos);
	if(a == NULL || b == NULL || pos == NULL){
		free(a);
		free(b);
		free(pos);
		return -1;
	}
	max = 0;
	for(i = 0; i < n; i++){
		keyrow(&a[i], &r[i]);
		if(r[i].ticks > max)
			max = r[i].ticks;
	}
	for(shift = 0; shift < 64 && max >> shift != 0; shift += 16){
		memset(pos, 0, 65536 * sizeof *pos);
		for(i = 0; i < n; i++)
			pos[0xFFFF - (a[i].row.ticks >> shift & 0xFFFF)]++;
		for(d = 0, m = 0; d < 65536; d++){
			c = pos[d];
			pos[d] = m;
			m += c;
		}
		for(i = 0; i < n; i++)
			b[pos[0xFFFF - (a[i].row.ticks >> shift & 0xFFFF)]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	for(i = 0; i < n; i = j){
		for(j = i + 1; j < n && a[j].row.ticks == a[i].row.ticks; j++)
			;
		if(j - i > 1)
			qsort(a + i, j - i, sizeof *a, keycmp);
	}
	for(i = 0; i < n; i++)
		r[i] = a[i].row;
	free(a);
	free(b);
	free(pos);
	return 0;
}

int
ticksums(const Ticks *t, const Space *s, Tickrow **rows, size_t *nrows)
{
	uint64_t *sum;
	Tickrow *r;
	size_t j, n;
	long id;

	sum = calloc(s->nsym ? s->nsym : 1, sizeof *sum);
	if(sum == NULL){
		werrstr("tick sums: out of memory");
		return -1;
	}
	if(s->nr == 1)
		onetable(t, &s->r[0], sum);
	else
		for(j = t->first; j < t->nword; j++){
			if(tword(t, j) == 0)
				continue;
			id = spacefind(s, t->start + (j - t->first) * t->res);
			if(id >= 0)
				sum[id] += tword(t, j);
		}
	n = 0;
	for(j = 0; j < s->nsym; j++)
		n += sum[j] != 0;
	r = malloc((n ? n : 1) * sizeof *r);
	if(r == NULL){
		free(sum);
		werrstr("tick sums: out of memory");
		return -1;
	}
	n = 0;
	for(j = 0; j < s->nsym; j++)
		if(sum[j] != 0){
			r[n].name = spacesym(s, (long)j)->name;
			r[n++].ticks = sum[j];
		}
	free(sum);
	/* the radix sort's 64K counters pay for themselves only over many rows */
	if(n < 4096 || rowsort(r, n) < 0)
		qsort(r, n, sizeof *r, rowcmp);
	*rows = r;
	*nrows = n;
	return 0;
}
