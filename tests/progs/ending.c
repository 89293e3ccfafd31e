/*
 * ending (450-rt-end-signal): "ending MODE SIG" calls work 3 times,
 * prints "before", then sends itself signal SIG (kill, to the process,
 * as ^C or kill(1) does) from die, and if it lives on prints "after" and
 * exits 0. MODE: "dfl", SIG's action left as it was; "own", a handler
 * of its own (prints "caught SIG"); "ign", SIG_IGN; "view", it prints
 * what sigaction and signal say SIG's action is ("dfl" or "other"),
 * installs its own handler, then signal(SIG, SIG_DFL) again (which
 * returns its handler: "back own"). By construction the profile, where
 * one is written, holds main 1, work 3, die 1 (die is active when the
 * signal ends the program).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile int sink;

__attribute__((noinline)) static void
work(void)
{
	sink++;
}

static void
onsig(int sig)
{
	char m[32];

	snprintf(m, sizeof m, "caught %d\n", sig);
	if(write(1, m, strlen(m)) < 0)
		sink++;
}

__attribute__((noinline)) static void
die(int sig)
{
	kill(getpid(), sig);
}

static const char *
what(void (*h)(int))
{
	return h == SIG_DFL ? "dfl" : h == onsig ? "own" : "other";
}

int
main(int argc, char *argv[])
{
	struct sigaction sa;
	void (*h)(int);
	int i, sig;

	if(argc < 3)
		return 2;
	sig = atoi(argv[2]);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = onsig;
	if(strcmp(argv[1], "own") == 0)
		sigaction(sig, &sa, NULL);
	else if(strcmp(argv[1], "ign") == 0)
		signal(sig, SIG_IGN);
	else if(strcmp(argv[1], "view") == 0){
		sigaction(sig, NULL, &sa);
		printf("sigaction %s\n", what(sa.sa_handler));
		h = signal(sig, onsig);
		printf("signal %s\n", what(h));
		h = signal(sig, SIG_DFL);
		printf("back %s\n", what(h));
		sigaction(sig, NULL, &sa);
		printf("now %s\n", what(sa.sa_handler));
	}
	for(i = 0; i < 3; i++)
		work();
	printf("before\n");
	fflush(stdout);
	die(sig);
	printf("after\n");
	return 0;
}
