/*
 * Known CPU time on known call paths (435-rt-sample-paths): main calls
 * a, which uses 100 ms of CPU itself and calls b, which calls c (no
 * time) and then uses 200 ms; then r(3), which recurses to r(0), which
 * uses 100 ms. So by
 * construction, each call path's time with its callees': main 400 ms,
 * main>a 300, main>a>b 200, each of main>r>r>r>r 100 (the deepest's).
 * With profsize=2 only main and main>a are recorded: the time of the
 * calls not recorded goes to the nearest recorded caller (a 300, main
 * 400), also after an unrecorded call (c) returned to an unrecorded
 * caller (b). Prints "ok".
 */
#include <stdio.h>
#include <time.h>

static volatile unsigned long sink;

#include "cpuns.h"

/* Use ms of CPU time in user mode; not instrumented, so it is its caller's own time. */
__attribute__((no_instrument_function)) static void
spin(int ms)
{
	long long t0;
	unsigned long i;

	t0 = cpuns();
	do
		for(i = 0; i < 10000; i++)
			sink += i * i;
	while(cpuns() - t0 < ms * 1000000LL);
}

__attribute__((noinline)) static void
c(void)
{
	sink++;
}

__attribute__((noinline)) static void
b(void)
{
	c();
	spin(200);
}

__attribute__((noinline)) static void
a(void)
{
	spin(100);
	b();
}

__attribute__((noinline)) static void
r(int n)
{
	if(n > 0)
		r(n - 1);
	else
		spin(100);
}

int
main(void)
{
	a();
	r(3);
	printf("ok\n");
	return 0;
}
