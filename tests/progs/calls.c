/*
 * A mix of calls for comparing prof with gprof (403-rt-gprof), all noinline
 * so -pg and -finstrument-functions see the same calls. By construction:
 *	main	1
 *	fib	21891	fib(20): 2*fib(21)-1 calls
 *	even	51	even(101) .. even(1), odd between
 *	odd	51	odd(100) .. odd(0)
 *	leaf	1000	from main's loop
 *	twice	300	through a function pointer, 100 x 3
 *	thrice	200	through a function pointer, 100 x 2
 *	chain1	10	chain1 -> chain2 -> chain3 -> leaf2, 10 times
 *	chain2	10
 *	chain3	10
 *	leaf2	10
 * Prints "6765 0 1498500 500 10".
 */
#include <stdio.h>

__attribute__((noinline)) int
fib(int n)
{
	return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

__attribute__((noinline)) int odd(int);

__attribute__((noinline)) int
even(int n)
{
	return n == 0 ? 1 : odd(n - 1);
}

__attribute__((noinline)) int
odd(int n)
{
	return n == 0 ? 0 : even(n - 1);
}

__attribute__((noinline)) int
leaf(int x)
{
	return x * 3;
}

__attribute__((noinline)) int
twice(int x)
{
	return x + 1;
}

__attribute__((noinline)) int
thrice(int x)
{
	return x + 1;
}

__attribute__((noinline)) int
leaf2(int x)
{
	return x + 1;
}

__attribute__((noinline)) int
chain3(int x)
{
	return leaf2(x);
}

__attribute__((noinline)) int
chain2(int x)
{
	return chain3(x);
}

__attribute__((noinline)) int
chain1(int x)
{
	return chain2(x) - x;
}

int
main(void)
{
	int (*fp[5])(int) = { twice, thrice, twice, thrice, twice };
	int i, s, t, c;

	s = 0;
	for(i = 0; i < 1000; i++)
		s += leaf(i);
	t = 0;
	for(i = 0; i < 500; i++)
		t += fp[i % 5](0);
	c = 0;
	for(i = 0; i < 10; i++)
		c += chain1(i);
	printf("%d %d %d %d %d\n", fib(20), even(101), s, t, c);
	return 0;
}
