/*
 * longjmp out of deep recursion thousands of times (705-stress-longjmp):
 * 4 threads (worker t, t = 0..3) each run 3000 rounds; round i calls
 * rec(d) with d = (i * 37 + t * 11) % 400 + 1 after a sigsetjmp, and
 * rec(0) siglongjmps back to the worker, out of d + 1 calls of rec, then
 * the worker calls after. On the way down, the rec at each depth j (rec
 * at depth 1 the worker's call) that is a multiple of 64, if not rec(0),
 * sets a jmp_buf of its own and calls dive(8), and dive(0) longjmps back
 * to it (9 calls of dive). Every 100th round (i % 100 == 0) rec(0) does
 * not jump but raises SIGUSR1, and the handler onusr1 (on the same stack)
 * siglongjmps to the worker. By construction, over the rounds of all
 * threads: main 1, worker 4, after 12000, onusr1 120 under rec(0); rec at
 * depth j as often as rounds have d + 1 >= j; dive at depth j + m (m =
 * 1..9) as often as rounds have d >= j, for j a multiple of 64.
 * Prints the sum of the depths; exits with status 0.
 */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

enum { Nthread = 4, Rounds = 3000, Maxd = 400, Every = 64 };

static __thread sigjmp_buf top;
static __thread int raising;
static volatile long sink;

__attribute__((noinline)) static void
dive(jmp_buf *back, int k)
{
	if(k == 0)
		longjmp(*back, 1);
	dive(back, k - 1);
}

__attribute__((noinline)) static void
rec(int n, int j)
{
	jmp_buf mid;

	if(n == 0){
		if(raising)
			raise(SIGUSR1);
		siglongjmp(top, 1);
	}
	if(j % Every == 0 && setjmp(mid) == 0)
		dive(&mid, 8);
	sink++;
	rec(n - 1, j + 1);
}

static void
onusr1(int sig)
{
	(void)sig;
	siglongjmp(top, 1);
}

__attribute__((noinline)) static void
after(void)
{
	sink++;
}

static void *
worker(void *v)
{
	long t, s;
	volatile int i;
	int d;

	t = (long)v;
	s = 0;
	for(i = 0; i < Rounds; i++){
		d = (i * 37 + t * 11) % Maxd + 1;
		raising = i % 100 == 0;
		if(sigsetjmp(top, 1) == 0)
			rec(d, 1);
		after();
		s += d;
	}
	return (void *)s;
}

int
main(void)
{
	struct sigaction sa;
	pthread_t th[Nthread];
	void *r;
	long t, sum;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = onusr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	for(t = 0; t < Nthread; t++)
		pthread_create(&th[t], NULL, worker, (void *)t);
	sum = 0;
	for(t = 0; t < Nthread; t++){
		pthread_join(th[t], &r);
		sum += (long)r;
	}
	printf("%ld\n", sum);
	return 0;
}
