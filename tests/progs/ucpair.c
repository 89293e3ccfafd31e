/*
 * Two coroutines taking turns (461-rt-ucontext-pair): main's run() starts
 * ping, which N = 500 times calls pingstep() (pingwork(), then pass() to
 * pong); pong likewise with pongstep(), pongwork(), pass() to ping.
 * Ping's last pass goes to pong, whose last pass goes back to ping, which
 * returns, to main (uc_link); main's second run() resumes pong, whose
 * loop ends, and it returns to main too. By construction:
 *	main	1	-> run 2
 *	ping	1	-> pingstep N -> pingwork N, pass N
 *	pong	1	-> pongstep N -> pongwork N, pass N
 * Prints the program's own counts.
 */
#include <stdio.h>
#include <ucontext.h>

enum { N = 500 };

static ucontext_t mainctx, pingctx, pongctx;
static char pingstack[128 * 1024], pongstack[128 * 1024];
static long nmain, nrun, nping, npong, npingstep, npongstep, npingwork, npongwork, npass;

__attribute__((noinline)) static void
pass(ucontext_t *from, ucontext_t *to)
{
	npass++;
	swapcontext(from, to);
}

__attribute__((noinline)) static void
pingwork(void)
{
	npingwork++;
}

__attribute__((noinline)) static void
pongwork(void)
{
	npongwork++;
}

__attribute__((noinline)) static void
pingstep(void)
{
	npingstep++;
	pingwork();
	pass(&pingctx, &pongctx);
}

__attribute__((noinline)) static void
pongstep(void)
{
	npongstep++;
	pongwork();
	pass(&pongctx, &pingctx);
}

static void
ping(void)
{
	int i;

	nping++;
	for(i = 0; i < N; i++)
		pingstep();
}

static void
pong(void)
{
	int i;

	npong++;
	for(i = 0; i < N; i++)
		pongstep();
}

__attribute__((noinline)) static void
run(ucontext_t *c)
{
	nrun++;
	swapcontext(&mainctx, c);
}

static void
make(ucontext_t *c, char *stack, size_t size, void (*fn)(void))
{
	getcontext(c);
	c->uc_stack.ss_sp = stack;
	c->uc_stack.ss_size = size;
	c->uc_link = &mainctx;
	makecontext(c, fn, 0);
}

int
main(void)
{
	nmain++;
	make(&pingctx, pingstack, sizeof pingstack, ping);
	make(&pongctx, pongstack, sizeof pongstack, pong);
	run(&pingctx);
	run(&pongctx);
	printf("main %ld run %ld ping %ld pong %ld pingstep %ld pongstep %ld pingwork %ld pongwork %ld pass %ld\n",
		nmain, nrun, nping, npong, npingstep, npongstep, npingwork, npongwork, npass);
	return 0;
}
