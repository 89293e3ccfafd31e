/*
 * tprof-burn (5NN-tprof-*): workers that spend their CPU time in two
 * functions in the ratio 3:1 by construction: each round, three() runs
 * 3*Unit iterations of a loop and one() the same loop Unit times, so of
 * the time in the text three has 75% and one 25% (less the little the
 * round's own bookkeeping takes in work()).
 *
 *	tprof-burn [-t threads] [-f children] [-s seconds] [-w]
 *
 * Runs the workers (default 1 thread) in this process, or in -f forked
 * children of it (each with -t threads), until each worker has used
 * -s seconds of CPU time (default 1.5). -w waits for a line on standard
 * input before starting (so tprof can attach first). At the end prints
 * "cpu N": the CPU time (user+system, ms) of the process and its reaped
 * children, measured by the program itself (getrusage).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { Unit = 20000 };

static double seconds = 1.5;
static volatile unsigned long sink;

__attribute__((noinline)) void
three(void)
{
	unsigned long i, x;

	x = sink;
	for(i = 0; i < 3 * Unit; i++)
		x = x * 2862933555777941757ul + i;
	sink = x;
}

__attribute__((noinline)) void
one(void)
{
	unsigned long i, x;

	x = sink;
	for(i = 0; i < Unit; i++)
		x = x * 2862933555777941757ul + i;
	sink = x;
}

static double
threadcpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

__attribute__((noinline)) void *
work(void *arg)
{
	int i;

	(void)arg;
	while(threadcpu() < seconds)
		for(i = 0; i < 8; i++){
			three();
			one();
		}
	return NULL;
}

static void
workers(int n)
{
	pthread_t t[64];
	int i;

	for(i = 1; i < n; i++)
		if(pthread_create(&t[i], NULL, work, NULL) != 0){
			perror("pthread_create");
			exit(1);
		}
	work(NULL);
	for(i = 1; i < n; i++)
		pthread_join(t[i], NULL);
}

static long
cpums(void)
{
	struct rusage s, c;

	getrusage(RUSAGE_SELF, &s);
	getrusage(RUSAGE_CHILDREN, &c);
	return (s.ru_utime.tv_sec + s.ru_stime.tv_sec + c.ru_utime.tv_sec + c.ru_stime.tv_sec) * 1000
		+ (s.ru_utime.tv_usec + s.ru_stime.tv_usec + c.ru_utime.tv_usec + c.ru_stime.tv_usec) / 1000;
}

int
main(int argc, char *argv[])
{
	int c, i, nthread, nchild, wait_, st;
	char line[64];

	nthread = 1;
	nchild = 0;
	wait_ = 0;
	while((c = getopt(argc, argv, "t:f:s:w")) != -1)
		switch(c){
		case 't':
			nthread = atoi(optarg);
			break;
		case 'f':
			nchild = atoi(optarg);
			break;
		case 's':
			seconds = atof(optarg);
			break;
		case 'w':
			wait_ = 1;
			break;
		default:
			fprintf(stderr, "usage: tprof-burn [-t threads] [-f children] [-s seconds] [-w]\n");
			return 2;
		}
	if(nthread < 1 || nthread > 64)
		nthread = 1;
	if(wait_ && fgets(line, sizeof line, stdin) == NULL)
		return 1;
	if(nchild == 0)
		workers(nthread);
	for(i = 0; i < nchild; i++)
		if(fork() == 0){
			workers(nthread);
			_exit(0);
		}
	while(wait(&st) > 0)
		;
	printf("cpu %ld\n", cpums());
	return 0;
}
