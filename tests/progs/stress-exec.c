/*
 * An exec chain (704-stress-exec): "prog K SIDE" runs stage K, and
 * stage k runs stage k - 1 in a new image until stage 0: an odd stage
 * execs it in place (the profile is written just before the exec; if k
 * % 4 == 3, from a second thread, execthr, while main waits for it), an
 * even one forks a child that execs it (the child is not profiled before
 * its exec) and exits with the child's status. In each stage a thread
 * runs helper, which calls leaf k + 3 times and then waits for ever,
 * its call still active; main calls work k times, then next(k), which
 * execs or forks. Stage 0 prints "end" and calls exit(5).
 * Stage k appends "pid k" to SIDE; a stage exec'd in place renames the
 * prof.<pid>.1 written before the exec to stage.<k + 1>. By construction
 * the profile of stage k holds:
 *	main 1, helper 1, leaf k + 3, work k (if k > 0), next 1 (if k > 0),
 *	execthr 1 (if k % 4 == 3)
 * Prints "stage k" in each stage, "stage k: child exit 5" in the even ones
 * after their child; exits with status 5.
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static sem_t ready;
static volatile int sink;
static const char *side;

__attribute__((noinline)) static void
leaf(void)
{
	sink++;
}

__attribute__((noinline)) static void
work(void)
{
	sink++;
}

static void *
helper(void *v)
{
	long i;

	for(i = 0; i < (long)v; i++)
		leaf();
	sem_post(&ready);
	for(;;)
		pause();
	return NULL;
}

/* Stage k - 1: in place if k is odd, else in a child; the child's status. */
__attribute__((noinline)) static int
next(int k)
{
	char a[16], *argv[] = { "prog", a, (char *)side, "inplace", NULL };
	int pid, st;

	snprintf(a, sizeof a, "%d", k - 1);
	if(k % 2 == 1){
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	argv[3] = NULL;
	pid = fork();
	if(pid == 0){
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	if(pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 126;
	return WEXITSTATUS(st);
}

static void *
execthr(void *v)
{
	next((int)(long)v);
	return NULL;
}

int
main(int argc, char *argv[])
{
	char name[32], to[32];
	pthread_t h, e;
	FILE *f;
	int i, k, st;

	if(argc < 3)
		return 2;
	k = atoi(argv[1]);
	side = argv[2];
	if(argc > 3){
		snprintf(name, sizeof name, "prof.%d.1", (int)getpid());
		snprintf(to, sizeof to, "stage.%d", k + 1);
		rename(name, to);
	}
	f = fopen(side, "a");
	if(f == NULL)
		return 3;
	fprintf(f, "%d %d\n", (int)getpid(), k);
	fclose(f);
	printf("stage %d\n", k);
	sem_init(&ready, 0, 0);
	pthread_create(&h, NULL, helper, (void *)(long)(k + 3));
	sem_wait(&ready);
	for(i = 0; i < k; i++)
		work();
	if(k == 0){
		printf("end\n");
		exit(5);
	}
	fflush(stdout);
	if(k % 4 == 3){
		pthread_create(&e, NULL, execthr, (void *)(long)k);
		pthread_join(e, NULL);
		return 125;
	}
	st = next(k);
	printf("stage %d: child exit %d\n", k, st);
	return st;
}
