/*
 * exec: every image's profile is kept, each under a name of its own (the
 * next image has the same pid), and a static program's execvp runs a
 * script without #! as glibc's does. The exported exec functions are in
 * libc.c.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "rt.h"

static char execfile[64];	/* what the last exec wrote; "" for nothing */

/*
 * exec*: write the profile first, to a file of its own: the new image
 * has the same pid, and its prof.<pid> must not replace this one. A
 * snapshot this image wrote there goes: the new file has all it had.
 */
static void
beforeexec(void)
{
	char snap[64];
	sigset_t m;
	Fpenv fe;

	execfile[0] = '\0';
	if(rt.on && rt.pid == getpid()){
		fpsave(&fe);
		rtdumpbegin(&m);
		rtrecord(0);
		if(profdumpnext(execfile, sizeof execfile) < 0)
			execfile[0] = '\0';
		else if(rtsnapped()){
			snprintf(snap, sizeof snap, "prof.%d", rt.pid);
			unlink(snap);
		}
		rtrecord(1);
		rtdumpend(&m);
		fprestore(&fe);
	}
}

/*
 * The exec failed (it returned r): profiling goes on, and the file
 * written at exit has all this one has.
 */
static int
execfailed(int r)
{
	int e;

	if(execfile[0] != '\0'){
		e = errno;
		unlink(execfile);
		execfile[0] = '\0';
		errno = e;
	}
	return r;
}

/* libc's function, or NULL in a static program (dlsym finds nothing there). */
static void *
real(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

static int
sysexecve(const char *path, char *const argv[], char *const envp[])
{
	return (int)syscall(SYS_execve, path, argv, envp);
}

/*
 * A file the kernel would not run (ENOEXEC) is run by the shell, as
 * glibc's execvp does: /bin/sh file arg1 ... (argv[0] is dropped).
 */
static void
shellexec(const char *file, char *const argv[], char *const envp[])
{
	size_t argc, rest;
	char **v;

	for(argc = 0; argv[argc] != NULL; argc++)
		;
	rest = argc > 1 ? argc : 1;	/* argv[1] on, and the NULL */
	v = alloca((rest + 2) * sizeof *v);
	v[0] = "/bin/sh";
	v[1] = (char *)file;
	memcpy(v + 2, argv + argc + 1 - rest, rest * sizeof *v);
	sysexecve(v[0], v, envp);
}

/* Try dir/file; 0 to go on with the next directory, -1 to give up. */
static int
tryexec(const char *dir, size_t dlen, const char *file, char *const argv[], char *const envp[], int *eacces)
{
	char buf[PATH_MAX];
	size_t flen;

	flen = strlen(file);
	if(dlen + flen + 2 > sizeof buf)
		return 0;
	memcpy(buf, dir, dlen);
	buf[dlen] = '/';
	/* an empty directory is the current one: the name alone, as glibc tries it */
	memcpy(buf + (dlen > 0 ? dlen + 1 : 0), file, flen + 1);
	sysexecve(buf, argv, envp);
	if(errno == ENOEXEC)
		shellexec(buf, argv, envp);
	switch(errno){
	case EACCES:
		*eacces = 1;
		/* fall through */
	case ENOENT:
	case ESTALE:
	case ENOTDIR:
	case ENODEV:
	case ETIMEDOUT:
		return 0;
	}
	return -1;
}

/*
 * execvpe without libc's (a static program's): glibc's search of $PATH,
 * the errors it passes over, and its retry through /bin/sh.
 */
static int
searchexec(const char *file, char *const argv[], char *const envp[])
{
	const char *p, *e;
	int eacces;

	if(*file == '\0'){
		errno = ENOENT;
		return -1;
	}
	if(strchr(file, '/') != NULL){
		sysexecve(file, argv, envp);
		if(errno == ENOEXEC)
			shellexec(file, argv, envp);
		return -1;
	}
	if(strnlen(file, NAME_MAX) >= NAME_MAX){
		errno = ENAMETOOLONG;
		return -1;
	}
	p = getenv("PATH");
	if(p == NULL)
		p = "/bin:/usr/bin";
	eacces = 0;
	for(;; p = e + 1){
		e = strchrnul(p, ':');
		if(tryexec(p, e - p, file, argv, envp, &eacces) < 0)
			return -1;
		if(*e == '\0')
			break;
	}
	if(eacces)
		errno = EACCES;
	return -1;
}

int
rtexecve(const char *path, char *const argv[], char *const envp[])
{
	int (*f)(const char *, char *const[], char *const[]) = real("execve");

	beforeexec();
	return execfailed(f != NULL ? f(path, argv, envp) : sysexecve(path, argv, envp));
}

int
rtexecv(const char *path, char *const argv[])
{
	int (*f)(const char *, char *const[]) = real("execv");

	beforeexec();
	return execfailed(f != NULL ? f(path, argv) : sysexecve(path, argv, environ));
}

int
rtexecvp(const char *file, char *const argv[])
{
	int (*f)(const char *, char *const[]) = real("execvp");

	beforeexec();
	return execfailed(f != NULL ? f(file, argv) : searchexec(file, argv, environ));
}

int
rtexecvpe(const char *file, char *const argv[], char *const envp[])
{
	int (*f)(const char *, char *const[], char *const[]) = real("execvpe");

	beforeexec();
	return execfailed(f != NULL ? f(file, argv, envp) : searchexec(file, argv, envp));
}

int
rtfexecve(int fd, char *const argv[], char *const envp[])
{
	int (*f)(int, char *const[], char *const[]) = real("fexecve");

	beforeexec();
	if(f == NULL)
		return execfailed((int)syscall(SYS_execveat, fd, "", argv, envp, AT_EMPTY_PATH));
	return execfailed(f(fd, argv, envp));
}
