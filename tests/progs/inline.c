/*
 * Inlined functions keep their hooks (gcc and clang both call them for a
 * function expanded inline, with the host's frame and return address):
 * 431-rt-inline. in1 and in2 are always inlined. main calls in1 3 times
 * (in1 calls leaf), then in2 once (in2 calls in1), then, 10 times, rec(5)
 * which longjmps from rec(0) back to main, followed by in1. By
 * construction:
 *	main 1
 *	in1 14 (3 + 1 under in2 + 10), each calling leaf: leaf 14
 *	in2 1
 *	rec 60, 6 levels of 10 calls
 * and the tree: main -> in1/13 -> leaf/13, main -> in2 -> in1 -> leaf,
 * main -> rec/10 -> rec/10 ... (in1 after each longjmp under main).
 * Prints "14".
 */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf top;
static volatile int n;

__attribute__((noinline)) static void
leaf(void)
{
	n++;
}

static inline __attribute__((always_inline)) void
in1(void)
{
	leaf();
}

static inline __attribute__((always_inline)) void
in2(void)
{
	in1();
}

__attribute__((noinline)) static void
rec(int k)
{
	if(k == 0)
		longjmp(top, 1);
	rec(k - 1);
}

int
main(void)
{
	int i;

	for(i = 0; i < 3; i++)
		in1();
	in2();
	for(i = 0; i < 10; i++){
		if(setjmp(top) == 0)
			rec(5);
		in1();
	}
	printf("%d\n", n);
	return 0;
}
