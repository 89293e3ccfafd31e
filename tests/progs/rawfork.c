/*
 * Children no atfork handler sees (446-rt-raw-fork): main calls work 3
 * times, then makes a child with syscall(SYS_fork) and one with clone()
 * without CLONE_VM; each child calls work 5 times and exits with its own
 * status (exit 3 and a return of 4). They run unprofiled: their calls
 * are in no profile, and only the parent writes one. By construction:
 * main 1, work 3, child 0, cloned 0 (in the parent's profile). Prints
 * the children's counts and statuses: "child 5 3", "cloned 5 4".
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int n;

__attribute__((noinline)) static void
work(void)
{
	n++;
}

__attribute__((noinline)) static int
child(void)
{
	int i;

	for(i = 0; i < 5; i++)
		work();
	return n - 3;
}

static int
cloned(void *v)
{
	int i;

	(void)v;
	for(i = 0; i < 5; i++)
		work();
	printf("cloned %d", n - 3);
	fflush(stdout);
	return 4;
}

static char stack[1 << 16];

int
main(void)
{
	int i, st;
	pid_t p;

	for(i = 0; i < 3; i++)
		work();
	fflush(stdout);
	if((p = (pid_t)syscall(SYS_fork)) == 0){
		printf("child %d", child());
		fflush(stdout);
		exit(3);
	}
	if(p < 0 || waitpid(p, &st, 0) != p)
		return 1;
	printf(" %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	fflush(stdout);
	if((p = clone(cloned, stack + sizeof stack, SIGCHLD, NULL)) < 0 || waitpid(p, &st, 0) != p)
		return 1;
	printf(" %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	return 0;
}
