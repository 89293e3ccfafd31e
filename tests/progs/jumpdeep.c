/*
 * A longjmp out of calls nested deeper than the runtime records
 * (442-rt-jump-deep). A thread with a 256 MB stack runs work(): rec(1100000)
 * recurses to rec(0), which longjmps back to work; then work calls
 * leaf() 1000 times. By construction, with profsize 1100000: work 1,
 * rec 1048575 (depths 2 to 1048576; 51426 calls too deep), leaf 1000
 * under work, main 1. Prints "1000".
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include "bigstack.h"

static jmp_buf back;
static volatile int sink;

__attribute__((noinline)) static void
rec(int n)
{
	if(n == 0)
		longjmp(back, 1);
	rec(n - 1);
	sink++;
}

__attribute__((noinline)) static void
leaf(void)
{
	sink++;
}

static void *
work(void *v)
{
	int i;

	(void)v;
	if(setjmp(back) == 0)
		rec(1100000);
	for(i = 0; i < 1000; i++)
		leaf();
	return NULL;
}

int
main(void)
{
	pthread_t t;

	if(startbig(&t, work) != 0 || pthread_join(t, NULL) != 0)
		return 1;
	printf("%d\n", sink);
	return 0;
}
