/*
 * symdump: the library's view of a file's text symbols (ELF or Plan 9 a.out), for the tests.
 *	symdump file		one "hexaddress name" line per symbol, by address
 *	symdump -l file		then one name (or -) per hex address read from stdin
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "sym/sym.h"

int
main(int argc, char *argv[])
{
	char line[128];
	int lookup;
	Symtab *t;
	size_t i;
	long j;

	lookup = argc == 3 && strcmp(argv[1], "-l") == 0;
	if(argc != 2 && !lookup){
		fprintf(stderr, "usage: symdump [-l] file\n");
		return 2;
	}
	t = symprog(argv[argc - 1], NULL);
	if(t == NULL){
		fprintf(stderr, "symdump: %s\n", errstr());
		return 1;
	}
	if(!lookup)
		for(i = 0; i < t->nsym; i++)
			printf("%016" PRIx64 " %s\n", t->sym[i].value, t->sym[i].name);
	else
		while(fgets(line, sizeof line, stdin) != NULL){
			j = symfind(t, strtoull(line, NULL, 16));
			puts(j < 0 ? "-" : t->sym[j].name);
		}
	symfree(t);
	return 0;
}
