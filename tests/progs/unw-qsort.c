/*
 * A chain through libc for the unwinder's tests: main -> sortit ->
 * qsort (libc, built without frame pointers, its frames known only by
 * its .eh_frame) -> cmp -> hot, which stops (int3) on its first call.
 */
#include <stdlib.h>

volatile int sink;

__attribute__((noinline, noclone)) void
hot(int x)
{
	static int stopped;

	if(!stopped){
		stopped = 1;
		__asm__ volatile("int3");
	}
	sink += x;
}

__attribute__((noinline, noclone)) int
cmp(const void *a, const void *b)
{
	int x, y;

	x = *(const int *)a;
	y = *(const int *)b;
	hot(x);
	return (x > y) - (x < y);
}

__attribute__((noinline, noclone)) void
sortit(void)
{
	int v[2] = {2, 1};

	qsort(v, 2, sizeof v[0], cmp);
	sink += v[0];
}

int
main(void)
{
	sortit();
	return 0;
}
