/*
 * The libc functions the runtime interposes, each with why. Each stands
 * for libc's (found with dlsym, RTLD_NEXT; in a static program, where
 * the link then leaves libc's out, the runtime's own) and does the
 * runtime's part around it, in the file of that concern.
 */
#include <dlfcn.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <ucontext.h>
#include <unistd.h>

#include "rt.h"

/*
 * init.c refers to this, so that a static link takes these functions
 * whenever it takes the runtime, even for calls from objects after
 * libprof.a on the command line.
 */
const char rtlibc = 1;

/* POSIX.1-2001's, which glibc's header declares no more */
EXPORT Handler bsd_signal(int sig, Handler h);

/* exec*: the profile so far is written before the image goes (exec.c) */
EXPORT int
execve(const char *path, char *const argv[], char *const envp[])
{
	return rtexecve(path, argv, envp);
}

EXPORT int
execv(const char *path, char *const argv[])
{
	return rtexecv(path, argv);
}

/* and in a static program, a script without #! runs as glibc's execvp runs it */
EXPORT int
execvp(const char *file, char *const argv[])
{
	return rtexecvp(file, argv);
}

EXPORT int
execvpe(const char *file, char *const argv[], char *const envp[])
{
	return rtexecvpe(file, argv, envp);
}

EXPORT int
fexecve(int fd, char *const argv[], char *const envp[])
{
	return rtfexecve(fd, argv, envp);
}

/* The execl family's arguments, as execv* takes them. */
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

/* execl, execlp, execle: the arguments collected, then as execv, execvp, execve. */
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

/* dlclose: an unloaded object keeps its place in the module table, its calls named (mods.c) */
EXPORT int
dlclose(void *h)
{
	return rtdlclose(h);
}

/* sigaction: the runtime's handler ends the process where the program has SIG_DFL, and shows the program its own (sig.c) */
EXPORT int
sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	return rtsigaction(sig, act, old);
}

/* signal and its variants: libc's would set the action with a sigaction of its own, not ours (sig.c) */
EXPORT Handler
signal(int sig, Handler h)
{
	return rtsignal(sig, h);
}

EXPORT Handler
bsd_signal(int sig, Handler h)
{
	return rtbsdsignal(sig, h);
}

EXPORT Handler
sysv_signal(int sig, Handler h)
{
	return rtsysvsignal(sig, h);
}

/* what signal() is in a program compiled for strict ISO C */
EXPORT Handler
__sysv_signal(int sig, Handler h)
{
	return rtsysvsignal(sig, h);
}

/* glibc's ssignal is its signal */
EXPORT Handler
ssignal(int sig, Handler h)
{
	return rtsignal(sig, h);
}

/* siginterrupt: libc's keeps its own record of it, which our signal would not read */
EXPORT int
siginterrupt(int sig, int flag)
{
	return rtsiginterrupt(sig, flag);
}

EXPORT Handler
sigset(int sig, Handler h)
{
	return rtsigset(sig, h);
}

/* the sigwait family, signalfd and sigpending: sample mode's tick is the runtime's, never the program's (sig.c) */
EXPORT int
sigwait(const sigset_t *set, int *sig)
{
	return rtsigwait(set, sig);
}

EXPORT int
sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	return rtsigwaitinfo(set, info);
}

EXPORT int
sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *ts)
{
	return rtsigtimedwait(set, info, ts);
}

EXPORT int
sigpending(sigset_t *set)
{
	return rtsigpending(set);
}

EXPORT int
signalfd(int fd, const sigset_t *mask, int flags)
{
	return rtsignalfd(fd, mask, flags);
}

/* makecontext, swapcontext, setcontext: each context's calls on a shadow stack of its own (ctx.c) */
EXPORT void
makecontext(ucontext_t *uc, void (*fn)(void), int argc, ...)
{
	va_list ap;

	va_start(ap, argc);
	rtmakecontext(uc, fn, argc, ap);
	va_end(ap);
}

EXPORT int
swapcontext(ucontext_t *oucp, const ucontext_t *uc)
{
	return rtswapcontext(oucp, uc);
}

EXPORT int
setcontext(const ucontext_t *uc)
{
	return rtsetcontext(uc);
}
