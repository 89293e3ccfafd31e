/*
 * snap (452-rt-snapshot): "snap HOW N M": calls work N times, then asks
 * for a snapshot of its profile, renames the prof.<pid> that appears to
 * snap.<pid>, calls work M more times, prints "done" and exits 0. HOW:
 * "self", it sends itself SIGUSR2 from ask; "wait", it prints "ready" and
 * waits (no calls) for another process to send the signal; "own", it
 * has its own SIGUSR2 handler (prints "caught") and sends it as "self"
 * does. Only the program's own calls are counted: by construction the
 * snapshot holds main 1, work N (and ask 1 for "self"), and the profile
 * at exit main 1, work N + M (ask 1).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static volatile int sink;

__attribute__((noinline)) static void
work(void)
{
	sink++;
}

__attribute__((noinline)) static void
ask(void)
{
	kill(getpid(), SIGUSR2);
}

static void
caught(int sig)
{
	(void)sig;
	if(write(1, "caught\n", 7) < 0)
		sink++;
}

int
main(int argc, char *argv[])
{
	char name[64], to[64];
	struct stat st;
	int i, n, m, tries;

	if(argc < 4)
		return 2;
	n = atoi(argv[2]);
	m = atoi(argv[3]);
	snprintf(name, sizeof name, "prof.%d", (int)getpid());
	snprintf(to, sizeof to, "snap.%d", (int)getpid());
	if(strcmp(argv[1], "own") == 0)
		signal(SIGUSR2, caught);
	for(i = 0; i < n; i++)
		work();
	if(strcmp(argv[1], "wait") == 0){
		printf("ready\n");
		fflush(stdout);
		while(stat(name, &st) < 0)
			usleep(1000);
	}else
		ask();
	for(tries = 0; tries < 1000 && stat(name, &st) < 0; tries++)
		usleep(1000);	/* "own": none comes */
	rename(name, to);
	for(i = 0; i < m; i++)
		work();
	printf("done\n");
	return 0;
}
