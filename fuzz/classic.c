/*
 * Plan 9 prof.out (classicparse), and prof's reports of what it accepts:
 * the flat profile, -d and -r, against functions f0..f15 at 0x1000.
 */
#include "fuzz.h"

/* The reports of p, as prof prints them. */
static void
reports(Prof *p)
{
	Space s = {0};

	if(spaceadd(&s, fuzzsyms(), 0) < 0)
		fuzzfail("spaceadd");
	printflat(fuzznull(), p, &s);
	printgraph(fuzznull(), p, &s, 0, 4);
	printgraph(fuzznull(), p, &s, 1, 1);
	spacefree(&s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Prof *p;

	p = classicparse(data, size, "fuzz");
	if(p == NULL)
		return 0;
	if(p->nnode == 0 || p->format != Pclassic)
		fuzzfail("classicparse: accepted a profile with no root");
	reports(p);
	p = profmergeroots(p, "fuzz");
	if(p != NULL)
		reports(p);
	proffree(p);
	return 0;
}
