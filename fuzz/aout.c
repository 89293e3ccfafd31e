/*
 * Plan 9 a.out files (aoutparse), as prof, tprof -f and kprof read a
 * program or kernel. Checks what aoutparse promises: symbols sorted, one
 * per address, found again by symfind; the header's machine named.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Symtab *t;
	size_t i;
	Aout a;

	t = aoutparse(data, size, &a, "fuzz");
	if(t == NULL)
		return 0;
	if(t->nsym == 0 || a.arch == NULL || a.pgsize == 0 || (a.pgsize & (a.pgsize - 1)) != 0)
		fuzzfail("aoutparse: no symbols, no machine, or a bad page size");
	for(i = 0; i < t->nsym; i++){
		if(i > 0 && t->sym[i].value <= t->sym[i - 1].value)
			fuzzfail("aoutparse: symbols not sorted");
		if(t->sym[i].name == NULL)
			fuzzfail("aoutparse: a symbol with no name");
		if(t->sym[i].value != UINT64_MAX && symfind(t, t->sym[i].value) != (long)i)
			fuzzfail("aoutparse: symfind does not find a symbol at its own address");
	}
	symfree(t);
	return 0;
}
