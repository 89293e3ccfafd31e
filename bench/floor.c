/*
 * floor: the least a call-path profiler's hooks can do, for
 * bench/runtime.sh. Linked into a program built with
 * -finstrument-functions instead of libprof: the entry hook reads the
 * cycle counter and pushes a frame on a per-thread shadow stack, the
 * exit hook reads it again, pops the frame and adds the time to a sum.
 * No call tree, no counts.
 *	-DEMPTY	hooks that do nothing at all
 *	-DPUSH	the shadow-stack push and pop alone, no clock: the least
 *		any hook that follows call paths does (the sample mode's floor)
 *	-DCOUNT	count the entries too and print "floor calls N" on stderr
 *		at exit (a separate build: the count is not in the floor)
 */
#include <stdint.h>
#include <stdio.h>
#include <x86intrin.h>

#define NI __attribute__((no_instrument_function))

void __cyg_profile_func_enter(void *fn, void *site) NI;
void __cyg_profile_func_exit(void *fn, void *site) NI;

#ifdef EMPTY

void
__cyg_profile_func_enter(void *fn, void *site)
{
	(void)fn;
	(void)site;
}

void
__cyg_profile_func_exit(void *fn, void *site)
{
	(void)fn;
	(void)site;
}

#else

enum { Maxdepth = 1 << 16 };

typedef struct Frame Frame;
struct Frame
{
	void *fn;
	uint64_t t0;
};

static __thread __attribute__((tls_model("initial-exec"))) Frame stack[Maxdepth];
static __thread __attribute__((tls_model("initial-exec"))) uint32_t depth;
static __thread __attribute__((tls_model("initial-exec"))) uint64_t total;
#ifdef COUNT
static uint64_t ncalls;
#endif

void
__cyg_profile_func_enter(void *fn, void *site)
{
	Frame *f;

	(void)site;
#ifdef COUNT
	ncalls++;
#endif
	if(depth >= Maxdepth)
		return;
	f = &stack[depth++];
	f->fn = fn;
#ifndef PUSH
	f->t0 = __rdtsc();
#endif
}

void
__cyg_profile_func_exit(void *fn, void *site)
{
	(void)fn;
	(void)site;
	if(depth == 0)
		return;
#ifdef PUSH
	total += (uint64_t)stack[--depth].fn;
#else
	total += __rdtsc() - stack[--depth].t0;
#endif
}

/* reads the sum, so the stores to it stay */
__attribute__((destructor, no_instrument_function)) static void
floorend(void)
{
#ifdef COUNT
	fprintf(stderr, "floor calls %llu\n", (unsigned long long)ncalls);
#endif
	if(total == 1)
		fprintf(stderr, "floor: %llu cycles\n", (unsigned long long)total);
}

#endif
