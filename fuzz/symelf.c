/*
 * ELF files through libelf: the text symbols (symelf), as prof and tprof
 * read a program, and the loadable segments and build-id (elfload), as
 * tprof places samples. Checks what symelf promises: symbols sorted, one
 * per address, each with a name, found again by symfind.
 */
#include <string.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path;
	Elfload l;
	Symtab *t;
	size_t i;

	path = fuzzfile(data, size);
	if(elfload(path, &l) == 0){
		if(l.nseg == 0 || l.nseg > Maxseg || l.idlen > sizeof l.buildid)
			fuzzfail("elfload: bad segment count or build-id");
		for(i = 0; i < l.nseg; i++)
			elfaddr(&l, l.seg[i].off);
		elfaddr(&l, 0);
	}
	t = symelf(path);
	if(t == NULL)
		return 0;
	if(t->nsym == 0 || t->idlen > sizeof t->buildid)
		fuzzfail("symelf: no symbols, or a bad build-id");
	for(i = 0; i < t->nsym; i++){
		if(i > 0 && t->sym[i].value <= t->sym[i - 1].value)
			fuzzfail("symelf: symbols not sorted");
		if(t->sym[i].name == NULL || t->sym[i].name[0] == '\0')
			fuzzfail("symelf: a symbol with no name");
		/* (a symbol at the last address has no range: end is exclusive) */
		if(t->sym[i].value != UINT64_MAX && symfind(t, t->sym[i].value) != (long)i)
			fuzzfail("symelf: symfind does not find a symbol at its own address");
	}
	symfree(t);
	return 0;
}
