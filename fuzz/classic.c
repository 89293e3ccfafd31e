/*
 * Plan 9 prof.out (classicparse), and prof's reports of what it accepts:
 * the flat profile, -d, -r, -F and -C, against functions f0..f15 at
 * 0x1000; then the profile summed with itself (prof prog prof.out
 * prof.out), which must stay a tree with twice the calls.
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
	printfolded(fuzznull(), p, &s);
	printcallgrind(fuzznull(), p, &s, "prog");
	spacefree(&s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t calls;
	Prof *p, *q;

	p = classicparse(data, size, "fuzz");
	if(p == NULL)
		return 0;
	if(p->format != Pclassic)
		fuzzfail("classicparse: not Pclassic");
	fuzztree(p);
	reports(p);
	calls = fuzzcalls(p);
	q = classicparse(data, size, "fuzz");
	if(q == NULL)
		fuzzfail("classicparse: the same image refused the second time");
	p = profmerge(p, "fuzz", q, "fuzz");
	if(p == NULL)
		return 0;
	fuzztree(p);
	if(fuzzcalls(p) != ((calls * 2) & p->mask))
		fuzzfail("profmerge: a profile and itself do not sum to twice its calls");
	reports(p);
	proffree(p);
	return 0;
}
