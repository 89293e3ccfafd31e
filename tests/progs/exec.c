/*
 * exec (406-rt-exec): prints its pid, calls work 3 times, then doexec,
 * which replaces the image with /bin/true through the exec function named
 * by argv[1] (execv execve execvp execvpe execl execle execlp fexecve; or
 * "bad": execv of a file that does not exist). By construction the
 * profile written just before the exec holds:
 *	main	1
 *	work	3
 *	doexec	1
 * When the exec fails, doexec returns, main prints "exec failed", calls
 * after once and exits with status 5: the profile at exit has after 1 too.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern char **environ;
static volatile int sink;

__attribute__((noinline)) static void
work(void)
{
	sink++;
}

__attribute__((noinline)) static void
after(void)
{
	sink++;
}

__attribute__((noinline)) static void
doexec(const char *how)
{
	char *argv[] = { "true", NULL };
	int fd;

	if(strcmp(how, "execv") == 0)
		execv("/bin/true", argv);
	else if(strcmp(how, "execve") == 0)
		execve("/bin/true", argv, environ);
	else if(strcmp(how, "execvp") == 0)
		execvp("true", argv);
	else if(strcmp(how, "execvpe") == 0)
		execvpe("true", argv, environ);
	else if(strcmp(how, "execl") == 0)
		execl("/bin/true", "true", (char *)NULL);
	else if(strcmp(how, "execle") == 0)
		execle("/bin/true", "true", (char *)NULL, environ);
	else if(strcmp(how, "execlp") == 0)
		execlp("true", "true", (char *)NULL);
	else if(strcmp(how, "fexecve") == 0){
		fd = open("/bin/true", O_RDONLY | O_CLOEXEC);
		if(fd >= 0)
			fexecve(fd, argv, environ);
	}else
		execv("./no-such-program", argv);
}

int
main(int argc, char *argv[])
{
	int i;

	printf("%d\n", (int)getpid());
	fflush(stdout);
	for(i = 0; i < 3; i++)
		work();
	doexec(argc > 1 ? argv[1] : "bad");
	printf("exec failed\n");
	after();
	return 5;
}
