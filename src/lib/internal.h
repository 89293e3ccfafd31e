/* Declarations shared inside the library only. */
#ifndef PROFTOOLS_INTERNAL_H
#define PROFTOOLS_INTERNAL_H

#include "proftools.h"

/*
 * A Prof holding the nodes of raw[0..n) reachable from raw[0], checked:
 * NULL with the error set if a link is out of range or a node is reached
 * twice. mask and unitns as in Prof.
 */
Prof *profcheck(const Pnode *raw, uint32_t n, uint64_t mask, uint64_t unitns, const char *name);

#endif
