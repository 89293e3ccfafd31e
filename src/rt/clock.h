/*
 * The hooks' clock: the current time of a thread in the mechanism's
 * units, read without a call while it can be (clock.c does the rest).
 */
#ifndef CLOCK_H
#define CLOCK_H

#include <stdint.h>

#include "amd64.h"
#include "proffile.h"
#include "rt.h"
#include "tree.h"

/* clock.c */
RT void clockinit(int proftype);
RT void clockend(void);
RT void clockresume(void);
RT uint64_t clockslow(Thr *t);
RT uint64_t clockother(Thr *t);
RT int clockthread(Thr *t);
RT void clockthreadend(Thr *t);
RT double clockunitns(void);
RT uint64_t monons(void);

/* The perf_event_mmap_page field we read: lock, bumped at every reschedule (checked in clock.c). */
#define PGLOCKOFF 8
#define PGLOCK(pg) (*(volatile uint32_t *)((volatile char *)(pg) + PGLOCKOFF))

/*
 * The current time of thread t in the mechanism's units; Mticks keeps
 * no time in the hooks (0): its ticks are charged to the running call
 * path by the tick's signal handler. Mtaskclock:
 * while the task-clock page's lock is unchanged the thread has not been
 * descheduled, so its CPU time (kept in cycles) advances with the cycle
 * counter; clockslow resyncs it with the kernel's count. clockfast is
 * the part that makes no call (0 when clockslow is needed).
 */
static inline __attribute__((always_inline, no_instrument_function)) int
clockfast(Thr *t, uint64_t *now)
{
	uint64_t tsc;
	uint32_t seq;
	int mech;

	mech = rt.mech;
	if(mech == Mticks){
		*now = 0;
		return 1;
	}
	if(mech == Mtsc){
		*now = cycles();
		return 1;
	}
	if(mech == Mtaskclock && t->pg != NULL){
		seq = PGLOCK(t->pg);
		__asm__ volatile("" ::: "memory");
		tsc = cycles();
		__asm__ volatile("" ::: "memory");
		if(seq == t->seq && PGLOCK(t->pg) == seq){
			*now = tsc - t->cpubase;
			return 1;
		}
	}
	return 0;	/* only clockslow can tell */
}

static inline __attribute__((always_inline, no_instrument_function)) uint64_t
clocknow(Thr *t)
{
	uint64_t now;

	return clockfast(t, &now) ? now : clockslow(t);
}

#endif
