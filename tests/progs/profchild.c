/*
 * prof() in a forked child (407-rt-prof-child): the child calls
 * prof(fn, NULL, 100, Profuser) and exits; fn calls g 7 times, g calls h
 * once. The parent waits, then calls p 2 times. By construction:
 *	child's prof.<pid>:	fn 1, g 7, h 7 (nothing else: not main)
 *	parent's prof.<pid>:	main 1, p 2
 * Prints "parent PID" and "child PID" (the child first), and "status 0".
 * With argument "sleep", fn instead calls nap once, which sleeps 200 ms,
 * under the proftype named by argument 2 (user, kernel, elapsed, sample).
 */
#include <prof.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int sink;
static int napping;

__attribute__((noinline)) static void
h(void)
{
	sink++;
}

__attribute__((noinline)) static void
g(void)
{
	h();
}

__attribute__((noinline)) static void
p(void)
{
	sink++;
}

__attribute__((noinline)) static void
nap(void)
{
	struct timespec ts = { 0, 200000000 };

	while(nanosleep(&ts, &ts) != 0)
		;
}

static void
fn(void *arg)
{
	int i;

	(void)arg;
	if(napping){
		nap();
		return;
	}
	for(i = 0; i < 7; i++)
		g();
}

static int
what(const char *s)
{
	if(s == NULL || strcmp(s, "user") == 0)
		return Profuser;
	if(strcmp(s, "kernel") == 0)
		return Profkernel;
	if(strcmp(s, "elapsed") == 0)
		return Proftime;
	return Profsample;
}

int
main(int argc, char *argv[])
{
	int pid, st;

	napping = argc > 1 && strcmp(argv[1], "sleep") == 0;
	fflush(stdout);
	pid = fork();
	if(pid < 0)
		return 1;
	if(pid == 0){
		prof(fn, NULL, 100, what(argc > 2 ? argv[2] : NULL));
		printf("child %d\n", (int)getpid());
		exit(0);
	}
	if(waitpid(pid, &st, 0) != pid)
		return 1;
	p();
	p();
	printf("parent %d\nstatus %d\n", (int)getpid(), st);
	return 0;
}
