/*
 * The unwinder over an ELF file (its .eh_frame, .eh_frame_hdr, code and
 * symbols), as unwind() reads a mapped file: the input, mapped at
 * 0x400000, is also the stack copy; unwind runs from pcs spread over its
 * loadable segments. Checks what unwind promises: at most max pcs, the
 * first the thread's pc, Unknownpc only last.
 */
#include <stdlib.h>

#include "fuzz.h"

enum { Base = 0x400000, Stack = 0x7ff000, Maxpc = 64, Npc = 64 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t pcs[Maxpc], span;
	Unwinder *u;
	Elfload l;
	Uregs r;
	size_t i, k, n;
	Map m;

	m.path = (char *)fuzzfile(data, size);
	if(elfload(m.path, &l) < 0)
		return 0;
	m.start = Base;
	m.end = Base + size + 1;
	m.off = 0;
	m.dev = 1;
	m.ino = 1;
	u = unwnew();
	if(u == NULL || unwsetmaps(u, &m, 1) < 0)
		fuzzfail("unwnew or unwsetmaps");
	span = l.seg[0].filesz + 1;
	for(i = 0; i < Npc; i++){
		for(k = 0; k < Nureg; k++)
			r.reg[k] = Stack + 8 * k;
		r.reg[Urip] = Base + (span * i / Npc) % (size + 1);
		r.have = (1u << Nureg) - 1;
		n = unwind(u, &r, data, size, Stack, pcs, Maxpc);
		if(n > Maxpc || n == 0 || pcs[0] != r.reg[Urip])
			fuzzfail("unwind: no pc, too many, or not the thread's first");
		for(k = 0; k + 1 < n; k++)
			if(pcs[k] == Unknownpc)
				fuzzfail("unwind: Unknownpc before the end");
	}
	unwfree(u);
	return 0;
}
