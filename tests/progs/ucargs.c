/*
 * The ucontext wrappers behave as libc's (464-rt-ucontext-args): a start
 * function given 8 arguments and one given 40 (past the runtime's 32
 * passed as they came) gets each (argument i is 1000 + i); errno is as
 * the program left it across makecontext and swapcontext; setcontext
 * back to a point getcontext saved on main's own stack (a jump, as
 * longjmp) goes on there; a signal mask set in a context comes back with
 * it. Prints one line per check; the same built without profiling.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <ucontext.h>

static ucontext_t mainctx, c8, c40;
static char stack8[64 * 1024], stack40[64 * 1024];

static void
eight(long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7)
{
	printf("eight %d\n", a0 == 1000 && a1 == 1001 && a2 == 1002 && a3 == 1003 &&
		a4 == 1004 && a5 == 1005 && a6 == 1006 && a7 == 1007);
}

#define L10(p) long p##0, long p##1, long p##2, long p##3, long p##4, long p##5, long p##6, long p##7, long p##8, long p##9
static void
forty(L10(a), L10(b), L10(c), L10(d))
{
	long v[40] = { a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9,
		c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, d0, d1, d2, d3, d4, d5, d6, d7, d8, d9 };
	int i, ok;

	ok = 1;
	for(i = 0; i < 40; i++)
		ok &= v[i] == 1000 + i;
	printf("forty %d\n", ok);
}

static void
make(ucontext_t *c, char *stack, size_t size)
{
	getcontext(c);
	c->uc_stack.ss_sp = stack;
	c->uc_stack.ss_size = size;
	c->uc_link = &mainctx;
}

int
main(void)
{
	volatile int jumped;
	ucontext_t here;
	sigset_t s;

	make(&c8, stack8, sizeof stack8);
	errno = 42;
	makecontext(&c8, (void (*)(void))eight, 8, 1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L);
	printf("errno after makecontext %d\n", errno);
	errno = 43;
	swapcontext(&mainctx, &c8);
	printf("errno after swapcontext %d\n", errno);
	make(&c40, stack40, sizeof stack40);
	makecontext(&c40, (void (*)(void))forty, 40,
		1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L, 1009L,
		1010L, 1011L, 1012L, 1013L, 1014L, 1015L, 1016L, 1017L, 1018L, 1019L,
		1020L, 1021L, 1022L, 1023L, 1024L, 1025L, 1026L, 1027L, 1028L, 1029L,
		1030L, 1031L, 1032L, 1033L, 1034L, 1035L, 1036L, 1037L, 1038L, 1039L);
	swapcontext(&mainctx, &c40);
	jumped = 0;
	getcontext(&here);
	if(!jumped){
		jumped = 1;
		sigemptyset(&s);
		sigaddset(&s, SIGUSR1);
		sigprocmask(SIG_BLOCK, &s, NULL);
		setcontext(&here);
		printf("setcontext returned\n");
	}
	sigprocmask(SIG_BLOCK, NULL, &s);
	printf("jumped %d, SIGUSR1 blocked %d\n", jumped, sigismember(&s, SIGUSR1));
	return 0;
}
