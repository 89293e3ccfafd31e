/* Helpers of the fuzz harnesses (fuzz.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

FILE *
fuzznull(void)
{
	static FILE *f;

	if(f == NULL && (f = fopen("/dev/null", "w")) == NULL)
		fuzzfail("/dev/null");
	return f;
}

const char *
fuzzfile(const uint8_t *data, size_t size)
{
	static char path[64];
	static int fd = -1;

	if(fd < 0){
		fd = memfd_create("fuzz", 0);
		if(fd < 0)
			fuzzfail("memfd_create");
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if(ftruncate(fd, 0) < 0 || (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size))
		fuzzfail("write to memfd");
	return path;
}

Symtab *
fuzzsyms(void)
{
	static Symtab *t;
	char name[8];
	int i;

	if(t != NULL)
		return t;
	t = symnew();
	if(t == NULL)
		fuzzfail("symnew");
	for(i = 0; i < 16; i++){
		snprintf(name, sizeof name, "f%d", i);
		if(symadd(t, name, 0x1000 + 0x10 * i, 0x10, Rankglobal) < 0)
			fuzzfail("symadd");
	}
	if(symfinish(t, 0x1100) < 0)
		fuzzfail("symfinish");
	return t;
}

void
fuzzfail(const char *what)
{
	fprintf(stderr, "fuzz: %s\n", what);
	abort();
}

void
fuzztree(const Prof *p)
{
	uint32_t *seen, *stack, sp, i, c, n;

	if(p->nnode == 0)
		fuzzfail("a profile with no root");
	seen = calloc(p->nnode, sizeof *seen);
	stack = malloc(p->nnode * sizeof *stack);
	if(seen == NULL || stack == NULL)
		fuzzfail("out of memory");
	seen[0] = 1;
	stack[0] = 0;
	sp = 1;
	n = 1;
	while(sp > 0){
		i = stack[--sp];
		for(c = p->node[i].down; c != Pnone; c = p->node[c].right){
			if(c >= p->nnode)
				fuzzfail("a link past the last node");
			if(seen[c]++)
				fuzzfail("a node reached twice");
			stack[sp++] = c;
			n++;
		}
	}
	if(n != p->nnode)
		fuzzfail("nodes the root does not reach");
	free(seen);
	free(stack);
}

uint64_t
fuzzcalls(const Prof *p)
{
	uint64_t s;
	uint32_t i;

	s = 0;
	for(i = 0; i < p->nnode; i++)
		s += p->node[i].count;
	return s & p->mask;
}

static int
rowcmp(const void *va, const void *vb)
{
	const Tickrow *a, *b;

	a = va;
	b = vb;
	if(a->ticks != b->ticks)
		return a->ticks > b->ticks ? -1 : 1;
	return strcmp(a->name, b->name);
}

void
fuzzsums(const Ticks *t, const Symtab *tab, const Tickrow *r, size_t n)
{
	uint64_t *sum, a;
	Tickrow *want, *got;
	size_t j, m;
	long id;

	if(t->nword <= t->first || tab->nsym == 0)
		return;
	/* buckets whose addresses wrap past 2^64 are no text's: not checked */
	if((t->nword - t->first - 1) > (UINT64_MAX - t->start) / t->res)
		return;
	sum = calloc(tab->nsym, sizeof *sum);
	want = calloc(tab->nsym, sizeof *want);
	if(sum == NULL || want == NULL)
		fuzzfail("out of memory");
	for(j = t->first; j < t->nword; j++){
		a = t->start + (j - t->first) * t->res;
		id = symfind(tab, a);
		if(id >= 0)
			sum[id] += t->w32 != NULL ? t->w32[j] : t->word[j];
	}
	m = 0;
	for(j = 0; j < tab->nsym; j++)
		if(sum[j] != 0){
			want[m].name = tab->sym[j].name;
			want[m++].ticks = sum[j];
		}
	qsort(want, m, sizeof *want, rowcmp);
	if(m != n)
		fuzzfail("ticksums: not the rows of the sums made word by word");
	fuzzorder(r, n);
	/* equal ticks come in Plan 9's order: compare the rows in name order */
	got = malloc((n ? n : 1) * sizeof *got);
	if(got == NULL)
		fuzzfail("out of memory");
	memcpy(got, r, n * sizeof *got);
	qsort(got, n, sizeof *got, rowcmp);
	for(j = 0; j < n; j++)
		if(got[j].ticks != want[j].ticks || strcmp(got[j].name, want[j].name) != 0)
			fuzzfail("ticksums: not the rows of the sums made word by word");
	free(got);
	free(sum);
	free(want);
}

void
fuzzorder(const Tickrow *r, size_t n)
{
	size_t j;

	for(j = 1; j < n; j++)
		if(r[j].ticks > r[j - 1].ticks)
			fuzzfail("ticksums: rows not by decreasing ticks");
}
