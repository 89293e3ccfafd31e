/*
 * The hooks leave errno alone (427-rt-errno): peek returns errno as it
 * finds it, and show returns errno after peek returned (its exit hook run).
 * Checked for a thread's first call (its tree is made then), an ordinary
 * call, and the first call after prof() (the tree is made afresh), each
 * with errno set just before by code that is not instrumented. Prints
 * "ok" when every check held, else which failed.
 */
#include <errno.h>
#include <prof.h>
#include <pthread.h>
#include <stdio.h>

static int bad;

__attribute__((noinline)) static int
peek(void)
{
	return errno;
}

__attribute__((noinline)) static int
show(void)
{
	peek();
	return errno;
}

__attribute__((no_instrument_function)) static void
check(const char *what, int e)
{
	int got;

	errno = e;
	got = peek();
	if(got != e){
		printf("%s: entry: errno %d, want %d\n", what, got, e);
		bad = 1;
	}
	errno = e;
	got = show();
	if(got != e){
		printf("%s: exit: errno %d, want %d\n", what, got, e);
		bad = 1;
	}
}

__attribute__((no_instrument_function)) static void *
thread(void *v)
{
	check("new thread's first call", EDOM);
	return v;
}

__attribute__((no_instrument_function)) static void
fn(void *v)
{
	(void)v;
	check("first call after prof()", ERANGE);
}

int
main(void)
{
	pthread_t t;

	check("ordinary call", EILSEQ);
	pthread_create(&t, NULL, thread, NULL);
	pthread_join(t, NULL);
	prof(fn, NULL, 100, Profuser);
	if(!bad)
		printf("ok\n");
	return 0;
}
