/*
 * A generator (460-rt-ucontext): main calls resume() N = 1000 times, each
 * switching to a coroutine and back, and other() after each. The
 * coroutine's start function gen loops calling step(), which calls
 * work() and then yield(), whose swapcontext goes back to main: gen,
 * step and yield stay active while main runs. By construction:
 *	main	1	-> resume N, other N
 *	gen	1	(a path of its own) -> step N -> work N, yield N
 * With an argument, work() and other() each burn that many us of CPU
 * time per call. Prints the program's own counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <ucontext.h>

enum { N = 1000 };

static ucontext_t mainctx, genctx;
static char stack[256 * 1024];
static long nmain, nresume, nother, ngen, nstep, nwork, nyield;
static long burnus;

__attribute__((noinline)) static void
burn(void)
{
	struct timespec t0, t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
	do
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	while(burnus > 0 && (t.tv_sec - t0.tv_sec) * 1000000 + (t.tv_nsec - t0.tv_nsec) / 1000 < burnus);
}

__attribute__((noinline)) static void
work(void)
{
	nwork++;
	burn();
}

__attribute__((noinline)) static void
yield(void)
{
	nyield++;
	swapcontext(&genctx, &mainctx);
}

__attribute__((noinline)) static void
step(void)
{
	nstep++;
	work();
	yield();
}

static void
gen(void)
{
	ngen++;
	for(;;)
		step();
}

__attribute__((noinline)) static void
resume(void)
{
	nresume++;
	swapcontext(&mainctx, &genctx);
}

__attribute__((noinline)) static void
other(void)
{
	nother++;
	burn();
}

int
main(int argc, char **argv)
{
	int i;

	nmain++;
	if(argc > 1)
		burnus = atol(argv[1]);
	getcontext(&genctx);
	genctx.uc_stack.ss_sp = stack;
	genctx.uc_stack.ss_size = sizeof stack;
	genctx.uc_link = NULL;
	makecontext(&genctx, gen, 0);
	for(i = 0; i < N; i++){
		resume();
		other();
	}
	printf("gen %ld main %ld other %ld resume %ld step %ld work %ld yield %ld\n",
		ngen, nmain, nother, nresume, nstep, nwork, nyield);
	return 0;
}
