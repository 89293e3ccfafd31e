/*
 * A thread ends too deep, then its key destructor runs instrumented code
 * while recording is off (437-rt-end-deep). work() calls leaf(), then
 * rec(1100000), which calls pthread_exit from the bottom, 1100002 calls
 * deep (past the runtime's 1048576). The thread's key destructor calls
 * late() while main is inside prof(..., Profoff); then a second thread
 * runs other() and ends. By construction the profile (profsize 1100000)
 * holds main 1, work 1, leaf 1, rec 1048575, second 1, other 1: late()
 * is neither recorded (the thread had ended, and recording was off) nor
 * written into the tree the second thread then reuses.
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <prof.h>
#include "bigstack.h"

static sem_t bottom, offnow, latedone;
static pthread_key_t key;

__attribute__((noinline)) static void
leaf(void)
{
	__asm__ volatile("");
}

__attribute__((noinline)) static void
late(void)
{
	__asm__ volatile("");
}

__attribute__((noinline)) static void
other(void)
{
	__asm__ volatile("");
}

static void
ending(void *v)
{
	(void)v;
	sem_wait(&offnow);
	late();
	sem_post(&latedone);
}

__attribute__((noinline)) static int
rec(int n)
{
	if(n == 0){
		sem_post(&bottom);
		pthread_exit(NULL);
	}
	return 1 + rec(n - 1);
}

static void *
work(void *v)
{
	(void)v;
	pthread_setspecific(key, &key);
	leaf();
	rec(1100000);
	return NULL;
}

static void *
second(void *v)
{
	(void)v;
	other();
	return NULL;
}

/* run with recording off: the ending thread's destructor calls late() now */
static void
whileoff(void *v)
{
	(void)v;
	sem_post(&offnow);
	sem_wait(&latedone);
}

int
main(void)
{
	pthread_t t;

	sem_init(&bottom, 0, 0);
	sem_init(&offnow, 0, 0);
	sem_init(&latedone, 0, 0);
	pthread_key_create(&key, ending);
	if(startbig(&t, work) != 0)
		return 1;
	sem_wait(&bottom);
	prof(whileoff, NULL, 0, Profoff);
	if(pthread_join(t, NULL) != 0 || pthread_create(&t, NULL, second, NULL) != 0
	|| pthread_join(t, NULL) != 0)
		return 1;
	printf("done\n");
	return 0;
}
