/*
 * Calls still active in another thread when the program exits
 * (434-rt-active-threads): the worker calls spin(), which calls leaf()
 * 1000 times and then computes for ever; main waits until the worker
 * has used 300 ms of CPU time and calls exit(0). By construction spin
 * is active at exit with about 300 ms of CPU (and elapsed) time, all
 * but the leaf calls' its own. Prints "ok".
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static volatile unsigned long sink;

__attribute__((noinline)) static void
leaf(void)
{
	sink++;
}

__attribute__((noinline)) static void
spin(void)
{
	unsigned long i;
	int k;

	for(k = 0; k < 1000; k++)
		leaf();
	for(;;)
		for(i = 0; i < 100000; i++)
			sink += i * i;
}

static void *
worker(void *v)
{
	spin();
	return v;
}

__attribute__((no_instrument_function)) static long long
cpuns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int
main(void)
{
	struct timespec ms = { 0, 1000000 };
	pthread_t t;
	clockid_t id;

	pthread_create(&t, NULL, worker, NULL);
	pthread_getcpuclockid(t, &id);
	while(cpuns(id) < 300000000)
		nanosleep(&ms, NULL);
	printf("ok\n");
	exit(0);
}
