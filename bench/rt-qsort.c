/*
 * rt-qsort: qsort of N (default 1<<20) pseudo-random ints (a fixed
 * sequence) with a noinline comparator, for bench/runtime.sh: about
 * 20 million comparator calls (glibc's merge sort: about N log2 N - N).
 * The count is not known by construction; the bench takes it from each
 * method's own report. The generator is in main, so it adds no calls.
 */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) int
cmp(const void *a, const void *b)
{
	int x, y;

	x = *(const int *)a;
	y = *(const int *)b;
	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	unsigned long i, n, s;
	int *v;

	n = argc > 1 ? strtoul(argv[1], NULL, 0) : 1ul << 20;
	v = malloc(n * sizeof *v);
	if(v == NULL)
		return 1;
	s = 88172645463325252ul;
	for(i = 0; i < n; i++){
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		v[i] = (int)(s >> 33);
	}
	qsort(v, n, sizeof *v, cmp);
	for(i = 1; i < n; i++)
		if(v[i - 1] > v[i])
			return 1;
	printf("%d %d\n", v[0], v[n - 1]);
	free(v);
	return 0;
}
