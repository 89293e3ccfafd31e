/*
 * An instrumented shared object of the test's own, dlopen'ed by
 * tests/progs/host.c (417-rt-dlopen): plugfn(n) calls plughelper n times.
 */
static volatile int n;

__attribute__((noinline)) static void
plughelper(void)
{
	n++;
}

int
plugfn(int k)
{
	int i;

	for(i = 0; i < k; i++)
		plughelper();
	return n;
}
