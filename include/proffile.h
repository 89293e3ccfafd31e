/*
 * The prof.<pid> file written by the runtime and read by prof: the
 * contract between them, described in prof(5). All fields little-endian.
 *
 *	header		Pfhdr
 *	modules		nmod of: Pfmod, then path (pathlen bytes), build-id
 *			(idlen bytes), zero padding to a multiple of 8
 *	threads		nthread of: Pfthr
 *	nodes		nnode of: Pfnode
 *
 * A node's pc is off bytes into module mod (the address is the module's
 * bias + off), or the address off itself when mod is Pfnomod. Links are
 * node indices, Pfnolink for none; children are chained newest first.
 */
#ifndef PROFFILE_H
#define PROFFILE_H

#include <stdint.h>

#define PFMAGIC "PROF9LX\n"
enum
{
	Pfversion = 1,
	Pfnolink = 0xFFFFFFFFu,
	Pfnomod = 0xFFFFFFFFu,
	Pfmaxdepth = 1 << 20,	/* calls nested deeper are not recorded (counted in lost) */
};

/* proftype values */
enum
{
	Pfuser = 1,
	Pfkernel,
	Pfelapsed,
	Pfsample,
	Pfstacks,	/* call stacks sampled (tprof -g): a node's count is its self samples, times in periods */
};

/* How the times were measured: the mechanism actually used */
enum
{
	Mtsc = 1,	/* invariant cycle counter, calibrated: elapsed time */
	Mmonotonic,	/* CLOCK_MONOTONIC: elapsed time */
	Mthreadcpu,	/* CLOCK_THREAD_CPUTIME_ID at every hook: user+kernel */
	Mtaskclock,	/* cycle counter resynced with thread CPU time at each reschedule: user+kernel */
	Mticks,		/* ticks of process user time (ITIMER_VIRTUAL), charged to the thread running */
	Mrdpmc,		/* user-mode cycles of a per-thread hardware counter read with rdpmc: user time */
	Mperfclock,	/* Pfstacks: perf's cpu-clock, a sample every period of CPU time */
	Mptrace,	/* Pfstacks: threads interrupted with ptrace after a period of CPU time */
};

typedef struct Pfhdr Pfhdr;
struct Pfhdr
{
	char magic[8];
	uint32_t version;
	uint32_t proftype;
	uint32_t mechanism;
	uint32_t profsize;	/* nodes per thread */
	uint64_t unitns;	/* nanoseconds per time unit */
	uint64_t lost;		/* calls not recorded: buffer full, or deeper than Pfmaxdepth */
	uint32_t nmod;
	uint32_t nthread;
	uint32_t nnode;
	uint32_t exemod;	/* index of the executable's module, or Pfnomod */
};

typedef struct Pfmod Pfmod;
struct Pfmod
{
	uint64_t bias;		/* load address minus link-time address */
	uint32_t pathlen;
	uint32_t idlen;		/* GNU build-id length, 0 if none */
};

typedef struct Pfthr Pfthr;
struct Pfthr
{
	uint32_t tid;
	uint32_t root;		/* index of the thread's root node */
};

typedef struct Pfnode Pfnode;
struct Pfnode
{
	uint32_t down;
	uint32_t right;
	uint32_t mod;
	uint32_t pad;
	uint64_t off;
	uint64_t count;
	uint64_t time;		/* unitns units, inclusive of the children */
};

#endif
