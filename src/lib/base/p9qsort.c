/*
 * Plan 9's qsort (sys/src/libc/port/qsort.c), in our words: the same
 * comparisons and exchanges, so that elements comparing equal end where
 * Plan 9's leave them. prof, tprof and kprof sort by time alone and print
 * the array as it comes out, so the order of equal times is this one.
 */
#include <string.h>

#include "base/base.h"

typedef struct Qs Qs;
struct Qs
{
	int (*cmp)(const void *, const void *);
	size_t size;
};

static void
exch(char *a, char *b, size_t size)
{
	char t[64];
	size_t k;

	if(a == b)
		return;
	while(size > 0){
		k = size < sizeof t ? size : sizeof t;
		memcpy(t, a, k);
		memcpy(a, b, k);
		memcpy(b, t, k);
		a += k;
		b += k;
		size -= k;
	}
}

/*
 * The pivot of n > 10 elements: the median of those at k, 3k and 5k,
 * k = n/6, chosen by Plan 9's three or so comparisons (which decide
 * among equal ones).
 */
static char *
median(char *a, size_t n, const Qs *q)
{
	char *x, *y, *z;
	size_t k;

	k = n / 6 * q->size;
	x = a + k;
	y = x + 2 * k;
	z = y + 2 * k;
	if(q->cmp(x, y) < 0){
		if(q->cmp(x, z) < 0)
			return q->cmp(y, z) < 0 ? y : z;
		return x;
	}
	if(q->cmp(y, z) < 0)
		return q->cmp(x, z) < 0 ? x : z;
	return y;
}

static void
sort(char *a, size_t n, const Qs *q)
{
	char *i, *j, *end;
	size_t es, m;

	es = q->size;
	while(n > 1){
		/* the pivot goes first; both scans stop at an element equal to it */
		exch(a, n > 10 ? median(a, n, q) : a + n / 2 * es, es);
		i = a;
		j = end = a + n * es;
		for(;;){
			do
				i += es;
			while(i < end && q->cmp(i, a) < 0);
			do
				j -= es;
			while(j > a && q->cmp(j, a) > 0);
			if(j < i)
				break;
			exch(i, j, es);
		}
		exch(a, j, es);
		/* the pivot is at m: sort [0, m) and (m, n), the smaller part first (depth log n) */
		m = (size_t)(j - a) / es;
		if(m < n - m - 1){
			sort(a, m, q);
			a = j + es;
			n -= m + 1;
		}else{
			sort(j + es, n - m - 1, q);
			n = m;
		}
	}
}

void
p9qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	Qs q;

	q.cmp = cmp;
	q.size = size;
	sort(base, n, &q);
}
