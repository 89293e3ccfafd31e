/*
 * A profile saved by names (ntreeread, prof -N's format), then compared
 * with itself (profdiff) through every report the comparison has: every
 * change must be 0, and saving it again must read back the same tree.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Compared with itself: the paths match one for one, and nothing changed. */
static void
selfcompare(const Ntree *t)
{
	Gate g;
	Diff *d;
	uint32_t i;

	if((d = profdiff(t, t)) == NULL)
		fuzzfail("profdiff: out of memory");
	for(i = 0; i < d->npath; i++)
		if(d->path[i].calls[0] != d->path[i].calls[1] || d->path[i].self[0] != d->path[i].self[1])
			fuzzfail("profdiff: a profile differs from itself");
	printdiff(fuzznull(), d, 0);
	printdiff(fuzznull(), d, 1);
	printdifffolded(fuzznull(), d);
	if(gateparse("calls,time=0", &g) < 0 || diffgate(fuzznull(), d, &g) != 0)
		fuzzfail("diffgate: a profile breaches against itself");
	difffree(d);
}

/* Saved again, it reads back as the same tree. */
static void
roundtrip(const Ntree *t)
{
	char *buf;
	size_t n;
	FILE *f;
	Ntree *u;
	uint32_t i;

	if((f = open_memstream(&buf, &n)) == NULL)
		fuzzfail("open_memstream");
	printnames(f, t);
	fclose(f);
	if((u = ntreeread((unsigned char *)buf, n, "again")) == NULL)
		fuzzfail("ntreeread: cannot read what printnames wrote");
	if(u->nnode != t->nnode)
		fuzzfail("ntreeread: saved again, another number of paths");
	for(i = 0; i < t->nnode; i++)
		if(u->node[i].parent != t->node[i].parent || u->node[i].calls != t->node[i].calls
		|| u->node[i].self != t->node[i].self || strcmp(u->node[i].name, t->node[i].name) != 0)
			fuzzfail("ntreeread: saved again, another tree");
	ntreefree(u);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Ntree *t;

	if(!isnames(data, size) || (t = ntreeread(data, size, "fuzz")) == NULL)
		return 0;
	selfcompare(t);
	roundtrip(t);
	ntreefree(t);
	return 0;
}
