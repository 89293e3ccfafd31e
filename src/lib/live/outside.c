/* tprof -a: the samples outside the text, by module and symbol. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "live/live.h"

/* One module's symbols: tab NULL if it has none we can read. */
typedef struct Modsyms Modsyms;
struct Modsyms
{
	const Symtab *tab;
	Elfload load;		/* Mfile: file offsets to addresses */
	int done;
};

/* Samples at one symbol (sym -1: none). */
typedef struct Acc Acc;
struct Acc
{
	uint32_t mod;
	long sym;
	uint64_t ticks;
};

/* The kernel's text symbols from /proc/kallsyms, or NULL (hidden, or no file). */
static Symtab *
kallsyms(void)
{
	unsigned long long a, max;
	char line[512], type, name[256];
	Symtab *t;
	FILE *f;
	int any;

	f = fopen("/proc/kallsyms", "r");
	if(f == NULL || (t = symnew()) == NULL){
		if(f != NULL)
			fclose(f);
		return NULL;
	}
	any = 0;
	max = 0;
	while(fgets(line, sizeof line, f) != NULL){
		if(sscanf(line, "%llx %c %255s", &a, &type, name) != 3 || (type != 't' && type != 'T'))
			continue;
		any |= a != 0;	/* all zeros: kptr_restrict hides them */
		if(a > max)
			max = a;
		if(symadd(t, name, a, 0, type == 'T' ? Rankglobal : Ranklocal) < 0)
			break;
	}
	fclose(f);
	if(!any || symfinish(t, max + 1) < 0 || t->nsym == 0){
		symfree(t);
		return NULL;
	}
	return t;
}

/* Keep a table (to free) or a warning in o. 0 or -1. */
static int
keep(Outside *o, Symtab *t, const char *warn)
{
	void *n;

	if(t != NULL){
		n = realloc(o->tab, (o->ntab + 1) * sizeof *o->tab);
		if(n == NULL)
			return -1;
		o->tab = n;
		o->tab[o->ntab++] = t;
		return 0;
	}
	n = realloc(o->warn, (o->nwarn + 1) * sizeof *o->warn);
	if(n == NULL)
		return -1;
	o->warn = n;
	if((o->warn[o->nwarn] = strdup(warn)) == NULL)
		return -1;
	o->nwarn++;
	return 0;
}

/* Load the symbols of module mod into ms. 0, or -1 (no memory). */
static int
loadmod(Outside *o, const Tally *ta, const Symtab *exe, uint32_t mod, Modsyms *ms)
{
	const char *path;
	int kind, isexe;
	Symtab *t;

	ms->done = 1;
	path = tallymodule(ta, mod, &kind, &isexe);
	if(kind == Mnamed)
		return 0;
	if(isexe){
		ms->tab = exe;
		ms->load = *tallyexeload(ta);
		return 0;
	}
	if(kind == Mkernel){
		t = kallsyms();
		ms->tab = t;
		return t != NULL ? keep(o, t, NULL) : 0;
	}
	t = elfload(path, &ms->load) == 0 ? symelf(path) : NULL;
	ms->tab = t;
	return keep(o, t, errstr());
}

/* The symbol at pc of a module, or -1. */
static long
symof(const Modsyms *ms, int kind, uint64_t addr)
{
	uint64_t a;

	if(ms->tab == NULL)
		return -1;
	a = addr;
	if(kind == Mfile && (a = elfaddr(&ms->load, addr)) == UINT64_MAX)
		return -1;
	return symfind(ms->tab, a);
}

static int
acccmp(const void *va, const void *vb)
{
	const Acc *a, *b;

	a = va;
	b = vb;
	if(a->mod != b->mod)
		return a->mod < b->mod ? -1 : 1;
	return (a->sym > b->sym) - (a->sym < b->sym);
}

static int
rowcmp(const void *va, const void *vb)
{
	const Outrow *a, *b;
	int c;

	a = va;
	b = vb;
	if(a->ticks != b->ticks)
		return a->ticks > b->ticks ? -1 : 1;
	if((c = strcmp(a->sym, b->sym)) != 0)
		return c;
	return strcmp(a->module, b->module);
}

/* acc[0..n) sorted by module and symbol, summed into o's rows. 0 or -1. */
static int
rows(Outside *o, const Tally *ta, Modsyms *ms, Acc *acc, size_t n)
{
	size_t i, k;
	int kind, isexe;

	qsort(acc, n, sizeof *acc, acccmp);
	o->row = malloc((n ? n : 1) * sizeof *o->row);
	if(o->row == NULL)
		return -1;
	for(i = 0; i < n; i = k){
		o->row[o->nrow].ticks = 0;
		for(k = i; k < n && acc[k].mod == acc[i].mod && acc[k].sym == acc[i].sym; k++)
			o->row[o->nrow].ticks += acc[k].ticks;
		o->row[o->nrow].module = tallymodule(ta, acc[i].mod, &kind, &isexe);
		o->row[o->nrow].sym = acc[i].sym >= 0 ? ms[acc[i].mod].tab->sym[acc[i].sym].name : "?";
		o->nrow++;
	}
	qsort(o->row, o->nrow, sizeof *o->row, rowcmp);
	return 0;
}

Outside *
outsidesums(const Tally *ta, const Symtab *exe)
{
	Modsyms *ms;
	Outside *o;
	Outpc *pc;
	Acc *acc;
	size_t i, n, nmod;
	int kind, isexe, r;

	if(tallyoutside(ta, &pc, &n) < 0)
		return NULL;
	nmod = 0;
	for(i = 0; i < n; i++)
		if(pc[i].mod >= nmod)
			nmod = pc[i].mod + 1;
	o = calloc(1, sizeof *o);
	ms = calloc(nmod ? nmod : 1, sizeof *ms);
	acc = malloc((n ? n : 1) * sizeof *acc);
	r = o == NULL || ms == NULL || acc == NULL ? -1 : 0;
	for(i = 0; i < n && r == 0; i++){
		if(!ms[pc[i].mod].done)
			r = loadmod(o, ta, exe, pc[i].mod, &ms[pc[i].mod]);
		tallymodule(ta, pc[i].mod, &kind, &isexe);
		acc[i].mod = pc[i].mod;
		acc[i].sym = symof(&ms[pc[i].mod], kind, pc[i].addr);
		acc[i].ticks = pc[i].ticks;
	}
	if(r == 0)
		r = rows(o, ta, ms, acc, n);
	free(pc);
	free(ms);
	free(acc);
	if(r < 0){
		outsidefree(o);
		werrstr("outside text: out of memory");
		return NULL;
	}
	return o;
}

void
outsidefree(Outside *o)
{
	size_t i;

	if(o == NULL)
		return;
	for(i = 0; i < o->ntab; i++)
		symfree(o->tab[i]);
	for(i = 0; i < o->nwarn; i++)
		free(o->warn[i]);
	free(o->tab);
	free(o->warn);
	free(o->row);
	free(o);
}

void
printoutside(FILE *out, const Ticks *t, const Outside *o)
{
	int64_t d, ms;
	size_t i;

	fprintf(out, "outside text: %" PRIu64 "\n", t->outside);
	if(o->nrow == 0)
		return;
	d = t->total > 0 ? (int64_t)t->total : 1;
	fprintf(out, "    ms      %%   sym\tmodule\n");
	for(i = 0; i < o->nrow; i++){
		ms = (int64_t)o->row[i].ticks;
		fprintf(out, "%6" PRId64 "\t%3" PRId64 ".%" PRId64 "\t%s\t%s\n", ms, 100 * ms / d,
			(1000 * ms / d) % 10, o->row[i].sym, o->row[i].module);
	}
}
