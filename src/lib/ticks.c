/* Tick profiles: Plan 9's layout, and the sums per symbol. */
#include <stdlib.h>
#include <string.h>

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
		v = i == 0 ? t->total : i == 1 ? t->outside : t->word[i];
		if(v > 0xFFFFFFFFu)
			v = 0xFFFFFFFFu;	/* a u32 word can hold no more */
		p = b + 4 * i;
		p[0] = v >> 24;
		p[1] = v >> 16;
		p[2] = v >> 8;
		p[3] = v;
	}
	*n = t->nword * 4;
	return b;
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

/* The sums for a space of one table: buckets and symbols both rise, so one pass over each. */
static void
onetable(const Ticks *t, const Region *r, uint64_t *sum)
{
	const Symtab *tab;
	uint64_t a;
	size_t i, j;

	tab = r->tab;
	i = 0;
	for(j = t->first; j < t->nword; j++){
		if(t->word[j] == 0)
			continue;
		a = t->start + (j - t->first) * t->res;
		if(a < r->bias || a - r->bias < tab->sym[0].value)
			continue;
		a -= r->bias;
		if(a >= tab->end)
			break;
		while(i + 1 < tab->nsym && tab->sym[i + 1].value <= a)
			i++;
		sum[i] += t->word[j];
	}
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
			if(t->word[j] == 0)
				continue;
			id = spacefind(s, t->start + (j - t->first) * t->res);
			if(id >= 0)
				sum[id] += t->word[j];
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
	qsort(r, n, sizeof *r, rowcmp);
	*rows = r;
	*nrows = n;
	return 0;
}
