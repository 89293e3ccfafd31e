/*
 * longjmp out of deep recursion, many times (409-rt-longjmp). main runs
 * 1000 rounds of: setjmp, rec(30), which recurses to rec(0), which
 * longjmps back to main; then after(). By construction:
 *	main	1
 *	rec	31000	31 levels per round, each level's node 1000 calls
 *	after	1000	from main, never under rec
 *	last	1	from main, after the rounds
 * Prints "1000".
 */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf top;
static volatile int rounds;

__attribute__((noinline)) static void
rec(int n)
{
	if(n == 0)
		longjmp(top, 1);
	rec(n - 1);
}

__attribute__((noinline)) static void
after(void)
{
	rounds++;
}

__attribute__((noinline)) static void
last(void)
{
	printf("%d\n", rounds);
}

int
main(void)
{
	int i;

	for(i = 0; i < 1000; i++){
		if(setjmp(top) == 0)
			rec(30);
		after();
	}
	last();
	return 0;
}
