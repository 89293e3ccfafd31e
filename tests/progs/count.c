/*
 * Calls counted by its argument (421-rt-newest, 422-rt-buildid): main
 * calls work argv[1] times (default 1). By construction: main 1, work N.
 * Prints its pid.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile int n;

__attribute__((noinline)) static void
work(void)
{
	n++;
}

int
main(int argc, char *argv[])
{
	int i, k;

	k = argc > 1 ? atoi(argv[1]) : 1;
	for(i = 0; i < k; i++)
		work();
	printf("%d\n", (int)getpid());
	return 0;
}
