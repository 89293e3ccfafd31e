/*
 * Signal handlers running instrumented code (412-rt-signal).
 * Phase 1: SIGALRM every 50 us (ITIMER_REAL) while p1 calls f 2000000
 * times (f calls g); the handler onalrm calls h, h calls h2. The alarms
 * land anywhere, inside the hooks too: onalrm's calls are recorded under
 * whatever was running, or not at all when it interrupted a hook.
 * Phase 2 (SIGALRM disarmed and blocked): p2 calls f2 1000 times, and f2
 * raises SIGUSR1, whose handler onusr1 calls h: synchronous, so always
 * recorded, under f2. By construction:
 *	main 1, handle 2, p1 1, f 2000000, g 2000000, p2 1, f2 1000, onusr1 1000
 *	onalrm A' <= A (alarms handled), h = h2 = A' + 1000
 * Prints the sum of g's results and the number of SIGUSR1 handled
 * ("2000000 1000"); A on standard error as "alarms A".
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

static volatile sig_atomic_t alarms, usr1s;
static volatile long hsum;

__attribute__((noinline)) static void
h2(void)
{
	hsum++;
}

__attribute__((noinline)) static void
h(void)
{
	h2();
}

static void
onalrm(int sig)
{
	(void)sig;
	alarms++;
	h();
}

static void
onusr1(int sig)
{
	(void)sig;
	usr1s++;
	h();
}

__attribute__((noinline)) static long
g(long x)
{
	return x & 1;
}

__attribute__((noinline)) static long
f(long x)
{
	return g(2 * x + 1);
}

__attribute__((noinline)) static long
p1(void)
{
	long i, s;

	s = 0;
	for(i = 0; i < 2000000; i++)
		s += f(i);
	return s;
}

__attribute__((noinline)) static void
f2(void)
{
	raise(SIGUSR1);
}

__attribute__((noinline)) static void
p2(void)
{
	int i;

	for(i = 0; i < 1000; i++)
		f2();
}

static void
handle(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

int
main(void)
{
	struct itimerval it;
	sigset_t set;
	long s;

	handle(SIGALRM, onalrm);
	handle(SIGUSR1, onusr1);
	memset(&it, 0, sizeof it);
	it.it_interval.tv_usec = 50;
	it.it_value.tv_usec = 50;
	setitimer(ITIMER_REAL, &it, NULL);
	s = p1();
	memset(&it, 0, sizeof it);
	setitimer(ITIMER_REAL, &it, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	p2();
	printf("%ld %d\n", s, (int)usr1s);
	fprintf(stderr, "alarms %d\n", (int)alarms);
	return 0;
}
