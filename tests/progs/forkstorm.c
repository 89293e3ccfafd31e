/*
 * fork while other threads come and go (426-rt-fork-threads): 2 threads
 * keep creating short-lived threads, each calling tick once (a new
 * thread's first call registers its tree under the runtime's lock),
 * while main forks 100 children; each child calls
 * prof(fn, NULL, 100, Profuser), fn calls leaf 3 times, and exits. A
 * child that inherited the lock held would hang in prof(). By
 * construction each child's profile holds fn 1, leaf 3. Prints "100".
 */
#include <prof.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int sink, stop;

__attribute__((noinline)) static void
tick(void)
{
	sink++;
}

static void *
short_lived(void *v)
{
	tick();
	return v;
}

static void *
spawner(void *v)
{
	pthread_t t;

	while(!stop)
		if(pthread_create(&t, NULL, short_lived, NULL) == 0)
			pthread_join(t, NULL);
	return v;
}

__attribute__((noinline)) static void
leaf(void)
{
	sink++;
}

static void
fn(void *arg)
{
	(void)arg;
	leaf();
	leaf();
	leaf();
}

int
main(void)
{
	pthread_t s[2];
	int i, ok, pid, st;

	for(i = 0; i < 2; i++)
		pthread_create(&s[i], NULL, spawner, NULL);
	ok = 0;
	for(i = 0; i < 100; i++){
		pid = fork();
		if(pid < 0)
			break;
		if(pid == 0){
			prof(fn, NULL, 100, Profuser);
			_exit(0);
		}
		if(waitpid(pid, &st, 0) == pid && st == 0)
			ok++;
	}
	stop = 1;
	for(i = 0; i < 2; i++)
		pthread_join(s[i], NULL);
	printf("%d\n", ok);
	return 0;
}
