/*
 * Trees that cannot be made (438-rt-no-memory): a thread records a call
 * in the first profile, then main begins one with prof(..., 100000000,
 * Proftime), whose nodes (over 5 GB) the test's address-space limit
 * refuses; the thread calls again (no tree: not recorded), ends after
 * prof() returned, and its key destructor calls instrumented code. The
 * program's output and status are its own: prints "done".
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <prof.h>

static sem_t first, begun, called, ended;
static pthread_key_t key;

__attribute__((noinline)) static void
leaf(void)
{
	__asm__ volatile("");
}

static void
ending(void *v)
{
	(void)v;
	leaf();
}

static void *
work(void *v)
{
	(void)v;
	pthread_setspecific(key, &key);
	leaf();
	sem_post(&first);
	sem_wait(&begun);
	leaf();
	sem_post(&called);
	sem_wait(&ended);
	return NULL;
}

static void
profiled(void *v)
{
	(void)v;
	leaf();
	sem_post(&begun);
	sem_wait(&called);
}

int
main(void)
{
	pthread_t t;

	sem_init(&first, 0, 0);
	sem_init(&begun, 0, 0);
	sem_init(&called, 0, 0);
	sem_init(&ended, 0, 0);
	pthread_key_create(&key, ending);
	if(pthread_create(&t, NULL, work, NULL) != 0)
		return 1;
	sem_wait(&first);
	prof(profiled, NULL, 100000000, Proftime);
	sem_post(&ended);
	if(pthread_join(t, NULL) != 0)
		return 1;
	printf("done\n");
	return 0;
}
