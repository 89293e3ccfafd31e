/*
 * Thread churn (429-rt-thread-churn): 20000 threads, one after another,
 * each running tf(i): even i calls f once and returns; odd i calls
 * deep(3), and deep(1) ends the thread with pthread_exit, its calls still
 * active. By construction:
 *	main 1, tf 20000, f 10000, deep 30000 (deep(3) deep(2) deep(1)
 *	10000 times each, one under the other)
 * Prints "20000"; on standard error "peak N", N the peak resident size
 * in kB (VmHWM).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum { N = 20000 };

static volatile int sink;

__attribute__((noinline)) static void
f(void)
{
	sink++;
}

__attribute__((noinline)) static void
deep(int n)
{
	if(n == 1){
		sink++;
		pthread_exit(NULL);
	}
	deep(n - 1);
}

static void *
tf(void *v)
{
	if((long)v % 2 == 0)
		f();
	else
		deep(3);
	return NULL;
}

__attribute__((no_instrument_function)) static long
peak(void)
{
	char line[256];
	long kb;
	FILE *fp;

	kb = -1;
	fp = fopen("/proc/self/status", "r");
	if(fp == NULL)
		return -1;
	while(fgets(line, sizeof line, fp) != NULL)
		if(strncmp(line, "VmHWM:", 6) == 0)
			sscanf(line + 6, "%ld", &kb);
	fclose(fp);
	return kb;
}

int
main(void)
{
	pthread_t t;
	long i;

	for(i = 0; i < N; i++){
		if(pthread_create(&t, NULL, tf, (void *)i) != 0)
			return 1;
		pthread_join(t, NULL);
	}
	printf("%d\n", sink);
	fprintf(stderr, "peak %ld\n", peak());
	return 0;
}
