/*
 * Plan 9's %f: the bytes its print gives, not glibc's.
 *
 * Plan 9's libc (libc/fmt/fltfmt.c; its %f is the same in the 4th edition
 * and in 9front) does not round the binary value. It writes the double as
 * 17 significant decimal digits: first approximately, by scaling it to
 * [1, 10) with its pow10 table and peeling digits off in double
 * arithmetic, then exactly, by stepping the 17th digit until strtod reads
 * the string back as the double. Only that string is rounded to the
 * precision asked for, half up, in decimal. So 100.0*3/2000, whose double
 * is 0.149999999999999994..., is "15000000000000000"e-17 and prints as
 * 0.2 (glibc: 0.1); 12.25 prints as 12.3 (glibc rounds the exact tie to
 * even: 12.2).
 */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/base.h"

enum
{
	Nsig = 17,	/* significant digits Plan 9 converts */
	Maxprec = 30,	/* its cap on the precision */
	Defprec = 6,
};

/*
 * 10^n as Plan 9's pow10 makes it: a table of the constants 1e0..1e159
 * (correctly rounded, as strtod reads them), 1/10^-n below 0, products
 * of halves beyond the table.
 */
static double
p9pow10(int n)
{
	char s[16];
	int m;

	if(n < 0){
		if(-n < 160)
			return 1 / p9pow10(-n);
		m = -n / 2;
		return 1 / (p9pow10(m) * p9pow10(-n - m));
	}
	if(n < 160){
		snprintf(s, sizeof s, "1e%d", n);
		return strtod(s, NULL);
	}
	m = n / 2;
	return p9pow10(m) * p9pow10(n - m);
}

/*
 * Add v to digit i of d[0..Nsig), carrying: 1 if it carried out of d[0]
 * (d is then 1 and zeros). Digits past the string are not there: 0.
 */
static int
up(char *d, int i, int v)
{
	if(i < 0 || i >= Nsig)
		return 0;
	for(; i >= 0; i--){
		if(d[i] + v <= '9'){
			d[i] += v;
			return 0;
		}
		d[i] = '0';
		v = 1;
	}
	d[0] = '1';
	return 1;
}

/* Take 1 from digit i of d, borrowing: 1 if it borrowed past d[0] (d is then all 9s). */
static int
down(char *d, int i)
{
	for(; i >= 0; i--){
		if(d[i] > '0'){
			d[i]--;
			return 0;
		}
		d[i] = '9';
	}
	return 1;
}

/* d[0].d[1]...d[16] x 10^e as strtod reads it. */
static double
readback(const char *d, int e)
{
	char s[Nsig + 16];

	snprintf(s, sizeof s, "%.*se%d", Nsig, d, e - (Nsig - 1));
	return strtod(s, NULL);
}

/*
 * The first guess at v's digits, d[0..Nsig) with v ~ d[0].d[1]... x 10^e,
 * in double arithmetic as Plan 9 makes it; returns e.
 */
static int
guess(double v, char *d)
{
	double g, h;
	int e, x, k, i;

	e = 0;
	g = v;
	if(v != 0){
		frexp(v, &x);
		e = (int)(x * .301029995664);	/* log10(2): truncated toward 0 */
		k = 0;
		h = v;
		if(e < -150 || e > 150){
			k = e / 2;
			h = v * p9pow10(-k);
		}
		g = h * p9pow10(k - e);
		while(g < 1){
			e--;
			g = h * p9pow10(k - e);
		}
		while(g >= 10){
			e++;
			g = h * p9pow10(k - e);
		}
	}
	for(i = 0; i < Nsig; i++){
		x = (int)g;
		d[i] = '0' + x;
		g = (g - x) * 10;
	}
	return e;
}

/*
 * Plan 9's exact digits of v > 0 from the guess: when the caller rounds
 * at digit 15 or later, the guess cut to 15 digits (or that plus one in
 * the 15th) if it reads back as v; else the guess stepped by one in the
 * 17th digit toward v until it reads back as v. Returns e.
 */
static int
exact(double v, char *d, int e, int roundat)
{
	char keep[Nsig];
	int n, olde;
	double g;

	if(roundat >= Nsig - 2){
		memcpy(keep, d, Nsig);
		olde = e;
		d[Nsig - 2] = d[Nsig - 1] = '0';
		if(readback(d, e) == v)
			return e;
		if(up(d, Nsig - 3, 1))
			e++;
		if(readback(d, e) == v)
			return e;
		memcpy(d, keep, Nsig);
		e = olde;
	}
	/*
	 * A few steps in practice (the guess is off by a few units); the bound
	 * stands for Plan 9's loop, which would not end if a carry ran out
	 * of the first digit (it then lowers e).
	 */
	for(n = 0; n < 10000; n++){
		g = readback(d, e);
		if(v > g){
			if(up(d, Nsig - 1, 1))
				e--;
		}else if(v < g){
			if(down(d, Nsig - 1))
				e++;
		}else
			break;
	}
	return e;
}

/* The digit of d at 10^k, d[0] being at 10^e: 0 off the string. */
static int
digit(const char *d, int e, int k)
{
	int i;

	i = e - k;
	return i >= 0 && i < Nsig ? d[i] : '0';
}

int
p9fmtf(char *buf, size_t n, double v, int width, int prec)
{
	char d[Nsig], s[1 + 400 + 1 + Maxprec + 1];
	int e, roundat, k, len, pad;

	if(prec < 0)
		prec = Defprec;
	if(prec > Maxprec)
		prec = Maxprec;
	len = 0;
	if(isnan(v))
		len = snprintf(s, sizeof s, "NaN");
	else if(isinf(v))
		len = snprintf(s, sizeof s, v > 0 ? "+Inf" : "-Inf");
	else{
		if(v < 0){	/* the 4th edition's test: -0.0 prints as 0.0 */
			s[len++] = '-';
			v = -v;
		}
		e = guess(v, d);
		if(v != 0)
			e = exact(v, d, e, prec + 1 + e);
		/* half up, in decimal, at the first digit not printed */
		roundat = prec + 1 + e;
		if(up(d, roundat, 5))
			e++;
		for(k = e > 0 ? e : 0; k >= 0; k--)
			s[len++] = digit(d, e, k);
		if(prec > 0)
			s[len++] = '.';
		for(k = 1; k <= prec; k++)
			s[len++] = digit(d, e, -k);
		s[len] = '\0';
	}
	pad = width > len ? width - len : 0;
	if(n > 0)
		snprintf(buf, n, "%*s%s", pad, "", s);
	return pad + len;
}
