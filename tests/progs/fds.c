/*
 * The runtime keeps no file descriptors (428-rt-fds): 20 threads each
 * call f (their first call sets up their clocks) and wait; then main
 * opens /dev/null and prints the descriptor it got and how many it has
 * open (/proc/self/fd), exactly as the unprofiled program does.
 */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>

enum { Nthread = 20 };

static pthread_barrier_t made, done;
static volatile int sink;

__attribute__((noinline)) static void
f(void)
{
	sink++;
}

static void *
tfn(void *v)
{
	f();
	pthread_barrier_wait(&made);
	pthread_barrier_wait(&done);
	return v;
}

__attribute__((no_instrument_function)) static int
nfd(void)
{
	struct dirent *d;
	DIR *dir;
	int n;

	dir = opendir("/proc/self/fd");
	if(dir == NULL)
		return -1;
	n = 0;
	while((d = readdir(dir)) != NULL)
		if(d->d_name[0] != '.')
			n++;
	closedir(dir);
	return n - 1;	/* less the directory's own */
}

int
main(void)
{
	pthread_t t[Nthread];
	int i, fd;

	f();
	pthread_barrier_init(&made, NULL, Nthread + 1);
	pthread_barrier_init(&done, NULL, Nthread + 1);
	for(i = 0; i < Nthread; i++)
		pthread_create(&t[i], NULL, tfn, NULL);
	pthread_barrier_wait(&made);
	fd = open("/dev/null", O_RDONLY);
	printf("fd %d, %d open\n", fd, nfd());
	pthread_barrier_wait(&done);
	for(i = 0; i < Nthread; i++)
		pthread_join(t[i], NULL);
	return 0;
}
