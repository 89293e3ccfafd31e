/*
 * runst [-p] file command [arg ...]: run command and write to file how
 * it ended, as wait(2) tells: "exit N", or "signal N" with " core" if it
 * dumped core.
 * -p: its standard error is a pipe whose reading end is closed (a write
 * there raises SIGPIPE). The runtime tests (45N-rt-*) compare profiled
 * and unprofiled programs with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	int p[2], st, pipeerr;
	const char *file;
	pid_t pid;
	FILE *f;

	pipeerr = argc > 1 && strcmp(argv[1], "-p") == 0;
	argv += 1 + pipeerr;
	if(argv[0] == NULL || argv[1] == NULL){
		fprintf(stderr, "usage: runst [-p] file command [arg ...]\n");
		return 2;
	}
	file = *argv++;
	if(pipeerr && pipe(p) < 0){
		perror("runst: pipe");
		return 1;
	}
	pid = fork();
	if(pid < 0){
		perror("runst: fork");
		return 1;
	}
	if(pid == 0){
		if(pipeerr){
			close(p[0]);
			dup2(p[1], 2);
			close(p[1]);
		}
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	if(pipeerr){
		close(p[0]);
		close(p[1]);
	}
	if(waitpid(pid, &st, 0) < 0){
		perror("runst: waitpid");
		return 1;
	}
	f = fopen(file, "w");
	if(f == NULL){
		perror(file);
		return 1;
	}
	if(WIFSIGNALED(st))
		fprintf(f, "signal %d%s\n", WTERMSIG(st), WCOREDUMP(st) ? " core" : "");
	else
		fprintf(f, "exit %d\n", WEXITSTATUS(st));
	return fclose(f) == 0 ? 0 : 1;
}
