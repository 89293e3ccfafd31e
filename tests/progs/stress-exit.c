/*
 * exit() from deep in the stack while other threads are deep too
 * (706-stress-exit): 8 threads (holder t, t = 0..7) each call
 * hold(2000 + 100 t), and hold(0) tells main and blocks for ever; then
 * down(5000) is called, by main or, given the argument "thread", by a
 * ninth thread (leaver) while main waits to join it, and down(0) prints
 * "bye" (buffered) and calls exit(7). By construction:
 *	main 1, holder 8, hold 8 x 2001 + 100 x 28 = 18808, down 5001,
 *	leaver 1 with "thread"
 * every level of each chain one node of 1 call (hold's levels 0..2000
 * 8 calls, then one fewer each 100 levels). Prints the number of hold
 * calls less those of hold(0), 18800, then "bye".
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { Nthread = 8 };

static sem_t ready, never;
static volatile int sink;

__attribute__((noinline)) static void
hold(int n)
{
	if(n == 0){
		sem_post(&ready);
		for(;;)
			sem_wait(&never);
	}
	__atomic_fetch_add(&sink, 1, __ATOMIC_RELAXED);
	hold(n - 1);
}

static void *
holder(void *v)
{
	hold(2000 + 100 * (int)(long)v);
	return NULL;
}

__attribute__((noinline)) static void
down(int n)
{
	if(n == 0){
		printf("bye\n");
		exit(7);
	}
	sink++;
	down(n - 1);
}

static void *
leaver(void *v)
{
	down(5000);
	return v;
}

int
main(int argc, char *argv[])
{
	pthread_t t;
	long i;

	sem_init(&ready, 0, 0);
	sem_init(&never, 0, 0);
	for(i = 0; i < Nthread; i++)
		pthread_create(&t, NULL, holder, (void *)i);
	for(i = 0; i < Nthread; i++)
		sem_wait(&ready);
	printf("%d\n", sink);
	if(argc > 1 && strcmp(argv[1], "thread") == 0){
		pthread_create(&t, NULL, leaver, NULL);
		pthread_join(t, NULL);
		return 1;
	}
	down(5000);
	return 1;
}
