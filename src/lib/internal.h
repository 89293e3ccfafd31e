/* Declarations shared inside the library only. */
#ifndef PROFTOOLS_INTERNAL_H
#define PROFTOOLS_INTERNAL_H

#include "proftools.h"

/*
 * A Prof holding the nodes of raw[0..n) reachable from raw[0], checked:
 * NULL with the error set if a link is out of range or a node is reached
 * twice; and if nested (our prof.<pid>, whose times must nest, unlike
 * Plan 9's and 9front's, which may wrap or hold an active function's
 * negative time), if its times cannot be (see timecheck in prof.c).
 * mask and unitns as in Prof.
 */
Prof *profcheck(const Pnode *raw, uint32_t n, uint64_t mask, uint64_t unitns, int nested, const char *name);

/*
 * The sum of the times of p's root's callees (the threads') and of all
 * its calls, each UINT64_MAX if past it.
 */
void profsums(const Prof *p, uint64_t *time, uint64_t *calls);
/* Do time units of unitns ns and calls of these sums fit in 64 bits? 0, or -1 naming name. */
int profbounded(uint64_t time, uint64_t calls, uint64_t unitns, const char *name);

/*
 * linuxparse, the modules that base (a Plinux profile, or NULL) also has
 * placed where they are in base (see modmatch).
 */
Prof *linuxparsefor(const unsigned char *buf, size_t n, const Prof *base, const char *name);
/*
 * The index in a of the module that is m of another profile of the same
 * program (isexe: m is its executable): a's executable for the
 * executable, else the module with the same path (and build-id, if both
 * have one). Pnone if none.
 */
uint32_t modmatch(const Prof *a, const Pmod *m, int isexe);

/* flamejs.c: the script prof -S embeds (it reads the constants P that flame.c writes before it). */
extern const char flamescript[];
/* pprof.c: the offset in ELF file of its address addr (as linked), for pprof's mappings; 0 if unknown. */
uint64_t ppfileoff(const char *file, uint64_t addr);

#endif
