/*
 * cancelwait (459-rt-cancel-wait): "cancelwait HOW": a thread waits for
 * SIGUSR1 (blocked everywhere, never sent) with HOW, one of sigwait,
 * sigwaitinfo, sigtimedwait (a minute); main cancels it 100 ms later and
 * joins it. These are cancellation points, so it prints "cancelled 1"
 * at once and exits 0.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *how;

__attribute__((noinline)) static void
wait1(const sigset_t *s)
{
	struct timespec ts = { 60, 0 };
	int sig;

	if(strcmp(how, "sigwait") == 0)
		sigwait(s, &sig);
	else if(strcmp(how, "sigwaitinfo") == 0)
		sigwaitinfo(s, NULL);
	else
		sigtimedwait(s, NULL, &ts);
}

static void *
waiter(void *a)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	wait1(&s);
	return a;
}

int
main(int argc, char *argv[])
{
	sigset_t s;
	pthread_t t;
	void *r;

	if(argc < 2)
		return 2;
	how = argv[1];
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &s, NULL);
	pthread_create(&t, NULL, waiter, NULL);
	usleep(100000);
	pthread_cancel(t);
	pthread_join(t, &r);
	printf("cancelled %d\n", r == PTHREAD_CANCELED);
	return 0;
}
