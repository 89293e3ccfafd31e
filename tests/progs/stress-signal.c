/*
 * A signal storm (702-stress-signal): two threads each get SIGALRM at
 * 10 kHz from a timer of their own (timer_create, SIGEV_THREAD_ID), and
 * the handler onalrm counts the signal in a volatile counter of its
 * thread's and calls h, which calls h2.
 * busy (thread entry busythr) makes 7 million calls meanwhile: f(i) for
 * i < 1000000, f calls rec(4), rec(0) calls g: its alarms land anywhere,
 * inside the runtime's hooks too, where the handler's calls are not
 * recorded. quiet (thread entry quietthr) waits in spin, not instrumented,
 * until busy is done: its alarms never land in a hook, so every one is
 * recorded, under quietthr. By construction:
 *	main 1, busythr 1, quietthr 1, f 1000000, rec 5000000, g 1000000
 *	onalrm under quietthr: Q (quiet's alarms); onalrm in all: A' <= A + Q
 *	(A busy's alarms); h = h2 = A'
 * Prints the sum of g's results; "busy A quiet Q" on standard error.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid	/* glibc before 2.41 */
#endif

enum { N = 1000000 };

static volatile long alarms[2];
static volatile long hsum;
static volatile int done;
static __thread int which;	/* 0 busy, 1 quiet */

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
	alarms[which]++;
	h();
}

__attribute__((noinline)) static long
g(long x)
{
	return x & 3;
}

__attribute__((noinline)) static long
rec(long x, int n)
{
	return n == 0 ? g(x) : rec(x + 1, n - 1);
}

__attribute__((noinline)) static long
f(long x)
{
	return rec(x, 4);
}

/* A 10 kHz SIGALRM to the calling thread, unblocked; 0 or -1. */
__attribute__((no_instrument_function)) static int
storm(timer_t *tm)
{
	struct sigevent ev;
	struct itimerspec it;
	sigset_t set;

	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_THREAD_ID;
	ev.sigev_signo = SIGALRM;
	ev.sigev_notify_thread_id = gettid();
	if(timer_create(CLOCK_MONOTONIC, &ev, tm) < 0)
		return -1;
	memset(&it, 0, sizeof it);
	it.it_interval.tv_nsec = 100000;
	it.it_value.tv_nsec = 100000;
	timer_settime(*tm, 0, &it, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	return 0;
}

/* The storm ends: no more alarms, none pending handled later. */
__attribute__((no_instrument_function)) static void
calm(timer_t tm)
{
	sigset_t set;

	timer_delete(tm);
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
}

static void *
busythr(void *v)
{
	timer_t tm;
	long i, s;

	which = 0;
	if(storm(&tm) < 0)
		return NULL;
	s = 0;
	for(i = 0; i < N; i++)
		s += f(i);
	calm(tm);
	*(long *)v = s;
	done = 1;
	return NULL;
}

__attribute__((no_instrument_function)) static void
spin(void)
{
	while(!done)
		;
}

static void *
quietthr(void *v)
{
	timer_t tm;

	which = 1;
	if(storm(&tm) < 0)
		return NULL;
	spin();
	calm(tm);
	return v;
}

int
main(void)
{
	struct sigaction sa;
	pthread_t b, q;
	sigset_t set;
	long s;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = onalrm;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	s = -1;
	pthread_create(&q, NULL, quietthr, NULL);
	pthread_create(&b, NULL, busythr, &s);
	pthread_join(b, NULL);
	pthread_join(q, NULL);
	printf("%ld\n", s);
	fprintf(stderr, "busy %ld quiet %ld\n", alarms[0], alarms[1]);
	return 0;
}
