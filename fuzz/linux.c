/*
 * Our prof.<pid> format (linuxparse), and prof's reports of what it
 * accepts: the symbols f0..f15 placed at the bias of each used module
 * (the first 8), as prof places each module's table.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Space s = {0};
	uint32_t i, n;
	Prof *p;

	p = linuxparse(data, size, "fuzz");
	if(p == NULL)
		return 0;
	if(p->format != Plinux || (p->exemod != Pnone && p->exemod >= p->nmod))
		fuzzfail("linuxparse: not Plinux, or a bad executable module");
	fuzztree(p);
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
	spacefree(&s);
	proffree(p);
	return 0;
}
