/*
 * Threads cancelled at their start (439-rt-cancel): 20 times main makes
 * a thread running body() (100 calls of leaf(), no cancellation point)
 * and cancels and joins it at once; then one thread more. Unprofiled,
 * every body() runs to its end (a deferred cancel waits for a
 * cancellation point), so it prints "sink 2100" and by construction
 * the profile holds main 1, body 21, leaf 2100.
 */
#include <pthread.h>
#include <stdio.h>

static volatile long sink;

__attribute__((noinline)) static void
leaf(void)
{
	sink++;
}

static void *
body(void *v)
{
	int i;

	(void)v;
	for(i = 0; i < 100; i++)
		leaf();
	return NULL;
}

int
main(void)
{
	pthread_t t;
	int i;

	for(i = 0; i < 20; i++){
		if(pthread_create(&t, NULL, body, NULL) != 0)
			return 1;
		pthread_cancel(t);
		pthread_join(t, NULL);
	}
	if(pthread_create(&t, NULL, body, NULL) != 0 || pthread_join(t, NULL) != 0)
		return 1;
	printf("sink %ld\n", sink);
	return 0;
}
