/*
 * Sample mode after a timed profile (440-rt-mode-switch): main burns
 * 2 s of CPU in warm() under the program's first profile ($proftype),
 * then prof(work, 0, 0, Profsample) burns 200 ms in hot(). The sampled
 * profile holds hot's 200 ms and nothing of warm's 2 s. Prints "ok".
 */
#include <stdio.h>
#include <time.h>
#include <prof.h>
#include "cpuns.h"
#include "burn.h"

__attribute__((noinline)) static void
warm(void)
{
	burn(2000000000LL);
}

__attribute__((noinline)) static void
hot(void)
{
	burn(200000000LL);
}

static void
work(void *v)
{
	(void)v;
	hot();
}

int
main(void)
{
	warm();
	prof(work, NULL, 0, Profsample);
	printf("ok\n");
	return 0;
}
