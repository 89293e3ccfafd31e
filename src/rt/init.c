/*
 * The runtime's life cycle: switched on before main from $proftype and
 * $profsize, flushed at exit and just before exec; a forked child is not
 * profiled unless it calls prof().
 */
#include <alloca.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "prof.h"
#include "proffile.h"
#include "rt.h"

enum { Maxprofsize = 100000000 };

static volatile uint64_t nkey0 = ~Keyoff;	/* until rtinit has its page */
Rt rt = { .nkey = &nkey0 };

static int
typeof_env(void)
{
	const char *s;

	s = getenv("proftype");
	if(s == NULL || strcmp(s, "user") == 0)
		return Pfuser;
	if(strcmp(s, "kernel") == 0)
		return Pfkernel;
	if(strcmp(s, "elapsed") == 0 || strcmp(s, "time") == 0)
		return Pfelapsed;
	if(strcmp(s, "sample") == 0)
		return Pfsample;
	rtsay("$proftype ", s, ": unknown; using user");
	return Pfuser;
}

static uint32_t
size_env(void)
{
	const char *s;
	char *end;
	long n;

	s = getenv("profsize");
	if(s == NULL)
		return Defprofsize;
	n = strtol(s, &end, 0);
	if(*s == '\0' || *end != '\0' || n <= 0 || n > Maxprofsize){
		rtsay("$profsize ", s, ": not a count from 1 to 100000000; no limit");
		return Defprofsize;
	}
	return (uint32_t)n;
}

/* the key's parts change under keylock: two threads' changes must not cross */
static pthread_mutex_t keylock = PTHREAD_MUTEX_INITIALIZER;

static void
atfork_child(void)
{
	/* alone now; keylock may have been held by a thread that is gone */
	pthread_mutex_init(&keylock, NULL);
	rt.on = rt.offs = 0;
	*rt.nkey = ~Keyoff;
	rt.ticking = 0;		/* a child has no interval timer of its parent's */
	rtsigforkchild();
	thrforkchild();
}

#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK 18
#endif

/* The key's page (see rtkey); without MADV_WIPEONFORK (Linux < 4.14), nkey0. */
static void
keypage(void)
{
	uint64_t *p;

	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if(p == MAP_FAILED)
		return;
	if(madvise(p, 4096, MADV_WIPEONFORK) < 0){
		munmap(p, 4096);
		return;
	}
	*p = *rt.nkey;
	rt.nkey = p;
}

/* Even while another thread is inside Profoff: the profile so far. */
static void
atexit_dump(void)
{
	sigset_t m;
	Fpenv fe;

	if(rt.on && rt.pid == getpid()){
		fpsave(&fe);
		rtdumpbegin(&m);
		rtrecord(0);
		profdump();
		rtdumpend(&m);
		fprestore(&fe);
	}
}

/* The key, which every hook compares with its thread's: on, and no Profoff running. */
static void
setkey(void)
{
	*rt.nkey = ~(rt.on && rt.offs == 0 ? keyfor(rt.gen) : Keyoff);
}

/* A profile is being made, or not. */
void
rtrecord(int on)
{
	pthread_mutex_lock(&keylock);
	rt.on = on;
	setkey();
	pthread_mutex_unlock(&keylock);
}

/*
 * A Profoff call begins (1) or ends (-1): recording is off while any
 * runs. A forked child counts none: one that its thread was inside ends.
 */
void
rtoffs(int delta)
{
	pthread_mutex_lock(&keylock);
	if(rt.offs + delta >= 0)
		rt.offs += delta;
	setkey();
	pthread_mutex_unlock(&keylock);
}

/* Begin a profile: every thread's tree starts afresh at its next call. */
void
rtstart(int proftype, uint32_t profsize)
{
	Fpenv fe;
	int pid;

	fpsave(&fe);
	rtrecord(0);
	pid = getpid();
	/* a forked child has no interval timer of its parent's */
	if(proftype != rt.proftype || rt.mech == 0 || pid != rt.pid)
		clockinit(proftype);
	else
		clockresume();
	hookmode();
	rt.profsize = profsize;
	rt.nomem = 0;
	rt.pid = pid;
	thrlock();	/* not while a dump (another thread's prof()) reads this generation's trees */
	rt.gen++;
	modsforget();
	thrunlock();
	rtrecord(1);
	fprestore(&fe);
}

__attribute__((constructor, no_instrument_function)) static void
rtinit(void)
{
	keypage();
	rtstart(typeof_env(), size_env());
	rtsiginit();
	pthread_atfork(thrforkprepare, thrforkparent, atfork_child);
	atexit(atexit_dump);
}

EXPORT void
prof(void (*fn)(void *), void *arg, int entries, int what)
{
	static const int types[] = { 0, Pfuser, Pfkernel, Pfelapsed, Pfsample };
	sigset_t m;
	Fpenv fe;

	if(what <= Profoff || what > Profsample){
		rtoffs(1);
		fn(arg);
		rtoffs(-1);
		return;
	}
	rtstart(types[what], entries > 0 && entries <= Maxprofsize ? (uint32_t)entries : Defprofsize);
	fn(arg);
	fpsave(&fe);
	rtdumpbegin(&m);
	rtrecord(0);
	profdump();
	rtdumpend(&m);
	clockend();
	fprestore(&fe);
}

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

EXPORT int
execve(const char *path, char *const argv[], char *const envp[])
{
	int (*f)(const char *, char *const[], char *const[]) = real("execve");

	beforeexec();
	return execfailed(f != NULL ? f(path, argv, envp) : sysexecve(path, argv, envp));
}

EXPORT int
execv(const char *path, char *const argv[])
{
	int (*f)(const char *, char *const[]) = real("execv");

	beforeexec();
	return execfailed(f != NULL ? f(path, argv) : sysexecve(path, argv, environ));
}

EXPORT int
execvp(const char *file, char *const argv[])
{
	int (*f)(const char *, char *const[]) = real("execvp");

	beforeexec();
	return execfailed(f != NULL ? f(file, argv) : searchexec(file, argv, environ));
}

EXPORT int
execvpe(const char *file, char *const argv[], char *const envp[])
{
	int (*f)(const char *, char *const[], char *const[]) = real("execvpe");

	beforeexec();
	return execfailed(f != NULL ? f(file, argv, envp) : searchexec(file, argv, envp));
}

EXPORT int
fexecve(int fd, char *const argv[], char *const envp[])
{
	int (*f)(int, char *const[], char *const[]) = real("fexecve");

	beforeexec();
	if(f == NULL)
		return execfailed((int)syscall(SYS_execveat, fd, "", argv, envp, AT_EMPTY_PATH));
	return execfailed(f(fd, argv, envp));
}

/* The execl family: collect the arguments, then as execv*. */
static char **
listargs(const char *arg0, va_list ap, char ***envp)
{
	va_list aq;
	char **v;
	size_t n, i;

	va_copy(aq, ap);
	for(n = 1; va_arg(aq, char *) != NULL; n++)
		;
	va_end(aq);
	v = malloc((n + 1) * sizeof *v);
	if(v == NULL)
		return NULL;
	v[0] = (char *)arg0;
	for(i = 1; i <= n; i++)
		v[i] = va_arg(ap, char *);
	if(envp != NULL)
		*envp = va_arg(ap, char **);
	return v;
}

EXPORT int
execl(const char *path, const char *arg, ...)
{
	va_list ap;
	char **v;
	int r;

	va_start(ap, arg);
	v = listargs(arg, ap, NULL);
	va_end(ap);
	if(v == NULL)
		return -1;
	r = execv(path, v);
	free(v);
	return r;
}

EXPORT int
execlp(const char *file, const char *arg, ...)
{
	va_list ap;
	char **v;
	int r;

	va_start(ap, arg);
	v = listargs(arg, ap, NULL);
	va_end(ap);
	if(v == NULL)
		return -1;
	r = execvp(file, v);
	free(v);
	return r;
}

EXPORT int
execle(const char *path, const char *arg, ...)
{
	va_list ap;
	char **v, **envp;
	int r;

	va_start(ap, arg);
	v = listargs(arg, ap, &envp);
	va_end(ap);
	if(v == NULL)
		return -1;
	r = execve(path, v, envp);
	free(v);
	return r;
}
