/*
 * tprof-out (tests/506): spends its CPU time outside its own text, half
 * in libc's memset (large buffers: the time is in the copy loop) and half
 * in the kernel (a getppid system call loop: entry, exit and the call),
 * each phase until it has used -s seconds of CPU time (default 0.5).
 * Prints "cpu N" (ms, getrusage) at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static char buf[1 << 18];

static long
cpums(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000L +
		(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
}

int
main(int argc, char *argv[])
{
	long end, i;
	double s;

	s = argc > 2 && strcmp(argv[1], "-s") == 0 ? atof(argv[2]) : 0.5;
	end = cpums() + (long)(s * 1000);
	for(i = 0; cpums() < end; i++)
		memset(buf, (int)i, sizeof buf);
	end = cpums() + (long)(s * 1000);
	while(cpums() < end)
		for(i = 0; i < 1000; i++)
			syscall(SYS_getppid);
	printf("cpu %ld\n", cpums());
	return buf[100] == 1;	/* so memset is not optimized away */
}
