/* prof's flat report: self time and calls per symbol. */
#include <stdlib.h>

#include "profile/profile.h"

typedef struct Acc Acc;
struct Acc
{
	const char *name;
	uint64_t self;
	uint64_t calls;
};

/* Plan 9's acmp: by self time alone, increasing. */
static int
acccmp(const void *va, const void *vb)
{
	const Acc *a, *b;

	a = va;
	b = vb;
	return (a->self > b->self) - (a->self < b->self);
}

/*
 * As Plan 9's prof: every text symbol, in address order, sorted by
 * p9qsort on self time; the rows with calls printed from the end of the
 * array, so equal times come in the order its qsort leaves them.
 */
int
printflat(FILE *out, const Prof *p, const Space *s)
{
	char pct[32], sec[400];
	Acc *acc;
	uint64_t total, self;
	size_t j;
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
	for(j = 0; j < s->nsym; j++)
		acc[j].name = spacesym(s, j)->name;
	p9qsort(acc, s->nsym, sizeof acc[0], acccmp);
	if(total == 0)
		total = 1;
	if(p->format == P9front)
		fprintf(out, "  %%       Time        Calls  Name\n");
	else
		fprintf(out, "  %%     Time     Calls  Name\n");
	for(j = s->nsym; j-- > 0; ){
		if(acc[j].calls == 0)
			continue;
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
