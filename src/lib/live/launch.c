/* Run a command under ptrace, stopped before its first instruction. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "live/live.h"

/*
 * The child: wait until the parent has attached (the go pipe closes),
 * then exec. If exec fails, its errno goes up the error pipe, which
 * exec would have closed.
 */
static void
child(char **argv, int go, int err)
{
	sigset_t none;
	char c;
	int e;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);	/* the command gets a clean mask */
	while(read(go, &c, 1) < 0 && errno == EINTR)
		;
	execvp(argv[0], argv);
	e = errno;
	if(write(err, &e, sizeof e) < 0)
		_exit(127);
	_exit(127);
}

/* Wait for pid's exec stop; pass on any signal that comes first. 0, or -1 if it exited. */
static int
execstop(int pid)
{
	int st;

	for(;;){
		if(waitpid(pid, &st, __WALL) < 0){
			if(errno == EINTR)
				continue;
			return -1;
		}
		if(!WIFSTOPPED(st))
			return -1;
		if(st >> 8 == (SIGTRAP | PTRACE_EVENT_EXEC << 8))
			return 0;
		/* a signal-delivery stop (not an event): deliver it */
		ptrace(PTRACE_CONT, pid, 0, st >> 16 == 0 ? WSTOPSIG(st) : 0);
	}
}

/* The error after the child failed to exec: its errno from the pipe. */
static void
execerror(const char *cmd, int err)
{
	int e;

	if(read(err, &e, sizeof e) == (ssize_t)sizeof e)
		werrstr("%s: %s", cmd, strerror(e));
	else
		werrstr("%s: exited before it could be run", cmd);
}

enum
{
	Opts = PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC,
};

int
launch(char **argv)
{
	int go[2], err[2], pid, e;

	if(pipe2(go, O_CLOEXEC) < 0){
		werrstr("pipe: %s", strerror(errno));
		return -1;
	}
	if(pipe2(err, O_CLOEXEC) < 0){
		werrstr("pipe: %s", strerror(errno));
		close(go[0]);
		close(go[1]);
		return -1;
	}
	pid = fork();
	if(pid == 0){
		close(go[1]);
		close(err[0]);
		child(argv, go[0], err[1]);
	}
	e = errno;
	close(go[0]);
	close(err[1]);
	if(pid < 0){
		close(go[1]);
		close(err[0]);
		werrstr("fork: %s", strerror(e));
		return -1;
	}
	if(ptrace(PTRACE_SEIZE, pid, 0, Opts) < 0){
		werrstr("ptrace: %s: %s", argv[0], strerror(errno));
		kill(pid, SIGKILL);
		close(go[1]);
		close(err[0]);
		waitpid(pid, NULL, 0);
		return -1;
	}
	close(go[1]);	/* go */
	if(execstop(pid) < 0){
		execerror(argv[0], err[0]);	/* execstop reaped it */
		close(err[0]);
		return -1;
	}
	close(err[0]);
	return pid;
}

int
endchild(int pid)
{
	int i, r, st;

	kill(pid, SIGTERM);
	for(i = 0; ; i++){
		r = waitpid(pid, &st, WNOHANG);
		if(r == pid)
			return st;
		if(r < 0 && errno != EINTR)
			return 0;	/* waited for already */
		if(i == 200)
			kill(pid, SIGKILL);	/* 2 s after SIGTERM */
		usleep(10000);
	}
}
