/*
 * Known call chains for the unwinder's tests (tests/8NN-unwind-*):
 * "unw-chain 1" stops (int3) in hot called main -> a -> b -> hot,
 * "unw-chain 2" in hot called main -> c -> b -> hot. Every function is
 * kept (noinline, noclone) and calls without a tail call (work after
 * the call). With -DFRAME hot keeps a frame of its own (a volatile
 * local), so with -fno-omit-frame-pointer it pushes rbp before the
 * trap; without, hot is a leaf with no frame.
 */
#include <stdlib.h>

volatile int sink;
int which;

__attribute__((noinline, noclone)) void
hot(int n)
{
#ifdef FRAME
	volatile int v[4];

	v[0] = n;
	__asm__ volatile("" ::: "memory");
	if(v[0] == which)
		__asm__ volatile("int3");
	sink += v[0];
#else
	if(n == which)
		__asm__ volatile("int3");
	sink += n;
#endif
}

__attribute__((noinline, noclone)) void
b(int n)
{
	hot(n);
	sink++;
}

__attribute__((noinline, noclone)) void
a(void)
{
	b(1);
	sink++;
}

__attribute__((noinline, noclone)) void
c(void)
{
	b(2);
	sink++;
}

int
main(int argc, char **argv)
{
	which = argc > 1 ? atoi(argv[1]) : 0;
	a();
	c();
	return 0;
}
