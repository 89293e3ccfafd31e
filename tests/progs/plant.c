/*
 * A symlink planted at prof.<pid> (416-rt-symlink): the program makes
 * prof.<its pid> a symbolic link to argv[1] first, then calls work 3
 * times. By construction: main 1, work 3. Prints its pid.
 */
#include <stdio.h>
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
	char name[64];

	if(argc < 2)
		return 2;
	snprintf(name, sizeof name, "prof.%d", (int)getpid());
	if(symlink(argv[1], name) < 0){
		perror(name);
		return 1;
	}
	work();
	work();
	work();
	printf("%d\n", (int)getpid());
	return 0;
}
