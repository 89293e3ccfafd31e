/*
 * rt-loop: a loop of N (default 25,000,000) iterations calling two small
 * noinline functions, for bench/runtime.sh: 2N calls by construction,
 * plus main. Each call's argument is the previous result, so no call can
 * be hoisted, merged or dropped.
 */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) unsigned long
mix(unsigned long x)
{
	return x * 0x9E3779B97F4A7C15ul + 1;
}

__attribute__((noinline)) unsigned long
fold(unsigned long x)
{
	return x ^ (x >> 29);
}

int
main(int argc, char **argv)
{
	unsigned long i, n, x;

	n = argc > 1 ? strtoul(argv[1], NULL, 0) : 25000000;
	x = 1;
	for(i = 0; i < n; i++)
		x = fold(mix(x));
	printf("%lu\n", x);
	return 0;
}
