/*
 * fenv (465-rt-fenv): prints whether the floating-point inexact flag is
 * raised at main's start, after 100000 calls, in a thread after two
 * calls, and after exit (a destructor, which runs after the runtime's
 * profile is written), the flag cleared before each; the program itself
 * does no floating point, so each is 0. Calls of f: 100002.
 */
#include <fenv.h>
#include <pthread.h>
#include <stdio.h>

__attribute__((noinline)) static int
f(int x)
{
	return x + 1;
}

static void *
tfn(void *a)
{
	int r;

	feclearexcept(FE_ALL_EXCEPT);
	r = f(1) + f(2);
	printf("thread: inexact %d (%d)\n", fetestexcept(FE_INEXACT) != 0, r);
	return a;
}

__attribute__((destructor)) static void
atend(void)
{
	printf("after exit: inexact %d\n", fetestexcept(FE_INEXACT) != 0);
}

int
main(void)
{
	pthread_t t;
	int i, r;

	printf("start: inexact %d\n", fetestexcept(FE_INEXACT) != 0);
	feclearexcept(FE_ALL_EXCEPT);
	for(i = 0, r = 0; i < 100000; i++)
		r += f(i);
	printf("after calls: inexact %d (%d)\n", fetestexcept(FE_INEXACT) != 0, r);
	pthread_create(&t, NULL, tfn, NULL);
	pthread_join(t, NULL);
	fflush(stdout);
	feclearexcept(FE_ALL_EXCEPT);
	return 0;
}
