/*
 * Known times (419-rt-times): main calls sleeper once, which sleeps
 * 200 ms (nanosleep), and busy once, which computes until its thread has
 * used 200 ms of CPU time (CLOCK_THREAD_CPUTIME_ID, read every 10000
 * iterations so the loop is user time). By construction: main 1,
 * sleeper 1, busy 1; sleeper takes 200 ms of elapsed time and no CPU
 * time, busy 200 ms of CPU time (and at least as much elapsed).
 * Prints "ok".
 */
#include <stdio.h>
#include <time.h>

static volatile unsigned long sink;

#include "cpuns.h"

__attribute__((noinline)) static void
sleeper(void)
{
	struct timespec ts = { 0, 200000000 };

	while(nanosleep(&ts, &ts) != 0)
		;
}

__attribute__((noinline)) static void
busy(void)
{
	long long t0;
	unsigned long i;

	t0 = cpuns();
	do
		for(i = 0; i < 10000; i++)
			sink += i * i;
	while(cpuns() - t0 < 200000000);
}

int
main(void)
{
	sleeper();
	busy();
	printf("ok\n");
	return 0;
}
