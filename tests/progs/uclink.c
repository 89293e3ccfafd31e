/*
 * Coroutines that end (462-rt-ucontext-link): M = 100 times, main's
 * runco() makes a coroutine first (on the same stack each time) whose
 * uc_link is a second one, second (made on another stack), whose uc_link
 * is main's context; it switches to first, which calls work1() K = 3
 * times and returns, so libc switches to second, which calls work2()
 * once and returns, back into runco. Then main calls after(). A stack
 * used again starts afresh; main's frames (main, runco) are as they
 * were. By construction:
 *	main	1	-> runco M, after M
 *	first	M	(a path of its own) -> work1 M*K
 *	second	M	(a path of its own) -> work2 M
 * Prints the program's own counts.
 */
#include <stdio.h>
#include <ucontext.h>

enum { M = 100, K = 3 };

static ucontext_t mainctx, firstctx, secondctx;
static char stack1[128 * 1024], stack2[128 * 1024];
static long nafter, nfirst, nmain, nrunco, nsecond, nwork1, nwork2;

__attribute__((noinline)) static void
work1(void)
{
	nwork1++;
}

__attribute__((noinline)) static void
work2(void)
{
	nwork2++;
}

static void
first(void)
{
	int i;

	nfirst++;
	for(i = 0; i < K; i++)
		work1();
}

static void
second(void)
{
	nsecond++;
	work2();
}

static void
make(ucontext_t *c, char *stack, size_t size, ucontext_t *link, void (*fn)(void))
{
	getcontext(c);
	c->uc_stack.ss_sp = stack;
	c->uc_stack.ss_size = size;
	c->uc_link = link;
	makecontext(c, fn, 0);
}

__attribute__((noinline)) static void
runco(void)
{
	nrunco++;
	make(&firstctx, stack1, sizeof stack1, &secondctx, first);
	make(&secondctx, stack2, sizeof stack2, &mainctx, second);
	swapcontext(&mainctx, &firstctx);
}

__attribute__((noinline)) static void
after(void)
{
	nafter++;
}

int
main(void)
{
	int i;

	nmain++;
	for(i = 0; i < M; i++){
		runco();
		after();
	}
	printf("after %ld first %ld main %ld runco %ld second %ld work1 %ld work2 %ld\n",
		nafter, nfirst, nmain, nrunco, nsecond, nwork1, nwork2);
	return 0;
}
