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

/* elfload.c */

typedef struct Elf Elf;	/* libelf's */

/* elfload of e, which is open (file is used in errors). 0, or -1. */
int elfloadof(Elf *e, Elfload *l, const char *file);

/* cfi.c: an ELF object's call frame information (.eh_frame) */

typedef struct Cfi Cfi;
typedef struct Cfrule Cfrule;
typedef struct Cfrow Cfrow;

/* How a caller's register is found (DWARF register rules). */
enum { Csame, Cundef, Coff, Cvaloff, Creg, Cexpr, Cvalexpr };

struct Cfrule
{
	int kind;
	int64_t off;		/* Coff: saved at CFA+off; Cvaloff: is CFA+off; Creg: the register */
	const uint8_t *x;	/* Cexpr, Cvalexpr: the DWARF expression (CFA pushed first) */
	size_t nx;
};

/* The row of a pc: its CFA (a register + cfaoff, or if nx the expression x) and the rules. */
struct Cfrow
{
	int cfareg;
	int64_t cfaoff;
	const uint8_t *x;
	size_t nx;
	Cfrule reg[Nureg];
	int signal;		/* a signal frame's FDE (augmentation S) */
};

/*
 * The CFI of ELF file (an object without .eh_frame has none: every
 * lookup fails). Found by .eh_frame_hdr's table, else an index built
 * once. NULL on error.
 */
Cfi *cfiopen(const char *file);
/*
 * The CFI and segments (into *l) of the ELF image buf[0..n) (copied),
 * such as the vdso; name is used in errors. NULL on error.
 */
Cfi *cfimem(const void *buf, size_t n, Elfload *l, const char *name);
void cfifree(Cfi *c);
/*
 * The row at link-time address pc: 1; 0 if no FDE holds pc; -1 if its
 * CFI is malformed or not understood. Expressions point into c. The
 * last rows found are kept in c.
 */
int cfifind(Cfi *c, uint64_t pc, Cfrow *row);
/* Up to n bytes of c's file at link-time address at (placed by l) into buf: how many. */
size_t cficode(const Cfi *c, const Elfload *l, uint64_t at, uint8_t *buf, size_t n);

/* dwarf.c: DWARF's encodings and expressions */

/* A reader of bytes [start, end) at address addr; bad is set on reading past the end. */
typedef struct Dwrd Dwrd;
struct Dwrd
{
	const uint8_t *p, *start, *end;
	uint64_t addr;		/* of start: pc-relative pointers are from there */
	int bad;
};

enum { Peabs = 0x00, Peomit = 0xff };	/* DW_EH_PE_absptr, DW_EH_PE_omit */

/* The readers: (u|s)LEB128, n-byte little-endian, a byte; past the end 0 and bad. */
uint64_t dwuleb(Dwrd *r);
int64_t dwsleb(Dwrd *r);
uint64_t dwfixed(Dwrd *r, int n);
uint8_t dwu8(Dwrd *r);
/* A pointer in DW_EH_PE encoding enc (pcrel: from where it is read; datarel: from datarel). */
uint64_t dwencoded(Dwrd *r, int enc, uint64_t datarel);

/* What an expression may read: registers (bit i of have: reg[i] known) and memory. */
typedef struct Cfregs Cfregs;
struct Cfregs
{
	const uint64_t *reg;
	uint32_t have;
	int (*peek)(void *arg, uint64_t addr, uint64_t *v);	/* 0, or -1 if unreadable */
	void *arg;
};

/* The value of DWARF expression x[0..nx) (first pushed first if push). 0, or -1. */
int cfieval(const uint8_t *x, size_t nx, const Cfregs *rg, int push, uint64_t first, uint64_t *v);

/* ksym.c: keep k's symbols in [k->text, k->etext) (none of a kernel's text lies outside). */
void ksymclip(Ksyms *k);

#endif
