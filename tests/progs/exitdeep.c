/*
 * exit() from deep in the stack (411-rt-exit-deep): main calls rec(40),
 * rec(0) prints "bye" and calls exit(3), with 42 instrumented calls still
 * active. By construction:
 *	main	1
 *	rec	41	rec(40) .. rec(0), one node per level
 */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static void
rec(int n)
{
	if(n == 0){
		printf("bye\n");
		exit(3);
	}
	rec(n - 1);
}

int
main(void)
{
	rec(40);
	return 0;
}
