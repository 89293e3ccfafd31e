/*
 * 64 threads recursing deeply and making threads (701-stress-threads).
 * main starts 64 threads together, each running worker: 4 rounds of
 * rec(3000), and at each level n a multiple of 500 rec calls spawn,
 * which starts a thread running kid and joins it; kid calls kidrec(20).
 * By construction (7 spawning levels: 3000, 2500, ..., 0):
 *	main 1, worker 64, rec 64 x 4 x 3001 = 768256,
 *	spawn = kid = 64 x 4 x 7 = 1792, kidrec 1792 x 21 = 37632
 * and every node of the chain worker -> rec -> rec ... has 256 calls,
 * spawn's 256 at each of its 7 levels; kid and kidrec 1792 at theirs.
 * Prints the sum of the results; exits with status 3.
 */
#include <pthread.h>
#include <stdio.h>

enum { Nthread = 64, Rounds = 4, Depth = 3000, Every = 500, Kiddepth = 20 };

static pthread_barrier_t start;

__attribute__((noinline)) static long
kidrec(int n)
{
	return n == 0 ? 1 : 1 + kidrec(n - 1);
}

static void *
kid(void *v)
{
	*(long *)v = kidrec(Kiddepth);
	return NULL;
}

__attribute__((noinline)) static long
spawn(void)
{
	pthread_t t;
	long r;

	r = 0;
	if(pthread_create(&t, NULL, kid, &r) != 0)
		return -1000000;
	pthread_join(t, NULL);
	return r;
}

__attribute__((noinline)) static long
rec(int n)
{
	long s;

	s = n % Every == 0 ? spawn() : 0;
	if(n > 0)
		s += rec(n - 1);
	return s + n;
}

static void *
worker(void *v)
{
	long s;
	int i;

	pthread_barrier_wait(&start);
	s = 0;
	for(i = 0; i < Rounds; i++)
		s += rec(Depth);
	*(long *)v = s;
	return NULL;
}

int
main(void)
{
	pthread_t t[Nthread];
	long r[Nthread], sum;
	int i;

	pthread_barrier_init(&start, NULL, Nthread);
	for(i = 0; i < Nthread; i++)
		if(pthread_create(&t[i], NULL, worker, &r[i]) != 0)
			return 1;
	sum = 0;
	for(i = 0; i < Nthread; i++){
		pthread_join(t[i], NULL);
		sum += r[i];
	}
	printf("%ld\n", sum);
	return 3;
}
