/*
 * Shared by the libFuzzer harnesses (fuzz/NAME.c, each one parser):
 * inputs as files for the readers that take a file name, a sink for the
 * reports, a fixed symbol table for the pcs of the inputs.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "kern/kern.h"	/* and every folder below it */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* /dev/null, for the reports (opened once). */
FILE *fuzznull(void);
/* The path of a file holding data: a memfd rewritten on every call. */
const char *fuzzfile(const uint8_t *data, size_t size);
/*
 * Functions f0..f15 at 0x1000 + 0x10*i, the last one ending at 0x1100
 * (built once; the seeds' pcs fall on them).
 */
Symtab *fuzzsyms(void);
/* Check that p is a tree: links in range, each node but the root reached once from it. */
void fuzztree(const Prof *p);
/* The calls of p's nodes summed, modulo mask+1. */
uint64_t fuzzcalls(const Prof *p);
/*
 * Check ticksums' rows r[0..n) of t against sums made the slow way: each
 * word to the symbol of tab (at bias 0) holding the start of its bucket.
 */
void fuzzsums(const Ticks *t, const Symtab *tab, const Tickrow *r, size_t n);
/* Check that the rows come by decreasing ticks. */
void fuzzorder(const Tickrow *r, size_t n);
/* Stop with a message: a harness's own check failed (libFuzzer keeps the input). */
_Noreturn void fuzzfail(const char *what);
