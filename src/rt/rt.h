/*
 * The profiling runtime's internals: process-wide state, the key the
 * hooks test, and the functions of the files with no header of their
 * own. Nothing here is instrumented (the runtime is built without
 * -finstrument-functions), and every function is hidden except prof(),
 * the two hooks and libc.c's. The rest: tree.h (a thread's call tree and
 * shadow stack), cfa.h (frames' rules), clock.h (the hooks' clock),
 * mods.h (the loaded objects), amd64.h (the machine).
 */
#ifndef RT_H
#define RT_H

#include <signal.h>
#include <stdint.h>
#include <time.h>

#include "amd64.h"
#include "proffile.h"

#define NI __attribute__((no_instrument_function))
#define RT __attribute__((visibility("hidden"), no_instrument_function))
#define EXPORT __attribute__((visibility("default"), no_instrument_function))
#define TLS __thread __attribute__((tls_model("initial-exec")))

/* rtkey() when not recording: no thread's key, busy or not (keyof's 0 busy is 1) */
#define Keyoff UINT64_MAX

typedef struct Thr Thr;

/* Process-wide state. */
typedef struct Rt Rt;
struct Rt
{
	volatile uint64_t *nkey;	/* ~ the key (rtkey): in a page a child made by any kind of fork finds zeroed */
	int on;			/* a profile is being made: cleared by fork and the dump */
	int offs;		/* prof(..., Profoff) calls running */
	int gen;		/* bumped by prof(): trees of older generations restart */
	int proftype;		/* Pf* of proffile.h */
	int mech;		/* M* of proffile.h */
	uint32_t profsize;
	int nomem;		/* a thread's tree could not be made in this profile */
	int pid;
	uint64_t mono0, tsc0;	/* for calibrating the cycle counter */
	double tscns;		/* first estimate of ns per cycle */
	uint64_t nsfx;		/* the same, 32.32 fixed point: the hooks' conversions raise no flag */
	uint64_t cycfx;		/* cycles per ns, 32.32 */
	uint64_t tickns;	/* Mticks: the kernel's clock tick */
	int ticking;		/* Mticks: the interval timer runs */
};

extern Rt rt __attribute__((visibility("hidden")));

/*
 * A thread's key is rtkey() when its hooks may take their common paths:
 * recording, the thread has a tree of this profile, no call deeper than
 * Maxdepth is active, and it is not inside a hook (the key's low bit,
 * busy: a signal handler's calls then go to the full paths, which ignore
 * them). One comparison tests it all.
 */
static inline __attribute__((always_inline, no_instrument_function)) uint64_t
keyfor(int gen)
{
	return 2 * (uint64_t)(uint32_t)gen + 2;
}

/*
 * The key every hook compares with its thread's: keyfor(gen) while on
 * and no Profoff runs, else Keyoff. It is kept complemented in a page
 * marked MADV_WIPEONFORK, so that in a child made by a raw clone or
 * syscall(SYS_fork), which no atfork handler sees, it reads Keyoff: the
 * child runs unprofiled (its hooks would read its parent's perf pages,
 * not mapped in it).
 */
static inline __attribute__((always_inline, no_instrument_function)) uint64_t
rtkey(void)
{
	return ~*rt.nkey;
}

static inline __attribute__((always_inline, no_instrument_function)) int
recording(void)
{
	return rtkey() != Keyoff;
}

/* hook.c: called by code compiled with -finstrument-functions (entry points in assembly) */
EXPORT void __cyg_profile_func_enter(void *fn, void *site);
EXPORT void __cyg_profile_func_exit(void *fn, void *site);
RT void profenter(void *fn, void *site, const uint64_t *slot, uintptr_t bp);
RT void profexit(void *fn, void *site, const uint64_t *slot, uintptr_t bp);

RT void hookmode(void);

/* dump.c */
RT int profdump(void);
RT int profdumpnext(char *name, size_t size);
RT void rtsay(const char *a, const char *b, const char *c);

/* sig.c */
RT void rtsiginit(void);
RT void rtdumpbegin(sigset_t *old);
RT void rtdumpend(const sigset_t *old);
RT void rtsigforkchild(void);
RT int rtsnapped(void);

/* libc.c */
extern const char rtlibc __attribute__((visibility("hidden")));

/* The implementations of libc.c's functions: exec.c, mods.c, sig.c, ctx.c */
typedef void (*Handler)(int);
RT int rtexecve(const char *path, char *const argv[], char *const envp[]);
RT int rtexecv(const char *path, char *const argv[]);
RT int rtexecvp(const char *file, char *const argv[]);
RT int rtexecvpe(const char *file, char *const argv[], char *const envp[]);
RT int rtfexecve(int fd, char *const argv[], char *const envp[]);
RT int rtdlclose(void *h);
RT int rtsigaction(int sig, const struct sigaction *act, struct sigaction *old);
RT Handler rtsignal(int sig, Handler h);
RT Handler rtbsdsignal(int sig, Handler h);
RT Handler rtsysvsignal(int sig, Handler h);
RT int rtsiginterrupt(int sig, int flag);
RT Handler rtsigset(int sig, Handler h);
RT int rtsigwait(const sigset_t *set, int *sig);
RT int rtsigwaitinfo(const sigset_t *set, siginfo_t *info);
RT int rtsigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *ts);
RT int rtsigpending(sigset_t *set);
RT int rtsignalfd(int fd, const sigset_t *mask, int flags);
RT void rtmakecontext(ucontext_t *uc, void (*fn)(void), int argc, va_list ap);
RT int rtswapcontext(ucontext_t *oucp, const ucontext_t *uc);
RT int rtsetcontext(const ucontext_t *uc);

/* init.c */
RT void rtstart(int proftype, uint32_t profsize);
RT void rtrecord(int on);
RT void rtoffs(int delta);

#endif
