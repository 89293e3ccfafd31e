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

/* ticks in ms: as they are if hz is 0 (Plan 9's ticks are ms), else ticks of 1/hz s. */
static int64_t
ms(uint64_t ticks, unsigned hz)
{
	return hz == 0 ? (int64_t)ticks : (int64_t)(ticks * 1000 / hz);
}

/* v in decimal, right-aligned in width columns (at least), written at p; the end. */
static char *
decimal(char *p, int64_t v, int width)
{
	char b[24];
	int n;

	if(v < 0)
		return p + sprintf(p, "%*" PRId64, width, v);
	n = 0;
	do
		b[n++] = '0' + v % 10;
	while((v /= 10) != 0);
	while(width-- > n)
		*p++ = ' ';
	while(n > 0)
		*p++ = b[--n];
	return p;
}

/*
 * The rows, "%ld\t%3lld.%lld\t%s\n" (tprof pads the ms column to 6, kprof
 * does not). Percentages of the ticks. Formatted by hand: printf is most of
 * the time of a report of 100,000 rows.
 */
static void
rows(FILE *out, int pad, unsigned hz, const Ticks *t, const Tickrow *r, size_t n)
{
	int64_t d, tk;
	char line[96], *p;
	size_t i;

	d = delta(t);
	for(i = 0; i < n; i++){
		if(i + 16 < n)
			__builtin_prefetch(r[i + 16].name);	/* names lie in symbol order, rows do not */
		tk = (int64_t)r[i].ticks;
		p = decimal(line, ms(r[i].ticks, hz), pad ? 6 : 0);
		*p++ = '\t';
		p = decimal(p, 100 * tk / d, 3);
		*p++ = '.';
		p = decimal(p, (1000 * tk / d) % 10, 0);
		*p++ = '\t';
		fwrite(line, 1, p - line, out);
		fputs(r[i].name, out);
		putc('\n', out);
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
	rows(out, 1, 0, t, r, n);
	return 0;
}

int
printkprof(FILE *out, const Ticks *t, uint64_t ktzero, uint64_t firstsym, unsigned pgsize, unsigned hz,
	const Tickrow *r, size_t n)
{
	uint64_t tbase;

	fprintf(out, "total: %" PRId64 "\tin kernel text: %" PRId64 "\toutside kernel text: %" PRId64 "\n",
		ms(t->total, hz), ms(t->total, hz) - ms(t->outside, hz), ms(t->outside, hz));
	if(t->total == 0)
		return 0;
	tbase = firstsym & ~(uint64_t)0xFFF;
	if(ktzero != tbase)
		fprintf(out, "warning: kbase %.8" PRIx64 " != tbase %.8" PRIx64 "\n", ktzero, tbase);
	fprintf(out, "KTZERO %.8" PRIx64 " PGSIZE %dKb\n", ktzero, (int)(pgsize / 1024));
	if(n == 0){
		werrstr("no counts");
		return -1;
	}
	fprintf(out, "ms\t  %%\tsym\n");
	rows(out, 0, hz, t, r, n);
	return 0;
}
