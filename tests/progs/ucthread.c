/*
 * A coroutine resumed by two threads (463-rt-ucontext-thread): main
 * makes a generator (start function gen: step() -> work(), yield())
 * and resumes it K = 100 times; then a thread, tfn, resumes it K times
 * (gen, step and yield, switched out in main, go on there), then main K
 * more. yield() goes back to whoever resumed. The threads' trees merge:
 *	main	1	-> resume 2K
 *	tfn	1	-> resume K
 *	gen	1	(a path of its own) -> step 3K -> work 3K, yield 3K
 * Prints the program's own counts.
 */
#include <pthread.h>
#include <stdio.h>
#include <ucontext.h>

enum { K = 100 };

static ucontext_t genctx, *caller;
static char stack[128 * 1024];
static long ngen, nmain, nresume, nstep, ntfn, nwork, nyield;

__attribute__((noinline)) static void
work(void)
{
	nwork++;
}

__attribute__((noinline)) static void
yield(void)
{
	nyield++;
	swapcontext(&genctx, caller);
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
	ucontext_t self;

	nresume++;
	caller = &self;
	swapcontext(&self, &genctx);
}

static void *
tfn(void *v)
{
	int i;

	(void)v;
	ntfn++;
	for(i = 0; i < K; i++)
		resume();
	return NULL;
}

int
main(void)
{
	pthread_t t;
	int i;

	nmain++;
	getcontext(&genctx);
	genctx.uc_stack.ss_sp = stack;
	genctx.uc_stack.ss_size = sizeof stack;
	genctx.uc_link = NULL;
	makecontext(&genctx, gen, 0);
	for(i = 0; i < K; i++)
		resume();
	if(pthread_create(&t, NULL, tfn, NULL) != 0 || pthread_join(t, NULL) != 0)
		return 1;
	for(i = 0; i < K; i++)
		resume();
	printf("gen %ld main %ld resume %ld step %ld tfn %ld work %ld yield %ld\n",
		ngen, nmain, nresume, nstep, ntfn, nwork, nyield);
	return 0;
}
