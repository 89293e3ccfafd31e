/*
 * The runtime's life cycle: switched on before main from $proftype and
 * $profsize, flushed at exit and just before exec; a forked child is not
 * profiled unless it calls prof().
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "prof.h"
#include "proffile.h"
#include "rt.h"

enum { Maxprofsize = 100000000 };

Rt rt;

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
		rtsay("$profsize ", s, ": not a count from 1 to 100000000; using 2000");
		return Defprofsize;
	}
	return (uint32_t)n;
}

static void
atfork_child(void)
{
	rt.on = 0;
}

static void
atexit_dump(void)
{
	if(rt.on && rt.pid == getpid()){
		rt.on = 0;
		profdump();
	}
}

/* Begin a profile: every thread's tree starts afresh at its next call. */
void
rtstart(int proftype, uint32_t profsize)
{
	rt.on = 0;
	if(proftype != rt.proftype || rt.mech == 0)
		clockinit(proftype);
	rt.profsize = profsize;
	rt.pid = getpid();
	rt.gen++;
	rt.on = 1;
}

__attribute__((constructor, no_instrument_function)) static void
rtinit(void)
{
	rtstart(typeof_env(), size_env());
	pthread_atfork(NULL, NULL, atfork_child);
	atexit(atexit_dump);
}

EXPORT void
prof(void (*fn)(void *), void *arg, int entries, int what)
{
	static const int types[] = { 0, Pfuser, Pfkernel, Pfelapsed, Pfsample };
	int wason;

	if(what <= Profoff || what > Profsample){
		wason = rt.on;
		rt.on = 0;
		fn(arg);
		rt.on = wason;
		return;
	}
	rtstart(types[what], entries > 0 && entries <= Maxprofsize ? (uint32_t)entries : Defprofsize);
	fn(arg);
	rt.on = 0;
	profdump();
}

/* exec*: write the profile first; if exec fails, profiling goes on. */
static void
beforeexec(void)
{
	if(rt.on && rt.pid == getpid()){
		rt.on = 0;
		profdump();
		rt.on = 1;
	}
}

static void *
real(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

EXPORT int
execve(const char *path, char *const argv[], char *const envp[])
{
	int (*f)(const char *, char *const[], char *const[]) = real("execve");

	beforeexec();
	return f(path, argv, envp);
}

EXPORT int
execv(const char *path, char *const argv[])
{
	int (*f)(const char *, char *const[]) = real("execv");

	beforeexec();
	return f(path, argv);
}

EXPORT int
execvp(const char *file, char *const argv[])
{
	int (*f)(const char *, char *const[]) = real("execvp");

	beforeexec();
	return f(file, argv);
}

EXPORT int
execvpe(const char *file, char *const argv[], char *const envp[])
{
	int (*f)(const char *, char *const[], char *const[]) = real("execvpe");

	beforeexec();
	return f(file, argv, envp);
}

EXPORT int
fexecve(int fd, char *const argv[], char *const envp[])
{
	int (*f)(int, char *const[], char *const[]) = real("fexecve");

	beforeexec();
	return f(fd, argv, envp);
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
