/*
 * 16 threads, started together at a barrier, each running tfn: N = 10000
 * calls of f, each calling g once (404-rt-threads). By construction:
 *	main	1	(no instrumented callees: thread start is in libc)
 *	tfn	16
 *	f	160000
 *	g	160000
 * The threads' trees merge into one: main, then tfn -> f -> g.
 * Prints "160000".
 */
#include <pthread.h>
#include <stdio.h>

enum { Nthread = 16, N = 10000 };

static pthread_barrier_t start;
static long total[Nthread];

__attribute__((noinline)) static long
g(long x)
{
	return x + 1;
}

__attribute__((noinline)) static long
f(long x)
{
	return g(x) - x;
}

static void *
tfn(void *v)
{
	long *sum, i;

	sum = v;
	pthread_barrier_wait(&start);
	for(i = 0; i < N; i++)
		*sum += f(i);
	return NULL;
}

int
main(void)
{
	pthread_t t[Nthread];
	long s;
	int i;

	pthread_barrier_init(&start, NULL, Nthread);
	for(i = 0; i < Nthread; i++)
		if(pthread_create(&t[i], NULL, tfn, &total[i]) != 0)
			return 1;
	s = 0;
	for(i = 0; i < Nthread; i++){
		pthread_join(t[i], NULL);
		s += total[i];
	}
	printf("%ld\n", s);
	return 0;
}
