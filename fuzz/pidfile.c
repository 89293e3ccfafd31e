/*
 * Our prof.<pid> format (pidparse), and prof's reports of what it
 * accepts: the symbols f0..f15 placed at the bias of each used module
 * (the first 8), as prof places each module's table; then the profile
 * summed with itself, which must stay a tree with twice the calls.
 */
#include "fuzz.h"

static void
reports(Prof *p)
{
	Space s = {0};
	uint32_t i, n;

	for(i = 0, n = 0; i < p->nmod && n < 8; i++)
		if(p->mod[i].used || i == p->exemod){
			if(spaceadd(&s, fuzzsyms(), p->mod[i].bias) < 0)
				fuzzfail("spaceadd");
			n++;
		}
	profcaveat(p);
	printflat(fuzznull(), p, &s);
	printgraph(fuzznull(), p, &s, 0, 8);
	printgraph(fuzznull(), p, &s, 1, 4);
	printfolded(fuzznull(), p, &s);
	printcallgrind(fuzznull(), p, &s, NULL);
	spacefree(&s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t calls;
	Prof *p, *q;

	p = pidparse(data, size, "fuzz");
	if(p == NULL)
		return 0;
	if(p->format != Ppid || (p->exemod != Pnone && p->exemod >= p->nmod))
		fuzzfail("pidparse: not Ppid, or a bad executable module");
	fuzztree(p);
	reports(p);
	calls = fuzzcalls(p);
	q = pidparse(data, size, "fuzz");
	if(q == NULL)
		fuzzfail("pidparse: the same image refused the second time");
	p = profmerge(p, "fuzz", q, "fuzz");
	if(p == NULL)
		return 0;
	fuzztree(p);
	if(p->exemod != Pnone && p->exemod >= p->nmod)
		fuzzfail("profmerge: a bad executable module");
	if(fuzzcalls(p) != ((calls * 2) & p->mask))
		fuzzfail("profmerge: a profile and itself do not sum to twice its calls");
	reports(p);
	proffree(p);
	return 0;
}
