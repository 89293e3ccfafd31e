/*
 * script (455-rt-exec-script): execvp(argv[1], argv + 1), or with
 * argv[1] "-l" execlp(argv[2], argv[2], "a b", "c", NULL); if the exec
 * fails, prints the error and exits 3. Before it calls work twice: by
 * construction the profile written just before the exec holds main 1,
 * work 2.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
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
	if(argc < 2)
		return 2;
	work();
	work();
	fflush(stdout);
	if(strcmp(argv[1], "-l") == 0 && argc > 2)
		execlp(argv[2], argv[2], "a b", "c", (char *)NULL);
	else
		execvp(argv[1], argv + 1);
	printf("exec failed: %s\n", strerror(errno));
	return 3;
}
