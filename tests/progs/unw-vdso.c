/*
 * A chain through the vdso for the unwinder's tests (tests/806): main
 * -> spin -> clock_gettime (libc) -> the vdso's clock_gettime, called
 * over and over for at most 20 seconds (the test stops it before).
 */
#include <time.h>

volatile long sink;

__attribute__((noinline, noclone)) void
spin(void)
{
	struct timespec t;
	time_t end;

	clock_gettime(CLOCK_MONOTONIC, &t);
	end = t.tv_sec + 20;
	do{
		clock_gettime(CLOCK_MONOTONIC, &t);
		sink += t.tv_nsec;
	}while(t.tv_sec < end);
}

int
main(void)
{
	spin();
	sink++;
	return 0;
}
