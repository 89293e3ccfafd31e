/*
 * endthreads (451-rt-end-threads): "endthreads MODE T K" starts T
 * threads running tfn, each calling work K times; then main sends the
 * process SIGINT from die, which any thread may take. MODE "parked": each
 * thread then waits in pause, and main sends the signal once all have
 * finished their calls; by construction the profile holds main 1, die 1,
 * tfn T, work T*K. MODE "busy": the threads go on calling work, with a
 * malloc and free between calls (the signal may interrupt them), and main
 * sends it once each has made K calls: work at least T*K. Prints "ready"
 * before the signal.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile int sink;
static int k, busy, done;

__attribute__((noinline)) static void
work(void)
{
	sink++;
}

static void *
tfn(void *v)
{
	int i;

	(void)v;
	for(i = 0; busy || i < k; i++){
		work();
		if(busy)
			free(malloc(16 + (size_t)(i % 4096)));
		if(i + 1 == k)
			__atomic_add_fetch(&done, 1, __ATOMIC_SEQ_CST);
	}
	for(;;)
		pause();
	return NULL;
}

__attribute__((noinline)) static void
die(void)
{
	kill(getpid(), SIGINT);
}

int
main(int argc, char *argv[])
{
	pthread_t t;
	int i, n;

	if(argc < 4)
		return 2;
	busy = strcmp(argv[1], "busy") == 0;
	n = atoi(argv[2]);
	k = atoi(argv[3]);
	for(i = 0; i < n; i++)
		if(pthread_create(&t, NULL, tfn, NULL) != 0)
			return 3;
	while(__atomic_load_n(&done, __ATOMIC_SEQ_CST) < n)
		usleep(1000);
	printf("ready\n");
	fflush(stdout);
	die();
	for(;;)
		pause();
	return 0;
}
