/*
 * rt-msort: rt-qsort's work (the same 1<<20 ints, the same noinline
 * comparator called through a pointer) done by a merge sort in the
 * program itself, for bench/runtime.sh. Built like the program, the
 * sort is instrumented (or -pg) too, so every method records the
 * comparator's calls: glibc's qsort is not built with -pg, and gprof's
 * mcount drops calls from outside the program's text (rt-qsort's
 * comparator calls show as 0 in gprof's call graph). Calls: the
 * comparator's (fewer than N log2 N) and msort's (2N - 1), plus main.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int Cmp(const void *, const void *);

__attribute__((noinline)) int
cmp(const void *a, const void *b)
{
	int x, y;

	x = *(const int *)a;
	y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Sort v[0..n) using t[0..n) as room. */
__attribute__((noinline)) void
msort(int *v, int *t, unsigned long n, Cmp *f)
{
	unsigned long h, i, j, k;

	if(n < 2)
		return;
	h = n / 2;
	msort(v, t, h, f);
	msort(v + h, t, n - h, f);
	i = 0;
	j = h;
	k = 0;
	while(i < h && j < n)
		t[k++] = f(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
	while(i < h)
		t[k++] = v[i++];
	memcpy(v, t, k * sizeof *v);
}

int
main(int argc, char **argv)
{
	unsigned long i, n, s;
	int *v, *t;

	n = argc > 1 ? strtoul(argv[1], NULL, 0) : 1ul << 20;
	v = malloc(n * sizeof *v);
	t = malloc(n * sizeof *t);
	if(v == NULL || t == NULL)
		return 1;
	s = 88172645463325252ul;
	for(i = 0; i < n; i++){
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		v[i] = (int)(s >> 33);
	}
	msort(v, t, n, cmp);
	for(i = 1; i < n; i++)
		if(v[i - 1] > v[i])
			return 1;
	printf("%d %d\n", v[0], v[n - 1]);
	free(v);
	free(t);
	return 0;
}
