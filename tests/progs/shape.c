/*
 * Call paths of known shape, recursion of known depth, mutual recursion
 * (401-rt-shape). By construction:
 *	main	1
 *	a	3	from main
 *	b	6	2 per a
 *	c	4	1 per a, and 1 from main
 *	rec	12	rec(5) twice from main: rec(5) .. rec(0), 6 levels deep
 *	even	4	even(7) from main: even(7) odd(6) even(5) odd(4)
 *	odd	4	even(3) odd(2) even(1) odd(0)
 * First calls in the order a, b, c (in a), c (in main), rec, even.
 * Prints "16 6 1".
 */
#include <stdio.h>

static int sum;

__attribute__((noinline)) static void
b(void)
{
	sum += 2;
}

__attribute__((noinline)) static void
c(void)
{
	sum += 1;
}

__attribute__((noinline)) static void
a(void)
{
	b();
	c();
	b();
}

__attribute__((noinline)) static int
rec(int n)
{
	return n == 0 ? 1 : 1 + rec(n - 1);
}

__attribute__((noinline)) static int odd(int);

__attribute__((noinline)) static int
even(int n)
{
	return n == 0 ? 1 : odd(n - 1);
}

__attribute__((noinline)) static int
odd(int n)
{
	return n == 0 ? 0 : even(n - 1);
}

int
main(void)
{
	int i, r;

	for(i = 0; i < 3; i++)
		a();
	c();
	r = rec(5);
	r += rec(5);
	printf("%d %d %d\n", sum, r / 2, 1 - even(7));
	return 0;
}
