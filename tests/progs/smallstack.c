/*
 * smallstack (458-rt-small-stack): "smallstack WHERE HOW": calls work
 * 300 times on a small stack, then raises a signal there, then calls
 * work 200 more times and exits 0 (if the signal let it go on). WHERE:
 * "co", a coroutine on an 8 KB stack made by makecontext (start function
 * co); "thread", a thread with a stack of PTHREAD_STACK_MIN (start
 * function tfn). HOW: "term", SIGTERM, which ends it; "snap", SIGUSR2 (a
 * snapshot with profsignal=USR2), after which the prof.<pid> that
 * appears is renamed snap.<pid>. By construction the profile at SIGTERM
 * and the snapshot hold main 1, co or tfn 1, run 1, raiseit 1, work 300; the
 * profile at exit work 500.
 */
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int sink;
static ucontext_t mainuc, couc;
static int sig;

__attribute__((noinline)) static void
work(void)
{
	sink++;
}

__attribute__((noinline)) static void
raiseit(void)
{
	raise(sig);
}

static void
run(void)
{
	char name[64], to[64];
	struct stat st;
	int i, tries;

	for(i = 0; i < 300; i++)
		work();
	raiseit();
	snprintf(name, sizeof name, "prof.%d", (int)getpid());
	snprintf(to, sizeof to, "snap.%d", (int)getpid());
	for(tries = 0; tries < 1000 && stat(name, &st) < 0; tries++)
		usleep(1000);
	rename(name, to);
	for(i = 0; i < 200; i++)
		work();
}

static void
co(void)
{
	run();
}

static void *
tfn(void *a)
{
	run();
	return a;
}

int
main(int argc, char *argv[])
{
	pthread_attr_t at;
	pthread_t t;
	char *stk;

	if(argc < 3)
		return 2;
	sig = strcmp(argv[2], "term") == 0 ? SIGTERM : SIGUSR2;
	if(strcmp(argv[1], "co") == 0){
		stk = malloc(8192);
		getcontext(&couc);
		couc.uc_stack.ss_sp = stk;
		couc.uc_stack.ss_size = 8192;
		couc.uc_link = &mainuc;
		makecontext(&couc, co, 0);
		swapcontext(&mainuc, &couc);
	}else{
		pthread_attr_init(&at);
		pthread_attr_setstacksize(&at, PTHREAD_STACK_MIN);
		if(pthread_create(&t, &at, tfn, NULL) != 0)
			return 3;
		pthread_join(t, NULL);
	}
	printf("done\n");
	return 0;
}
