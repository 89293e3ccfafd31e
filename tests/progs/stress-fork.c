/*
 * A fork storm (703-stress-fork): 4 threads (forker) each fork 50
 * children at once, through spawn, while a churner thread keeps making
 * short-lived threads that call tick (a new thread's first call takes
 * the runtime's lock: a fork may copy it held). Child j of a forker, by
 * j % 16:
 *	0: selfprof(j % 7 + 1), then exit(j)
 *	8: forks a grandchild that does selfprof(j % 5 + 1) and _exit(0);
 *	   exits with j if that went well
 *	odd: rec(10), and exit(j) from rec(0), not profiled
 *	other: calls leaf, not profiled, and _exit(j)
 * selfprof(n) calls prof(kidfn, &n, 100, Profuser); kidfn calls leaf n
 * times; then it appends "pid n" to the file argv[1] (prof() writes
 * prof.<pid>). Built with -DNOPROF, prof() just calls fn.
 * By construction: 28 lines in argv[1] (4 + 3 per forker), the
 * profile of each holding kidfn 1, leaf n, and nothing else; the parent's:
 *	main 1, forker 4, spawn 200, churner 1, short_lived T, tick T
 * T the number of ticks, printed on standard error as "ticks T". Prints
 * "200 children, N as expected", N = 200 if every status was right.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef NOPROF
enum { Profuser = 1 };
static void
prof(void (*fn)(void *), void *arg, int entries, int what)
{
	(void)entries;
	(void)what;
	fn(arg);
}
#else
#include <prof.h>
#endif

enum { Nforker = 4, Nkid = 50 };

static const char *side;
static volatile int sink, stop;
static volatile long ticks;

__attribute__((noinline)) static void
leaf(void)
{
	sink++;
}

static void
kidfn(void *v)
{
	int i;

	for(i = 0; i < *(int *)v; i++)
		leaf();
}

__attribute__((noinline)) static void
selfprof(int n)
{
	char line[64];
	int fd;

	prof(kidfn, &n, 100, Profuser);
	snprintf(line, sizeof line, "%d %d\n", (int)getpid(), n);
	fd = open(side, O_WRONLY | O_APPEND | O_CREAT, 0666);
	if(fd < 0 || write(fd, line, strlen(line)) != (ssize_t)strlen(line))
		_exit(255);
	close(fd);
}

__attribute__((noinline)) static void
rec(int n, int status)
{
	if(n == 0)
		exit(status);
	rec(n - 1, status);
}

__attribute__((noinline)) static void
child(int j)
{
	int pid, st;

	if(j % 2 == 1)
		rec(10, j);
	switch(j % 16){
	case 0:
		selfprof(j % 7 + 1);
		exit(j);
	case 8:
		pid = fork();
		if(pid == 0){
			selfprof(j % 5 + 1);
			_exit(0);
		}
		if(pid < 0 || waitpid(pid, &st, 0) != pid || st != 0)
			exit(255);
		exit(j);
	default:
		leaf();
		_exit(j);
	}
	_exit(254);
}

/* Fork child j; its pid, or -1. */
__attribute__((noinline)) static int
spawn(int j)
{
	int pid;

	pid = fork();
	if(pid == 0)
		child(j);
	return pid;
}

static void *
forker(void *v)
{
	int pid[Nkid], j, st, ok;

	for(j = 0; j < Nkid; j++)
		pid[j] = spawn(j);
	ok = 0;
	for(j = 0; j < Nkid; j++)
		if(pid[j] > 0 && waitpid(pid[j], &st, 0) == pid[j] && WIFEXITED(st) && WEXITSTATUS(st) == j)
			ok++;
	*(int *)v = ok;
	return NULL;
}

__attribute__((noinline)) static void
tick(void)
{
	ticks++;
}

static void *
short_lived(void *v)
{
	tick();
	return v;
}

static void *
churner(void *v)
{
	pthread_t t;

	while(!stop)
		if(pthread_create(&t, NULL, short_lived, NULL) == 0)
			pthread_join(t, NULL);
	return v;
}

int
main(int argc, char *argv[])
{
	pthread_t c, f[Nforker];
	int ok[Nforker], i, n;

	if(argc < 2)
		return 2;
	side = argv[1];
	pthread_create(&c, NULL, churner, NULL);
	for(i = 0; i < Nforker; i++)
		pthread_create(&f[i], NULL, forker, &ok[i]);
	n = 0;
	for(i = 0; i < Nforker; i++){
		pthread_join(f[i], NULL);
		n += ok[i];
	}
	stop = 1;
	pthread_join(c, NULL);
	printf("%d children, %d as expected\n", Nforker * Nkid, n);
	fprintf(stderr, "ticks %ld\n", ticks);
	return 0;
}
