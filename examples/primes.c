/*
 * primes: count the primes below a limit with several threads, each
 * taking every nth number. A multi-threaded example: prof merges the
 * threads' call trees into one.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

enum { Nthread = 4 };

typedef struct Work Work;
struct Work
{
	long first;
	long limit;
	long count;
};

static int
isprime(long n)
{
	long d;

	if(n < 2)
		return 0;
	for(d = 2; d * d <= n; d++)
		if(n % d == 0)
			return 0;
	return 1;
}

static void *
worker(void *v)
{
	Work *w;
	long n;

	w = v;
	for(n = w->first; n < w->limit; n += Nthread)
		w->count += isprime(n);
	return NULL;
}

int
main(int argc, char *argv[])
{
	pthread_t tid[Nthread];
	Work w[Nthread];
	long limit, total;
	int i;

	limit = argc > 1 ? atol(argv[1]) : 200000;
	for(i = 0; i < Nthread; i++){
		w[i].first = i;
		w[i].limit = limit;
		w[i].count = 0;
		if(pthread_create(&tid[i], NULL, worker, &w[i]) != 0){
			fprintf(stderr, "primes: cannot create a thread\n");
			return 1;
		}
	}
	total = 0;
	for(i = 0; i < Nthread; i++){
		pthread_join(tid[i], NULL);
		total += w[i].count;
	}
	printf("%ld primes below %ld\n", total, limit);
	return 0;
}
