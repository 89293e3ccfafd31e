/*
 * tp-lib (bench/tprof.sh): one of the shared objects bench/tp-work.c
 * loads with -l. Built with -DN=n -shared -fPIC as libtpN.so, it defines
 * tpN_0 .. tpN_3; tpN_j(x, n) runs (j+1)*n turns of a multiply-add loop.
 */
#ifndef N
#error build with -DN=number
#endif

#define CAT_(a, b, c) a##b##_##c
#define CAT(a, b, c) CAT_(a, b, c)
#define FN(j) CAT(tp, N, j)

unsigned long FN(0)(unsigned long, unsigned long);
unsigned long FN(1)(unsigned long, unsigned long);
unsigned long FN(2)(unsigned long, unsigned long);
unsigned long FN(3)(unsigned long, unsigned long);

static unsigned long
loop(unsigned long x, unsigned long n, unsigned long k)
{
	unsigned long i;

	for(i = 0; i < n; i++)
		x = x * 2862933555777941757ul + i + k;
	return x;
}

__attribute__((noinline)) unsigned long
FN(0)(unsigned long x, unsigned long n)
{
	return loop(x, n, 0);
}

__attribute__((noinline)) unsigned long
FN(1)(unsigned long x, unsigned long n)
{
	return loop(x, 2 * n, 1);
}

__attribute__((noinline)) unsigned long
FN(2)(unsigned long x, unsigned long n)
{
	return loop(x, 3 * n, 2);
}

__attribute__((noinline)) unsigned long
FN(3)(unsigned long x, unsigned long n)
{
	return loop(x, 4 * n, 3);
}
