/*
 * The profile buffer filling up in every thread at once
 * (708-stress-full, run with profsize=300): 16 threads (worker), all
 * alive together, each run 20 rounds of rec(600), rec(0) calling leaf:
 * a worker's tree (300 nodes and the root) holds worker and rec's first
 * 299 levels, and each round's other 302 calls of rec and its leaf are
 * not recorded. Then each worker starts a thread running kid, which
 * calls leaf, joins it, and waits for the others before ending (so that
 * no kid takes over a full tree). By construction:
 *	main 1, worker 16, rec at depths 1..299: 320 each (95680),
 *	kid 16, leaf 16 under kid; not recorded: 16 x 20 x 303 = 96960
 * Prints the sum of the results, 16 x 20 x 601 + 16 = 192336.
 */
#include <pthread.h>
#include <stdio.h>

enum { Nthread = 16, Rounds = 20, Depth = 600 };

static pthread_barrier_t start, end;

__attribute__((noinline)) static long
leaf(void)
{
	return 1;
}

__attribute__((noinline)) static long
rec(int n)
{
	return n == 0 ? leaf() : 1 + rec(n - 1);
}

static void *
kid(void *v)
{
	*(long *)v = leaf();
	return NULL;
}

static void *
worker(void *v)
{
	pthread_t t;
	long s, k;
	int i;

	pthread_barrier_wait(&start);
	s = 0;
	for(i = 0; i < Rounds; i++)
		s += rec(Depth);
	k = 0;
	if(pthread_create(&t, NULL, kid, &k) == 0)
		pthread_join(t, NULL);
	pthread_barrier_wait(&end);
	*(long *)v = s + k;
	return NULL;
}

int
main(void)
{
	pthread_t t[Nthread];
	long r[Nthread], s;
	int i;

	pthread_barrier_init(&start, NULL, Nthread);
	pthread_barrier_init(&end, NULL, Nthread);
	for(i = 0; i < Nthread; i++)
		pthread_create(&t[i], NULL, worker, &r[i]);
	s = 0;
	for(i = 0; i < Nthread; i++){
		pthread_join(t[i], NULL);
		s += r[i];
	}
	printf("%ld\n", s);
	return 0;
}
