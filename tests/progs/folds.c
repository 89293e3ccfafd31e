/*
 * Known call paths for prof -F, -C and merged profiles (25N-prof-*):
 * main calls a twice, b 3 times and rec(3) once; a calls c 4 times; b
 * calls c 5 times and a once; rec calls itself until its argument is 1.
 * Paths and calls on them:
 *	main 1; main;a 2; main;a;c 8; main;b 3; main;b;c 15;
 *	main;b;a 3; main;b;a;c 12; main;rec 1; main;rec;rec 1; main;rec;rec;rec 1
 * Calls per function: main 1, a 5, b 3, c 35, rec 3. Arcs (caller callee
 * calls): main a 2, main b 3, main rec 1, a c 20, b c 15, b a 3, rec rec 2.
 * Every call spins a little, so every path has some self time.
 * With an argument N, main calls b N times instead of 3 (253-prof-merge):
 * b N, c 8 + 9N, a 2 + N; the paths under b have N/3 times the calls.
 * Prints the number of calls of c (35).
 */
#include <stdio.h>
#include <stdlib.h>

enum { Spin = 1000000 };	/* a spin takes about 1 ms */

static volatile int n;

/* not instrumented: its time is its caller's */
__attribute__((no_instrument_function)) static void
spin(void)
{
	int i;

	for(i = 0; i < Spin; i++)
		n++;
}

__attribute__((noinline)) static void c(void) { spin(); }

__attribute__((noinline)) static void
a(void)
{
	int i;

	spin();
	for(i = 0; i < 4; i++)
		c();
}

__attribute__((noinline)) static void
b(void)
{
	int i;

	spin();
	for(i = 0; i < 5; i++)
		c();
	a();
}

__attribute__((noinline)) static void
rec(int k)
{
	spin();
	if(k > 1)
		rec(k - 1);
}

int
main(int argc, char *argv[])
{
	int i, nb;

	nb = argc > 1 ? atoi(argv[1]) : 3;
	spin();
	for(i = 0; i < 2; i++)
		a();
	for(i = 0; i < nb; i++)
		b();
	rec(3);
	printf("%d\n", n / Spin - 1 - (2 + nb) - nb - 3);
	return 0;
}
