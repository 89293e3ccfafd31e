/*
 * Plan 9 prof.out (classicparse), and prof's reports of what it accepts:
 * the flat profile, -d and -r, against functions f0..f15 at 0x1000;
 * the same with the root's subtrees merged (as sums of runs do), which
 * must keep the tree a tree and the calls as many.
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
	uint64_t calls;
	Prof *p;

	p = classicparse(data, size, "fuzz");
	if(p == NULL)
		return 0;
	if(p->format != Pclassic)
		fuzzfail("classicparse: not Pclassic");
	fuzztree(p);
	reports(p);
	calls = fuzzcalls(p);
	p = profmergeroots(p, "fuzz");
	if(p != NULL){
		fuzztree(p);
		if(fuzzcalls(p) != calls)
			fuzzfail("profmergeroots: calls lost or made");
		reports(p);
	}
	proffree(p);
	return 0;
}
