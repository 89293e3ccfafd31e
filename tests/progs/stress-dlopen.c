/*
 * dlopen and dlclose of an instrumented library in a loop
 * (707-stress-dlopen): 2 threads (worker) each run 500 rounds of cycle(i),
 * which dlopens argv[1] (tests/progs/plug.c built as a shared object),
 * calls its plugfn(i % 5 + 1) (plugfn(k) calls plughelper k times) and
 * dlcloses it; then main opens it once more, for good, and calls
 * plugfn(3). By construction:
 *	main 1, worker 2, cycle 1000, plugfn 1000 under cycle and 1 under
 *	main, plughelper 2 x 1500 = 3000 under those, 3 under main's
 * Prints the sum of the k's, 3003.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

enum { Rounds = 500 };

static const char *path;

__attribute__((noinline)) static int
cycle(int i)
{
	int (*fn)(int);
	void *h;

	h = dlopen(path, RTLD_NOW);
	if(h == NULL)
		return -1000000;
	fn = (int (*)(int))dlsym(h, "plugfn");
	if(fn == NULL)
		return -1000000;
	fn(i % 5 + 1);
	dlclose(h);
	return i % 5 + 1;
}

static void *
worker(void *v)
{
	long s;
	int i;

	s = 0;
	for(i = 0; i < Rounds; i++)
		s += cycle(i);
	return (void *)s;
}

int
main(int argc, char *argv[])
{
	int (*fn)(int);
	pthread_t t[2];
	void *h, *r;
	long s;
	int i;

	if(argc < 2)
		return 2;
	path = argv[1];
	for(i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	s = 0;
	for(i = 0; i < 2; i++){
		pthread_join(t[i], &r);
		s += (long)r;
	}
	h = dlopen(path, RTLD_NOW);
	if(h == NULL || (fn = (int (*)(int))dlsym(h, "plugfn")) == NULL){
		fprintf(stderr, "%s\n", dlerror());
		return 1;
	}
	fn(3);
	printf("%ld\n", s + 3);
	return 0;
}
