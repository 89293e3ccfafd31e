/*
 * Frames the unwinder cannot or can only just follow (tests/804):
 * "unw-nocfi 1" stops (int3) in hot called main -> nocfi -> hot,
 * "unw-nocfi 2" in hot called main -> nocfifp -> hot; nocfi and
 * nocfifp are in unw-nocfi.S, with no CFI. main keeps a frame pointer
 * (built -fno-omit-frame-pointer), so rbp in nocfi is main's.
 */
#include <stdlib.h>

volatile int sink;
int which;
void nocfi(int n);
void nocfifp(int n);

__attribute__((noinline, noclone)) void
hot(int n)
{
	if(n == which)
		__asm__ volatile("int3");
	sink += n;
}

int
main(int argc, char **argv)
{
	which = argc > 1 ? atoi(argv[1]) : 0;
	nocfi(1);
	nocfifp(2);
	sink++;
	return 0;
}
