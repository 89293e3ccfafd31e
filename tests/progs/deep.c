/*
 * 100,000-deep recursion (423-rt-deep): main calls rec(100000), which
 * recurses to rec(0). By construction: main 1, rec 100001, each level its
 * own call path (100002 nodes with the root). With the default profsize
 * (2000 nodes) main and rec's first 1999 levels are recorded and the
 * other 98002 calls are not. Prints "100001".
 */
#include <stdio.h>

__attribute__((noinline)) static int
rec(int n)
{
	return n == 0 ? 1 : 1 + rec(n - 1);
}

int
main(void)
{
	printf("%d\n", rec(100000));
	return 0;
}
