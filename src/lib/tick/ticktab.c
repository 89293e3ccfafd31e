/* tprof's and kprof's reports, Plan 9's layout to the byte. */
#include <inttypes.h>

#include "tick/tick.h"

/*
 * Plan 9 divides by total - outside; a file with no ticks in text would
 * divide by 0. The parsers see that outside <= total.
 */
static uint64_t
delta(const Ticks *t)
{
	return t->total > t->outside ? t->total - t->outside : 1;
}

/*
 * ticks in ms: as they are if hz is 0 (Plan 9's ticks are ms), else ticks
 * of 1/hz s, rounded down; wide enough for any ticks of hz Hz whose ms
 * fit in 64 bits (msfits).
 */
static uint64_t
ms(uint64_t ticks, unsigned hz)
{
	if(hz == 0)
		return ticks;
	return ticks / hz * 1000 + ticks % hz * 1000 / hz;
}

static int
msfits(uint64_t ticks, unsigned hz)
{
	return hz == 0 || ticks / hz <= (UINT64_MAX - 999) / 1000;
}

/*
 * 1000 * tk / d rounded down, tk <= d: Plan 9's 100 * tk / d is this
 * divided by 10, its (1000 * tk / d) % 10 the last digit. 1000 * tk can
 * pass 64 bits (/proc/profile's sums): then long division, a decimal
 * digit at a time, by additions that stay below d.
 */
static uint64_t
permille(uint64_t tk, uint64_t d)
{
	uint64_t r, acc, v;
	int i, k;

	if(tk <= UINT64_MAX / 1000)
		return 1000 * tk / d;
	if(tk >= d)
		return 1000;
	r = tk;
	v = 0;
	for(i = 0; i < 3; i++){
		/* the next digit of r / d: 10 * r = digit * d + the new r */
		acc = 0;
		v *= 10;
		for(k = 0; k < 10; k++){
			if(acc >= d - r){
				acc -= d - r;
				v++;
			}else
				acc += r;
		}
		r = acc;
	}
	return v;
}

/* v in decimal, right-aligned in width columns (at least), written at p; the end. */
static char *
decimal(char *p, uint64_t v, int width)
{
	char b[24];
	int n;

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
	uint64_t d, pm;
	char line[96], *p;
	size_t i;

	d = delta(t);
	for(i = 0; i < n; i++){
		if(i + 16 < n)
			__builtin_prefetch(r[i + 16].name);	/* names lie in symbol order, rows do not */
		pm = permille(r[i].ticks, d);
		p = decimal(line, ms(r[i].ticks, hz), pad ? 6 : 0);
		*p++ = '\t';
		p = decimal(p, pm / 10, 3);
		*p++ = '.';
		p = decimal(p, pm % 10, 0);
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

	if(!msfits(t->total, hz)){
		werrstr("%" PRIu64 " ticks of 1/%u s: more ms than 64 bits hold", t->total, hz);
		return -1;
	}
	fprintf(out, "total: %" PRIu64 "\tin kernel text: %" PRIu64 "\toutside kernel text: %" PRIu64 "\n",
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
