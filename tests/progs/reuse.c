/*
 * A reused thread tree's clock (433-rt-reuse-times): thread one computes
 * in first() until it has used 400 ms of CPU time and ends; only then
 * thread two starts (it gets one's tree) and computes in second() until
 * it has used 200 ms, sleeping 1 ms every 20 ms of it so that it is
 * descheduled many times. By construction first takes 400 ms of CPU
 * time and second 200 ms. Prints "ok".
 */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static volatile unsigned long sink;

#include "cpuns.h"

/* Use ms of CPU time, napping 1 ms after every nap ms of it (never if nap is 0). */
__attribute__((no_instrument_function)) static void
burn(long long ms, long long nap)
{
	struct timespec one = { 0, 1000000 };
	long long t0, next;
	unsigned long i;

	t0 = cpuns();
	next = nap;
	while(cpuns() - t0 < ms * 1000000){
		for(i = 0; i < 10000; i++)
			sink += i * i;
		if(nap > 0 && cpuns() - t0 >= next * 1000000){
			nanosleep(&one, NULL);
			next += nap;
		}
	}
}

__attribute__((noinline)) static void
first(void)
{
	burn(400, 0);
}

__attribute__((noinline)) static void
second(void)
{
	burn(200, 20);
}

static void *
one(void *v)
{
	first();
	return v;
}

static void *
two(void *v)
{
	second();
	return v;
}

int
main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, one, NULL);
	pthread_join(t, NULL);
	pthread_create(&t, NULL, two, NULL);
	pthread_join(t, NULL);
	printf("ok\n");
	return 0;
}
