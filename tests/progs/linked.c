/*
 * Linked with the instrumented shared library built from plug.c
 * (432-rt-relative-module): main calls plugfn(5) twice, then local once.
 * By construction: main 1, plugfn 2, plughelper 10, local 1. Prints "10".
 */
#include <stdio.h>

int plugfn(int);

static volatile int n;

__attribute__((noinline)) static void
local(void)
{
	n++;
}

int
main(void)
{
	int r;

	plugfn(5);
	r = plugfn(5);
	local();
	printf("%d\n", r);
	return 0;
}
