/*
 * Plan 9 prof.out (classicparse; frontparse for 9front's, told by its
 * magic as profread tells it), and prof's reports of what it accepts:
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
	int front;

	front = isfront(data, size);
	p = front ? frontparse(data, size, "fuzz") : classicparse(data, size, "fuzz");
	if(p == NULL)
		return 0;
	if(p->format != (front ? P9front : Pclassic))
		fuzzfail("classicparse: not the format read");
	fuzztree(p);
	reports(p);
	calls = fuzzcalls(p);
	q = front ? frontparse(data, size, "fuzz") : classicparse(data, size, "fuzz");
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
