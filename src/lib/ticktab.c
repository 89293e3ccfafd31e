/* tprof's and kprof's reports, Plan 9's layout to the byte. */
#include <inttypes.h>

#include "proftools.h"

/* Plan 9 divides by total - outside; a file with no ticks in text would divide by 0. */
static int64_t
delta(const Ticks *t)
{
	int64_t d;

	d = (int64_t)(t->total - t->outside);
	return d > 0 ? d : 1;
}

/* The rows: tprof pads the ms column to 6, kprof does not. */
static void
rows(FILE *out, int pad, const Ticks *t, const Tickrow *r, size_t n)
{
	int64_t d, ms, pc, tenth;
	size_t i;

	d = delta(t);
	for(i = 0; i < n; i++){
		ms = (int64_t)r[i].ticks;
		pc = 100 * ms / d;
		tenth = (1000 * ms / d) % 10;
		if(pad)
			fprintf(out, "%6" PRId64 "\t%3" PRId64 ".%" PRId64 "\t%s\n", ms, pc, tenth, r[i].name);
		else
			fprintf(out, "%" PRId64 "\t%3" PRId64 ".%" PRId64 "\t%s\n", ms, pc, tenth, r[i].name);
	}
}

int
printtprof(FILE *out, const Ticks *t, uint64_t base, const Tickrow *r, size_t n)
{
	fprintf(out, "total: %" PRIu64 "\n", t->total);
	if(t->total == 0)
		return 0;
	fprintf(out, "TEXT %.8" PRIx64 "\n", base);
	if(n == 0){
		werrstr("no counts");
		return -1;
	}
	fprintf(out, "    ms      %%   sym\n");
	rows(out, 1, t, r, n);
	return 0;
}

int
printkprof(FILE *out, const Ticks *t, uint64_t ktzero, uint64_t firstsym, unsigned pgsize,
	const Tickrow *r, size_t n)
{
	fprintf(out, "total: %" PRIu64 "\tin kernel text: %" PRId64 "\toutside kernel text: %" PRIu64 "\n",
		t->total, (int64_t)(t->total - t->outside), t->outside);
	if(t->total == 0)
		return 0;
	if(ktzero != (firstsym & ~(uint64_t)0xFFF))
		fprintf(out, "warning: kbase %.8" PRIx64 " != tbase %.8" PRIx64 "\n", ktzero, firstsym & ~(uint64_t)0xFFF);
	fprintf(out, "KTZERO %.8" PRIx64 " PGSIZE %dKb\n", ktzero, (int)(pgsize / 1024));
	if(n == 0){
		werrstr("no counts");
		return -1;
	}
	fprintf(out, "ms\t  %%\tsym\n");
	rows(out, 0, t, r, n);
	return 0;
}
