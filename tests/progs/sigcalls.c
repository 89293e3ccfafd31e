/*
 * sigcalls (466-rt-sig-calls): "sigcalls MODE" sets the actions of the
 * signals the runtime handles with the calls MODE names, printing what
 * each returns and what sigaction then says the action is (handler as
 * dfl, ign, own, hold or other; flags and sa_mask's sig), then calls work
 * 3 times and sends itself the signal last set to the default from die,
 * which ends it (so the profile holds main 1, work 3, die 1). MODE:
 * "sigset", sigset of SIGINT; "ssignal", ssignal of SIGTERM; "intr",
 * siginterrupt and signal of SIGQUIT; "flags", sigaction of SIGHUP to
 * the default with flags and a mask.
 */
#define _GNU_SOURCE
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
	(void)sig;
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
	if(h == SIG_DFL)
		return "dfl";
	if(h == SIG_IGN)
		return "ign";
	if(h == SIG_HOLD)
		return "hold";
	return h == onsig ? "own" : "other";
}

/* what sigaction says sig's action is */
static void
show(const char *after, int sig)
{
	struct sigaction sa;

	sigaction(sig, NULL, &sa);
	printf("%s: %s flags %#x masked %d\n", after, what(sa.sa_handler),
		(unsigned)sa.sa_flags, sigismember(&sa.sa_mask, sig));
}

static int
viasigset(void)
{
	show("start", SIGINT);
	printf("sigset own: was %s\n", what(sigset(SIGINT, onsig)));
	show("sigset own", SIGINT);
	printf("sigset ign: was %s\n", what(sigset(SIGINT, SIG_IGN)));
	printf("sigset hold: was %s\n", what(sigset(SIGINT, SIG_HOLD)));
	printf("sigset hold: was %s\n", what(sigset(SIGINT, SIG_HOLD)));
	printf("sigset dfl: was %s\n", what(sigset(SIGINT, SIG_DFL)));
	show("sigset dfl", SIGINT);
	printf("sigset dfl: was %s\n", what(sigset(SIGINT, SIG_DFL)));
	return SIGINT;
}

static int
viassignal(void)
{
	printf("ssignal own: was %s\n", what(ssignal(SIGTERM, onsig)));
	show("ssignal own", SIGTERM);
	printf("ssignal dfl: was %s\n", what(ssignal(SIGTERM, SIG_DFL)));
	show("ssignal dfl", SIGTERM);
	return SIGTERM;
}

static int
viaintr(void)
{
	printf("siginterrupt 1: %d\n", siginterrupt(SIGQUIT, 1));
	show("siginterrupt 1", SIGQUIT);
	printf("signal own: was %s\n", what(signal(SIGQUIT, onsig)));
	show("signal own", SIGQUIT);
	printf("signal dfl: was %s\n", what(signal(SIGQUIT, SIG_DFL)));
	show("signal dfl", SIGQUIT);
	printf("siginterrupt 0: %d\n", siginterrupt(SIGQUIT, 0));
	show("siginterrupt 0", SIGQUIT);
	printf("signal own: was %s\n", what(signal(SIGQUIT, onsig)));
	show("signal own", SIGQUIT);
	printf("siginterrupt 1: %d\n", siginterrupt(SIGQUIT, 1));
	show("siginterrupt 1", SIGQUIT);
	printf("signal dfl: was %s\n", what(signal(SIGQUIT, SIG_DFL)));
	show("signal dfl", SIGQUIT);
	return SIGQUIT;
}

static int
viaflags(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = SA_RESTART | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGHUP);
	sigaction(SIGHUP, &sa, NULL);
	show("sigaction dfl", SIGHUP);
	printf("sysv_signal own: was %s\n", what(sysv_signal(SIGHUP, onsig)));
	show("sysv_signal own", SIGHUP);
	printf("sysv_signal dfl: was %s\n", what(sysv_signal(SIGHUP, SIG_DFL)));
	show("sysv_signal dfl", SIGHUP);
	return SIGHUP;
}

int
main(int argc, char *argv[])
{
	int i, sig;

	if(argc < 2)
		return 2;
	if(strcmp(argv[1], "sigset") == 0)
		sig = viasigset();
	else if(strcmp(argv[1], "ssignal") == 0)
		sig = viassignal();
	else if(strcmp(argv[1], "intr") == 0)
		sig = viaintr();
	else
		sig = viaflags();
	for(i = 0; i < 3; i++)
		work();
	fflush(stdout);
	die(sig);
	printf("lived\n");
	return 0;
}
