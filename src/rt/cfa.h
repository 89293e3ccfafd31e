/*
 * A call's frame (CFA) by the unwind tables, as a rule per hook
 * address; rules packed in a word where the hooks keep them (cfa.c).
 */
#ifndef CFA_H
#define CFA_H

#include <stdint.h>

#include "rt.h"

typedef struct Rule Rule;

/*
 * How to find a function's CFA (the stack address just above its
 * return address) at a pc: base (the function's rsp, which is the
 * hook's slot + 8, or its rbp) + off; then, if deref, the word there
 * + off2. Rnone: the pc has no unwind information.
 */
enum { Rsp, Rbp, Rnone };

struct Rule
{
	uint64_t pc;		/* the hook's return address */
	int64_t off;
	int64_t off2;
	uint8_t base;
	uint8_t deref;
	uint8_t inl;		/* the hook is of a function inlined there (not the function the pc is in) */
};

/*
 * A rule kept in a node, packed in a word: the hook's return address
 * << 16 | the CFA's offset in words << 2 | Fbp | Finl; 0 for none. The
 * offset is from the hook's slot, or from rbp if Fbp; Finl: the hook is
 * of a function inlined where it is. Rules with offsets past 14 bits of
 * words, or not whole words, are not kept there.
 */
enum { Fbp = 1, Finl = 2, Nrc = 1024 };

#define RULEPC(r) ((r) >> 16)
#define RULEOFF(r) ((uintptr_t)((r) >> 2 & 0x3fff) << 3)
#define RCSLOT(pc) (((pc) ^ (pc) >> 10) & (Nrc - 1))

/* cfa.c */
RT void cfarule(uint64_t pc, uint64_t fn, Rule *ru);
RT void cfaunloaded(void);

#endif
