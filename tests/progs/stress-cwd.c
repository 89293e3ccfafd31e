/*
 * Exit with no current directory to write to, while threads are busy
 * in instrumented code (709-stress-cwd): 8 threads call work in a loop
 * for ever; main calls work 1000 times, removes its current directory
 * if given the argument "rm" (it must be empty), prints the sum of the
 * results and returns 7 while the threads still run.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum { Nthread = 8 };

__attribute__((noinline)) static long
work(long x)
{
	return x & 1;
}

static void *
spinner(void *v)
{
	long i;

	for(i = 0;; i++)
		work(i);
	return v;
}

int
main(int argc, char *argv[])
{
	pthread_t t;
	long i, s;
	char dir[4096];

	for(i = 0; i < Nthread; i++)
		pthread_create(&t, NULL, spinner, NULL);
	s = 0;
	for(i = 0; i < 1000; i++)
		s += work(i);
	if(argc > 1 && strcmp(argv[1], "rm") == 0)
		if(getcwd(dir, sizeof dir) == NULL || rmdir(dir) < 0)
			return 1;
	printf("%ld\n", s);
	return 7;
}
