/*
 * flamediff: a differential flame graph, for the tests, until prof has
 * a compare option to draw it with.
 *	flamediff program new base	prof -S of Plan 9 prof.out new, coloured
 *					by its change from prof.out base
 * Both profiles are of program (its symbols name both).
 */
#include <stdio.h>
#include <stdlib.h>

#include "proftools.h"

static void
fatal(void)
{
	fprintf(stderr, "flamediff: %s\n", errstr());
	exit(1);
}

int
main(int argc, char *argv[])
{
	Space s = {0};
	Flamebase fb = {0};
	Symtab *t;
	Prof *p, *b;

	if(argc != 4){
		fprintf(stderr, "usage: flamediff program new base\n");
		return 2;
	}
	if((t = symelf(argv[1])) == NULL || spaceadd(&s, t, 0) < 0)
		fatal();
	if((p = profread(argv[2])) == NULL)
		fatal();
	if((b = profread(argv[3])) == NULL)
		fatal();
	fb.name = argv[3];
	if(flamebase(&fb, p, &s, b, &s) < 0 || printflame(stdout, p, &s, argv[1], &fb) < 0)
		fatal();
	free(fb.self);
	proffree(p);
	proffree(b);
	spacefree(&s);
	symfree(t);
	return fflush(stdout) != 0;
}
