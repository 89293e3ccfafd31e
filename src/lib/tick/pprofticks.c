/*
 * tprof -P, kprof -P: a tick profile for pprof, a sample per function
 * with ticks, its stack that function alone, its values the samples and
 * their time.
 */
#include <stdlib.h>
#include <string.h>

#include "tick/tick.h"

typedef struct Ticksrc Ticksrc;
struct Ticksrc
{
	const Tickrow *r;
	size_t n, i;
	uint64_t num, den;	/* a tick is num/den ns */
	uint32_t loc;		/* the sample's stack: location i */
};

static int
nextrow(void *arg, Ppsample *s)
{
	Ticksrc *t;

	t = arg;
	if(t->i == t->n)
		return 0;
	t->loc = (uint32_t)t->i;
	s->loc = &t->loc;
	s->nloc = 1;
	s->value[0] = (int64_t)t->r[t->i].ticks;
	s->value[1] = (int64_t)(t->r[t->i].ticks / t->den * t->num + t->r[t->i].ticks % t->den * t->num / t->den);
	t->i++;
	return 1;
}

typedef struct Byname Byname;
struct Byname
{
	uintptr_t name;
	uint64_t addr;
};

static int
bynamecmp(const void *a, const void *b)
{
	uintptr_t x, y;

	x = ((const Byname *)a)->name;
	y = ((const Byname *)b)->name;
	return (x > y) - (x < y);
}

/*
 * The address of each row's symbol into its location. A row's name is
 * its symbol's own string (ticksums), so the pointer finds the symbol,
 * also among several of one name; else the address is left 0.
 */
static int
rowaddrs(const Tickrow *r, size_t n, const Space *s, Pploc *loc)
{
	Byname *b, key, *hit;
	const Sym *y;
	size_t i, k;

	b = malloc((s->nsym + 1) * sizeof *b);
	if(b == NULL)
		return -1;
	for(i = 0; i < s->nsym; i++){
		y = spacesym(s, (long)i);
		b[i].name = (uintptr_t)y->name;
		b[i].addr = y->value;
		for(k = 0; k < s->nr; k++)
			if(i >= s->r[k].first && i < s->r[k].first + s->r[k].tab->nsym)
				b[i].addr += s->r[k].bias;
	}
	qsort(b, s->nsym, sizeof *b, bynamecmp);
	for(i = 0; i < n; i++){
		key.name = (uintptr_t)r[i].name;
		hit = bsearch(&key, b, s->nsym, sizeof *b, bynamecmp);
		loc[i].addr = hit != NULL ? hit->addr : 0;
	}
	free(b);
	return 0;
}

int
tickpprof(const char *file, const Tickrow *r, size_t n, const Space *s, const Tickpp *tp)
{
	Ppprof pp = {0};
	Ticksrc src = {0};
	Ppfunc *func;
	Pploc *loc;
	Ppmap map = {0};
	size_t i;
	int ret;

	func = malloc((n + 1) * sizeof *func);
	loc = malloc((n + 1) * sizeof *loc);
	if(func == NULL || loc == NULL || rowaddrs(r, n, s, loc) < 0){
		free(func);
		free(loc);
		werrstr("%s: out of memory", file);
		return -1;
	}
	for(i = 0; i < n; i++){
		func[i].name = r[i].name;
		func[i].file = NULL;
		loc[i].func = (uint32_t)i;
		loc[i].map = s->nr > 0 ? 0 : Ppnone;
	}
	if(s->nr > 0){
		map.start = s->r[0].tab->sym[0].value + s->r[0].bias;
		map.limit = s->r[s->nr - 1].tab->end + s->r[s->nr - 1].bias;
		map.off = ppfileoff(tp->object, s->r[0].tab->sym[0].value);
		map.file = tp->object;
		map.buildid = s->r[0].tab->buildid;
		map.idlen = s->r[0].tab->idlen;
	}
	pp.type[0] = "samples";
	pp.unit[0] = "count";
	pp.type[1] = "cpu";
	pp.unit[1] = "nanoseconds";
	pp.nvalue = 2;
	pp.periodtype = "cpu";
	pp.periodunit = "nanoseconds";
	pp.period = (int64_t)(tp->tickns / (tp->tickper > 0 ? tp->tickper : 1));
	pp.timens = tp->timens;
	pp.durationns = tp->durationns;
	pp.map = &map;
	pp.nmap = s->nr > 0;
	pp.func = func;
	pp.nfunc = n;
	pp.loc = loc;
	pp.nloc = n;
	src.r = r;
	src.n = n;
	src.num = tp->tickns;
	src.den = tp->tickper > 0 ? tp->tickper : 1;
	pp.next = nextrow;
	pp.arg = &src;
	ret = ppsave(&pp, file);
	free(func);
	free(loc);
	return ret;
}
