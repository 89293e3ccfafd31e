/*
 * p9fmt: the library's Plan 9 %f (p9fmtf), for the tests.
 *	p9fmt WIDTH PREC VALUE...	one line per value, p9fmtf's bytes between brackets;
 *					VALUE a number (strtod), or A%T: (100.0*A)/T as prof's
 *					percentage, or A/T: (double)A/T
 *	p9fmt -x			every percentage A of T, 1 <= A <= T <= 2000, as prof's
 *					%4.1f: p9fmtf against an exact decimal oracle and glibc
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

static uint64_t
pow10u(int n)
{
	uint64_t p;

	for(p = 1; n > 0; n--)
		p *= 10;
	return p;
}

static double
value(const char *s)
{
	const char *p;

	if((p = strchr(s, '%')) != NULL)
		return (100.0 * strtoull(s, NULL, 10)) / (double)strtoull(p + 1, NULL, 10);
	if((p = strchr(s, '/')) != NULL)
		return (double)strtoull(s, NULL, 10) / (double)strtoull(p + 1, NULL, 10);
	return strtod(s, NULL);
}

/* The 17 digits s, scaled by 10^e (s[0] at 10^e), as strtod reads them. */
static double
readback(uint64_t s, int e)
{
	char b[48];

	snprintf(b, sizeof b, "%" PRIu64 "e%d", s, e - 16);
	return strtod(b, NULL);
}

typedef unsigned __int128 Fix;	/* a value in [0, 16) as a multiple of 2^-S */
enum { S = 115 };

/* x rounded to 53 significant bits, ties to even: what a double arithmetic result holds. */
static Fix
round53(Fix x)
{
	Fix keep, rem, half;
	int len, sh;

	for(len = 0; len < 128 && (x >> len) != 0; len++)
		;
	if(len <= 53)
		return x;
	sh = len - 53;
	keep = x >> sh;
	rem = x & (((Fix)1 << sh) - 1);
	half = (Fix)1 << (sh - 1);
	if(rem > half || (rem == half && (keep & 1)))
		keep++;
	return keep << sh;
}

/*
 * The 17 digits fltfmt.c's first guess makes of v in [0.01, 100]: g = v
 * times 10^-e (100, 10, 1, 1/10 or 1/100 as doubles; e puts g in
 * [1, 10)), the product rounded to a double, then 17 times: digit =
 * integer part, g = (g - digit) * 10 rounded to a double. Done here in
 * integers: products exact, then round53. The exponent e in *ep.
 */
static uint64_t
guess(double v, int *ep)
{
	static const double scale[] = {100, 10, 1, 0.1, 0.01};	/* 10^-e, e = -2..2 */
	uint64_t digits, d, mv, mp;
	Fix g, one;
	int e, i, qv, qp, sh;

	one = (Fix)1 << S;
	g = 0;
	for(e = 2; e >= -2; e--){	/* from the top: g stays below 16 */
		/* v * 10^-e: the exact product of the two 53-bit mantissas, rounded */
		mv = (uint64_t)ldexp(frexp(v, &qv), 53);
		mp = (uint64_t)ldexp(frexp(scale[e + 2], &qp), 53);
		g = round53((Fix)mv * mp);	/* the product is g * 2^(qv+qp-106) */
		sh = qv + qp - 106 + S;
		g = sh >= 0 ? g << sh : g >> -sh;
		if(g >= one)
			break;
	}
	digits = 0;
	for(i = 0; i < 17; i++){
		d = (uint64_t)(g >> S);
		digits = digits * 10 + d;
		g = round53((g - d * one) * 10);
	}
	*ep = e;
	return digits;
}

/*
 * The oracle for prof's percentages: 100a/T
 * is rounded half up to tenths exactly, but for an exact tie (its
 * value is then N/20, N = 2000a/T odd) Plan 9 rounds its 17 digits S:
 * the guess, stepped one unit at a time toward v until strtod reads it
 * back as v, rounded up iff S is at or over the tie's own digits.
 */
static void
oracle(char *buf, size_t n, uint64_t a, uint64_t t)
{
	uint64_t tenths, nn, s, x;
	double v, back;
	int e;

	tenths = (2000 * a + t) / (2 * t);
	if(2000 * a % t == 0 && (nn = 2000 * a / t) % 2 == 1){
		v = (100.0 * a) / t;
		s = guess(v, &e);
		while((back = readback(s, e)) != v)
			s += back < v ? 1 : -1;
		x = nn * pow10u(16 - e) / 20;
		tenths = nn / 2 + (s >= x);
	}
	snprintf(buf, n, "%2" PRIu64 ".%" PRIu64, tenths / 10, tenths % 10);
}

static int
exhaustive(void)
{
	char p9[64], want[64], glibc[64];
	uint64_t a, t, n, bad, differ;
	double v;

	n = bad = differ = 0;
	for(t = 1; t <= 2000; t++)
		for(a = 1; a <= t; a++){
			v = (100.0 * a) / t;
			p9fmtf(p9, sizeof p9, v, 4, 1);
			oracle(want, sizeof want, a, t);
			snprintf(glibc, sizeof glibc, "%4.1f", v);
			n++;
			if(strcmp(p9, want) != 0){
				if(bad < 10)
					printf("%" PRIu64 "/%" PRIu64 ": p9fmtf [%s], oracle [%s]\n", a, t, p9, want);
				bad++;
			}
			if(strcmp(glibc, p9) != 0)
				differ++;
		}
	printf("%" PRIu64 " ratios, %" PRIu64 " unlike the oracle, %" PRIu64 " unlike glibc\n", n, bad, differ);
	return bad != 0;
}

int
main(int argc, char **argv)
{
	char buf[512];
	int i;

	if(argc == 2 && strcmp(argv[1], "-x") == 0)
		return exhaustive();
	if(argc < 4){
		fprintf(stderr, "usage: p9fmt WIDTH PREC VALUE... | p9fmt -x\n");
		return 2;
	}
	for(i = 3; i < argc; i++){
		p9fmtf(buf, sizeof buf, value(argv[i]), atoi(argv[1]), atoi(argv[2]));
		printf("[%s]\n", buf);
	}
	return 0;
}
