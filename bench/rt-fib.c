/*
 * rt-fib: recursive fib(n) (default 32), for bench/runtime.sh.
 * Calls by construction, as -finstrument-functions sees them (the
 * hooks keep every source call): 2*fib(n+1) - 1 calls of fib, plus main.
 * gcc -O2 without the hooks turns one of the two recursive calls into a
 * loop (tail recursion with an accumulator), so -pg builds make fewer.
 */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) unsigned long
fib(unsigned n)
{
	if(n < 2)
		return n;
	return fib(n - 1) + fib(n - 2);
}

int
main(int argc, char **argv)
{
	unsigned n;

	n = argc > 1 ? (unsigned)atoi(argv[1]) : 32;
	printf("%lu\n", fib(n));
	return 0;
}
