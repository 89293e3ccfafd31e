/*
 * Tick profiles (pc histograms): Plan 9's layout in either byte order,
 * Linux /proc/profile's, sums per symbol by Plan 9's bucket rules, tprof's
 * and kprof's tables, and their pprof form. Uses profile (pprof's encoder),
 * sym and base.
 */
#ifndef PROFTOOLS_TICK_H
#define PROFTOOLS_TICK_H

#include "profile/profile.h"

/* ticks.c: tick profiles (Plan 9 /proc/pid/profile and kpdata, Linux /proc/profile) */

typedef struct Ticks Ticks;
typedef struct Tickrow Tickrow;

/*
 * A histogram of sampled pcs. Words 0 and 1 are Plan 9's header (total
 * ticks, ticks outside the text); word j >= first counts the pcs in
 * [start + (j-first)*res, start + (j-first+1)*res).
 */
struct Ticks
{
	uint64_t total;
	uint64_t outside;
	int little;		/* ticks9image: little-endian words (tickorder.c), else big */
	uint64_t *word;
	const uint32_t *w32;	/* if not NULL, the words instead (native u32 of a file in memory) */
	size_t nword;
	size_t first;		/* Plan 9: 2 (the header overlays buckets 0 and 1); Linux: 1 */
	uint64_t start;		/* address of word first's bucket */
	uint64_t res;		/* bytes per bucket: 8 in Plan 9 */
	int rule;		/* how ticksums gives buckets to symbols */
};

/*
 * Ticks.rule. Rtprof: Plan 9's tprof (a bucket to the symbol holding its
 * first byte, counting from the second bucket after the one holding the
 * first symbol's first byte: when that symbol is not page-aligned, two of
 * its buckets are lost). Rkprof: Plan 9's kprof (to the symbol holding its
 * last byte; those below the first symbol to it, in a row of their own).
 * Rstart: to the symbol holding the bucket's start address (Linux
 * /proc/profile, whose start makes that readprofile's rule).
 */
enum { Rtprof, Rkprof, Rstart };

/* Ticks of one symbol, for the reports. */
struct Tickrow
{
	const char *name;
	uint64_t ticks;
};

/*
 * Plan 9's layout (big-endian u32 words: total, outside, then 8-byte
 * buckets from base, the first two overlaid). NULL on error.
 */
Ticks *ticks9parse(const unsigned char *buf, size_t n, uint64_t base, const char *name);
/* Plan 9's layout of t, as tprof saves it and Plan 9 wrote it: a malloc'd image, *n bytes. */
unsigned char *ticks9image(const Ticks *t, size_t *n);
/* Write t's Plan 9 image to o (outcreate), whole or not at all. 0, or -1 ("file: reason"). */
int ticks9write(const Ticks *t, Outfile *o);
void ticksfree(Ticks *t);

/*
 * Sum the buckets per symbol by t->rule: Rtprof and Rkprof as Plan 9's
 * loops, over a space of one table ended by spaceetext (the last symbol
 * gets no ticks); Rstart and spaces of several tables, to the symbol
 * holding the bucket's start. *rows is malloc'd, one row per symbol with
 * ticks, in address order, then sorted by p9qsort on ticks and reversed
 * (decreasing; equal ticks in the order Plan 9 prints them). 0, or -1 (no memory).
 */
int ticksums(const Ticks *t, const Space *s, Tickrow **rows, size_t *nrows);

/* tickorder.c: tick arrays in either byte order (ticks9parse reads big-endian) */

/* Reverse the bytes of every whole 4-byte word of buf[0..n). */
void ticksswap(unsigned char *buf, size_t n);
/*
 * Is the tick array buf[0..n) saved by tprof -o big-endian? tprof -o
 * writes word 0 as the sum of the others (in the machine's order; before,
 * big-endian): the order in which they add up; if both or neither, the
 * one with the smaller total; if the totals are equal, bigendian (the
 * machine's order).
 */
int ticksbig(const unsigned char *buf, size_t n, int bigendian);

/* ticktab.c: tprof's and kprof's reports */

/*
 * tprof: "total: N"; unless N is 0, "TEXT base", the header and a row per
 * symbol. -1 with the error "no counts" (after the TEXT line) if no row.
 */
int printtprof(FILE *out, const Ticks *t, uint64_t base, const Tickrow *r, size_t n);
/*
 * kprof: the totals line; unless the total is 0, the base warning when
 * ktzero differs from firstsym rounded down to 4K, "KTZERO ... PGSIZE",
 * the header and the rows. Ticks are ms if hz is 0, else 1/hz s each
 * (the ms column shows them in ms; the percentages are of the ticks).
 * -1 with "no counts" if no row.
 */
int printkprof(FILE *out, const Ticks *t, uint64_t ktzero, uint64_t firstsym, unsigned pgsize, unsigned hz,
	const Tickrow *r, size_t n);

/* pprofticks.c: tprof's and kprof's ticks for pprof */

typedef struct Tickpp Tickpp;
struct Tickpp
{
	const char *object;	/* the program or kernel file: the mapping's */
	uint64_t tickns;	/* ns of CPU time per tick is tickns / tickper */
	uint64_t tickper;	/* (kprof -H hz: 10^9 / hz, not a whole number) */
	int64_t timens;		/* when the sampling began, ns since 1970; 0 if unknown */
	int64_t durationns;	/* how long it ran; 0 if unknown */
};

/*
 * tprof -P, kprof -P: the rows (ticksums of s) as profile.proto into
 * file (ppsave), a sample per row with values its ticks ("samples") and
 * their time in ns ("cpu"); a mapping for s's text with its build-id.
 * 0 or -1.
 */
int tickpprof(const char *file, const Tickrow *r, size_t n, const Space *s, const Tickpp *tp);

#endif
