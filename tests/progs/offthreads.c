/*
 * Profoff in threads (441-rt-profoff-threads). main calls leaf() 1000
 * times; threads A and B each enter prof(..., Profoff) (A first, B
 * while A is inside), A leaves, main calls leaf() 1000 times (off: B is
 * still inside), B leaves, main calls leaf() 1000 times (on again). Then
 * a thread C enters Profoff and stays there while main returns. By
 * construction the profile written at exit holds main 1, leaves 2,
 * leaf 2000, a 1 and c 1 (their threads began while profiling was on;
 * b's began while A was inside Profoff). Prints "ok".
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <prof.h>

static sem_t ain, bin, aout, bout, cin, aleave, bleave, never;

__attribute__((noinline)) static void
leaf(void)
{
	__asm__ volatile("");
}

static void
leaves(int n)
{
	while(n-- > 0)
		leaf();
}

static void
aoff(void *v)
{
	(void)v;
	sem_post(&ain);
	sem_wait(&aleave);
}

static void
boff(void *v)
{
	(void)v;
	sem_post(&bin);
	sem_wait(&bleave);
}

static void
coff(void *v)
{
	(void)v;
	sem_post(&cin);
	sem_wait(&never);
}

static void *
a(void *v)
{
	(void)v;
	prof(aoff, NULL, 0, Profoff);
	sem_post(&aout);
	return NULL;
}

static void *
b(void *v)
{
	(void)v;
	prof(boff, NULL, 0, Profoff);
	sem_post(&bout);
	return NULL;
}

static void *
c(void *v)
{
	(void)v;
	prof(coff, NULL, 0, Profoff);
	return NULL;
}

int
main(void)
{
	pthread_t t;

	sem_init(&ain, 0, 0);
	sem_init(&bin, 0, 0);
	sem_init(&aout, 0, 0);
	sem_init(&bout, 0, 0);
	sem_init(&cin, 0, 0);
	sem_init(&aleave, 0, 0);
	sem_init(&bleave, 0, 0);
	sem_init(&never, 0, 0);
	leaves(1000);
	if(pthread_create(&t, NULL, a, NULL) != 0)
		return 1;
	sem_wait(&ain);
	if(pthread_create(&t, NULL, b, NULL) != 0)
		return 1;
	sem_wait(&bin);
	sem_post(&aleave);
	sem_wait(&aout);
	leaves(1000);
	sem_post(&bleave);
	sem_wait(&bout);
	leaves(1000);
	if(pthread_create(&t, NULL, c, NULL) != 0)
		return 1;
	sem_wait(&cin);
	printf("ok\n");
	return 0;
}
