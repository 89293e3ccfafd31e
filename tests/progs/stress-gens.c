/*
 * Profiles begun and ended over and over while threads run and the
 * sample mode's clock ticks (710-stress-gens): 2 threads call leaf in a
 * loop until main is done; main calls prof(onepass, ..., Profsample) 300
 * times, each onepass calling leaf 20000 times, so each new profile remakes
 * the threads' trees at their next call while SIGVTALRM charges ticks to
 * them. The last profile (prof.<pid>) holds onepass 1 and, under it, leaf
 * 20000 in main's tree. Built unprofiled, prof() is a stub that just
 * calls onepass. Prints the rounds' sum; exits with status 5.
 */
#include <pthread.h>
#include <stdio.h>

#include <prof.h>

enum { Rounds = 300, Calls = 20000 };

static volatile int done;
static volatile unsigned long sink;

__attribute__((noinline)) static unsigned long
leaf(unsigned long x)
{
	return x * 2654435761u + 1;
}

static void *
worker(void *v)
{
	unsigned long x;

	x = (unsigned long)v;
	while(!done)
		x = leaf(x);
	sink += x;
	return NULL;
}

static unsigned long sum;

__attribute__((noinline)) static void
onepass(void *v)
{
	unsigned long i, x;

	x = (unsigned long)v;
	for(i = 0; i < Calls; i++)
		x = leaf(x);
	sum += x & 0xFFFF;
}

#ifdef PLAIN
void
prof(void (*fn)(void *), void *arg, int entries, int what)
{
	(void)entries;
	(void)what;
	fn(arg);
}
#endif

int
main(void)
{
	pthread_t t[2];
	int i;

	for(i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)(unsigned long)(i + 1));
	for(i = 0; i < Rounds; i++)
		prof(onepass, (void *)(unsigned long)i, 2000, Profsample);
	done = 1;
	for(i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	printf("%lu\n", sum);
	return 5;
}
