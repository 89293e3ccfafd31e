/*
 * Calls nested deeper than the runtime's 1048576 active calls a thread
 * (436-rt-over-depth). A thread with a 256 MB stack runs work(): leaf()
 * once, rec(1100000), which recurses to rec(0), then leaf() 1000 times.
 * By construction, with profsize 1100000 (a node for each level): work
 * is at depth 1 and rec at depths 2 to 1100002, so rec's calls at depths
 * 2 to 1048576 are recorded (1048575) and the other 51426 are not; the
 * calls after the recursion are recorded again (leaf 1001). Prints
 * "1100001".
 */
#include <pthread.h>
#include <stdio.h>
#include "bigstack.h"

static int depth;

__attribute__((noinline)) static int
rec(int n)
{
	return n == 0 ? 1 : 1 + rec(n - 1);
}

__attribute__((noinline)) static void
leaf(void)
{
	__asm__ volatile("");
}

static void *
work(void *v)
{
	int i;

	(void)v;
	leaf();
	depth = rec(1100000);
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
	printf("%d\n", depth);
	return 0;
}
