/* prof's flat report: self time and calls per symbol. */
#include <stdlib.h>
#include <string.h>

#include "proftools.h"

typedef struct Acc Acc;
struct Acc
{
	long id;
	const char *name;
	uint64_t self;
	uint64_t calls;
};

/* Decreasing self time; ties by name, then by address order. */
static int
acccmp(const void *va, const void *vb)
{
	const Acc *a, *b;
	int c;

	a = va;
	b = vb;
	if(a->self != b->self)
		return a->self > b->self ? -1 : 1;
	c = strcmp(a->name, b->name);
	if(c != 0)
		return c;
	return (a->id > b->id) - (a->id < b->id);
}

int
printflat(FILE *out, const Prof *p, const Space *s)
{
	char pct[32], sec[400];
	Acc *acc;
	uint64_t total, self;
	size_t n, j;
	uint32_t i;
	long id;

	acc = calloc(s->nsym ? s->nsym : 1, sizeof *acc);
	if(acc == NULL){
		werrstr("flat profile: out of memory");
		return -1;
	}
	total = 0;
	for(i = 1; i < p->nnode; i++){
		id = spacefind(s, p->node[i].pc);
		if(id < 0)
			continue;	/* Plan 9 leaves unknown pcs out of the flat report */
		self = profself(p, i);
		acc[id].self = (acc[id].self + self) & p->mask;
		acc[id].calls = (acc[id].calls + p->node[i].count) & p->mask;
		total = (total + self) & p->mask;
	}
	n = 0;
	for(j = 0; j < s->nsym; j++)
		if(acc[j].calls != 0){
			acc[n] = acc[j];
			acc[n].id = j;
			acc[n].name = spacesym(s, j)->name;
			n++;
		}
	qsort(acc, n, sizeof acc[0], acccmp);
	if(total == 0)
		total = 1;
	if(p->format == P9front)
		fprintf(out, "  %%       Time        Calls  Name\n");
	else
		fprintf(out, "  %%     Time     Calls  Name\n");
	for(j = 0; j < n; j++){
		/* Plan 9's print: its %f rounds in decimal */
		p9fmtf(pct, sizeof pct, 100.0 * acc[j].self / total, 4, 1);
		if(p->format == P9front){
			/* 9front's "%4.1f   %.9f %8llud\t%s\n", seconds = cycles / frequency */
			p9fmtf(sec, sizeof sec, (double)acc[j].self / p->hz, 0, 9);
			fprintf(out, "%s   %s %8llu\t%s\n", pct, sec, (unsigned long long)acc[j].calls, acc[j].name);
		}else{
			/* "%4.1f %8.3f %8lud\t%s\n" */
			p9fmtf(sec, sizeof sec, acc[j].self / (1e9 / p->unitns), 8, 3);
			fprintf(out, "%s %s %8llu\t%s\n", pct, sec, (unsigned long long)acc[j].calls, acc[j].name);
		}
	}
	free(acc);
	return 0;
}
