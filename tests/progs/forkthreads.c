/*
 * A fork while threads run, then threads in the child (711-rt-fork-
 * live-trees): 12 threads call spin's work over and over; main forks;
 * the child calls prof(run, ...), run starts 16 threads with 1 MB
 * stacks (glibc reuses or frees the gone threads' stacks, where their
 * trees were while they ran), each calling work 1000 times, and joins
 * them. The child's profile holds by construction run 1, child 16, work
 * 16000 under child, and nothing of the parent's threads. Exits 0 when
 * the child exited 0, else 1; the parent's profile is written as usual.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <prof.h>

enum { Spinners = 12, Kids = 16, Calls = 1000 };

static volatile int sink;

__attribute__((noinline)) static void
work(int i)
{
	sink += i;
}

static void *
spin(void *v)
{
	for(;;){
		work(1);
		usleep(1000);
	}
	return v;
}

static void *
child(void *v)
{
	int i;

	for(i = 0; i < Calls; i++)
		work(i);
	return v;
}

static void
run(void *v)
{
	pthread_t t[Kids];
	pthread_attr_t a;
	int i;

	(void)v;
	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 1 << 20);
	for(i = 0; i < Kids; i++)
		pthread_create(&t[i], &a, child, NULL);
	for(i = 0; i < Kids; i++)
		pthread_join(t[i], NULL);
}

int
main(void)
{
	pthread_t t;
	pid_t pid;
	int i, st;

	for(i = 0; i < Spinners; i++)
		pthread_create(&t, NULL, spin, NULL);
	usleep(50000);
	pid = fork();
	if(pid == 0){
		prof(run, NULL, 100, Profuser);
		_exit(0);
	}
	if(waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0){
		printf("child status %#x\n", st);
		return 1;
	}
	return 0;
}
