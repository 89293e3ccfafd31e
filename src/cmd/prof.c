/* prof: display the profile of an instrumented program. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "proftools.h"

static void
usage(void)
{
	fprintf(stderr, "usage: prof [-dr] [program] [profile]\n");
	exit(2);
}

static void
fatal(void)
{
	fprintf(stderr, "prof: %s\n", errstr());
	exit(1);
}

/* $tabstop as Plan 9 reads it: any C integer syntax, used only if positive. */
static int
tabstop(void)
{
	char *s;
	long t;

	s = getenv("tabstop");
	if(s == NULL)
		return 4;
	t = strtol(s, NULL, 0);
	if(t <= 0)
		return 4;
	return t > INT_MAX ? INT_MAX : (int)t;
}

int
main(int argc, char *argv[])
{
	const char *program, *profile;
	int c, dflag, rflag, r;
	Space space = {0};
	Symtab *tab;
	Prof *p;

	dflag = rflag = 0;
	while((c = getopt(argc, argv, "dr")) != -1)
		switch(c){
		case 'd':
			dflag = 1;
			break;
		case 'r':
			rflag = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if(argc > 2)
		usage();
	program = argc > 0 ? argv[0] : "a.out";
	profile = argc > 1 ? argv[1] : "prof.out";

	tab = symelf(program);
	if(tab == NULL)
		fatal();
	p = profread(profile);
	if(p == NULL)
		fatal();
	if(spaceadd(&space, tab, 0) < 0)
		fatal();
	if(dflag || rflag)
		r = printgraph(stdout, p, &space, rflag, tabstop());
	else
		r = printflat(stdout, p, &space);
	if(r < 0)
		fatal();
	spacefree(&space);
	proffree(p);
	symfree(tab);
	if(fflush(stdout) != 0 || ferror(stdout)){
		fprintf(stderr, "prof: standard output: write error\n");
		return 1;
	}
	return 0;
}
