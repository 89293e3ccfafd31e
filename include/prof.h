/*
 * prof.h: the profiling runtime's interface (link with -lprof; compile
 * the code to profile with -finstrument-functions). See prof(3).
 */
#ifndef PROF_H
#define PROF_H

#ifdef __cplusplus
extern "C" {
#endif

/* What prof() measures; the proftype environment variable names the same. */
enum
{
	Profoff,	/* no profiling: fn runs, no file is written */
	Profuser,	/* user-mode time (user) */
	Profkernel,	/* user+kernel time (kernel) */
	Proftime,	/* elapsed time (elapsed, time) */
	Profsample	/* user time in clock ticks (sample) */
};

/*
 * Profile fn(arg) afresh with a buffer of entries call-path nodes per
 * thread, measuring what; when fn returns, write prof.<pid> and stop
 * profiling. For a forked child, which is otherwise not profiled.
 */
void prof(void (*fn)(void *), void *arg, int entries, int what);

#ifdef __cplusplus
}
#endif

#endif
