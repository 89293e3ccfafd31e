/*
 * fork (405-rt-fork): the child calls work 10 times and exits with exit(0)
 * (so atexit handlers run) without calling prof(): it writes no profile.
 * The parent calls spawn once (which forks), then, after the child is
 * gone, other twice. By construction the parent's profile holds:
 *	main	1
 *	spawn	1
 *	other	2
 * and no work. Prints the parent's pid, then "child 0".
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int sink;

__attribute__((noinline)) static void
work(void)
{
	sink++;
}

__attribute__((noinline)) static void
other(void)
{
	sink++;
}

__attribute__((noinline)) static int
spawn(void)
{
	int i, pid, st;

	fflush(stdout);
	pid = fork();
	if(pid < 0)
		return -1;
	if(pid == 0){
		for(i = 0; i < 10; i++)
			work();
		exit(0);
	}
	if(waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

int
main(void)
{
	int st;

	printf("%d\n", (int)getpid());
	st = spawn();
	other();
	other();
	printf("child %d\n", st);
	return 0;
}
