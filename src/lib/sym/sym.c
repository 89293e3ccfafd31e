/* Format-neutral symbol tables: build, sort, look up by Plan 9's rule. */
#include <stdlib.h>
#include <string.h>

#include "sym/sym.h"

Symtab *
symnew(void)
{
	Symtab *t;

	t = calloc(1, sizeof *t);
	if(t == NULL)
		werrstr("symbol table: out of memory");
	return t;
}

int
symadd(Symtab *t, const char *name, uint64_t value, uint64_t size, int rank)
{
	Sym *ns, *s;
	size_t cap;

	if(t->nsym == t->cap){
		cap = t->cap ? 2 * t->cap : 1024;
		ns = realloc(t->sym, cap * sizeof *ns);
		if(ns == NULL)
			goto nomem;
		t->sym = ns;
		t->cap = cap;
	}
	s = &t->sym[t->nsym];
	s->name = namesave(&t->names, name, strlen(name));
	if(s->name == NULL)
		goto nomem;
	s->value = value;
	s->size = size;
	s->rank = rank;
	t->nsym++;
	return 0;
nomem:
	werrstr("symbol table: out of memory");
	return -1;
}

static size_t
underscores(const char *s)
{
	size_t n;

	for(n = 0; s[n] == '_'; n++)
		;
	return n;
}

/* By address; at one address the preferred name first. */
static int
symcmp(const void *va, const void *vb)
{
	const Sym *a, *b;
	size_t ua, ub;

	a = va;
	b = vb;
	if(a->value != b->value)
		return a->value < b->value ? -1 : 1;
	if(a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	ua = underscores(a->name);
	ub = underscores(b->name);
	if(ua != ub)
		return ua < ub ? -1 : 1;
	return strcmp(a->name, b->name);
}

/*
 * Sort t's symbols by symcmp. Tables often come in address order (System.map,
 * nm -n, kallsyms) with only the names at one address out of order: then
 * only those runs are sorted.
 */
static void
symsort(Symtab *t)
{
	size_t i, j;

	for(i = 1; i < t->nsym; i++)
		if(t->sym[i - 1].value > t->sym[i].value){
			qsort(t->sym, t->nsym, sizeof t->sym[0], symcmp);
			return;
		}
	for(i = 0; i < t->nsym; i = j){
		for(j = i + 1; j < t->nsym && t->sym[j].value == t->sym[i].value; j++)
			;
		if(j - i > 1)
			qsort(t->sym + i, j - i, sizeof t->sym[0], symcmp);
	}
}

int
symfinish(Symtab *t, uint64_t end)
{
	size_t i, n;
	Sym *last;
	uint64_t lend;

	symsort(t);
	n = 0;
	for(i = 0; i < t->nsym; i++)
		if(n == 0 || t->sym[i].value != t->sym[n - 1].value)
			t->sym[n++] = t->sym[i];
	t->nsym = n;
	if(n == 0){
		t->end = 0;
		return 0;
	}
	last = &t->sym[n - 1];
	lend = last->value + (last->size ? last->size : 1);
	if(lend < last->value)
		lend = UINT64_MAX;
	t->end = end > lend ? end : lend;
	return 0;
}

void
symfree(Symtab *t)
{
	if(t == NULL)
		return;
	namesfree(&t->names);
	free(t->sym);
	free(t);
}

long
symfind(const Symtab *t, uint64_t addr)
{
	size_t lo, hi, mid;

	if(t->nsym == 0 || addr < t->sym[0].value || addr >= t->end)
		return -1;
	/* the last symbol at or below addr */
	lo = 0;
	hi = t->nsym;
	while(hi - lo > 1){
		mid = lo + (hi - lo) / 2;
		if(t->sym[mid].value <= addr)
			lo = mid;
		else
			hi = mid;
	}
	return (long)lo;
}

int
symdemangle(Symtab *t)
{
	const char *n;
	size_t i;
	char *d;

	for(i = 0; i < t->nsym; i++){
		d = demangle(t->sym[i].name);
		if(d == NULL)
			continue;
		n = namesave(&t->names, d, strlen(d));
		free(d);
		if(n == NULL){
			werrstr("symbol table: out of memory");
			return -1;
		}
		t->sym[i].name = n;
	}
	return 0;
}
