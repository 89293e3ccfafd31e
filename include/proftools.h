/*
 * proftools: the library shared by prof, tprof and kprof.
 * Symbol tables, profile parsers and the Plan 9 report printers.
 *
 * Errors: functions that fail return -1 or NULL and record a message
 * "object: reason" that errstr() returns; the library never prints
 * (except the printers, to the FILE* they are given) and never exits.
 */
#ifndef PROFTOOLS_H
#define PROFTOOLS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* err.c */

/* The calling thread's last error message ("" if none). */
const char *errstr(void);
/* Set the calling thread's error message, printf style. */
void werrstr(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* sym.c: format-neutral symbol tables */

typedef struct Sym Sym;
typedef struct Symtab Symtab;

struct Sym
{
	uint64_t value;		/* address as in the file */
	uint64_t size;		/* from the file; 0 if unknown */
	const char *name;
	int rank;		/* while building: see symfinish */
};

/*
 * Text symbols sorted by address, one per address. A symbol covers the
 * addresses from its value up to the next symbol's value (Plan 9's rule);
 * the last one covers up to end.
 */
struct Symtab
{
	Sym *sym;
	size_t nsym;
	uint64_t end;		/* first address past the last symbol's range */
	unsigned char buildid[64];	/* GNU build-id, if idlen > 0 */
	size_t idlen;
	/* private to sym.c */
	char **blocks;		/* name storage */
	size_t nblocks;
	char *next;		/* free space in the current block */
	size_t left;		/* its size */
	size_t cap;		/* sym slots allocated */
};

/* A new empty table, or NULL. */
Symtab *symnew(void);
/*
 * Add a candidate symbol; rank orders several names at one address
 * (lower wins; see symfinish). Returns 0, or -1 on no memory.
 */
int symadd(Symtab *t, const char *name, uint64_t value, uint64_t size, int rank);
/*
 * Sort by address and keep one name per address: the lowest rank, then
 * the fewest leading underscores, then the smallest name by strcmp.
 * end is raised to cover the last symbol's size. Returns 0 or -1.
 */
int symfinish(Symtab *t, uint64_t end);
void symfree(Symtab *t);
/* Index of the symbol whose range holds addr, or -1. */
long symfind(const Symtab *t, uint64_t addr);

/* symelf.c */

/* Symbol ranks for several names at one address: global before weak before local. */
enum { Rankglobal, Rankweak, Ranklocal };

/*
 * Text symbols (STT_FUNC, STT_GNU_IFUNC) of an ELF file, from .symtab,
 * or from .dynsym when there is no .symtab. NULL on error.
 */
Symtab *symelf(const char *file);

/* space.c: an address space of symbol tables placed at load biases */

typedef struct Space Space;
typedef struct Region Region;

struct Region
{
	Symtab *tab;
	uint64_t bias;		/* added to the table's addresses */
	size_t first;		/* global id of tab->sym[0] */
};

struct Space
{
	Region *r;		/* sorted by address */
	size_t nr;
	size_t nsym;		/* global ids run 0..nsym-1 */
};

/* Place tab at bias (the space does not own tab). 0 or -1. */
int spaceadd(Space *s, Symtab *tab, uint64_t bias);
void spacefree(Space *s);
/* Global id of the symbol holding pc, or -1. */
long spacefind(const Space *s, uint64_t pc);
/* The symbol with global id (0 <= id < nsym). */
const Sym *spacesym(const Space *s, long id);
/* Name of pc: its symbol's name or "#hex" written into buf. */
const char *spacename(const Space *s, uint64_t pc, char *buf, size_t nbuf);

/* prof.c: call-tree profiles in memory */

typedef struct Pnode Pnode;
typedef struct Prof Prof;
typedef struct Pmod Pmod;

enum { Pnone = 0xFFFFFFFFu };

/*
 * One call path. Children of a node are the chain down, right, right...
 * newest first, as Plan 9 stores them.
 */
struct Pnode
{
	uint64_t pc;
	uint64_t count;
	uint64_t time;		/* in Prof.unitns units, modulo Prof.mask */
	uint32_t down;
	uint32_t right;
};

/* A module of a profiled process: where its pcs were loaded. */
struct Pmod
{
	char *path;
	uint64_t bias;		/* pc = bias + address in the file */
	unsigned char buildid[64];
	size_t idlen;
	int used;		/* some node's pc is in it */
};

enum { Pclassic, Plinux };	/* Prof.format */

/*
 * A profile: node[0] is the root, whose time is the total profiled time.
 * Only nodes reachable from the root are kept; every one is reached once.
 * Arithmetic on counts and times is modulo mask+1 (2^32 for the classic
 * format, as Plan 9's 32-bit longs).
 */
struct Prof
{
	Pnode *node;
	uint32_t nnode;
	uint64_t mask;
	uint64_t unitns;	/* nanoseconds per time unit */
	int format;
	/* Plinux only (see proffile.h); pcs are run-time addresses */
	Pmod *mod;
	uint32_t nmod;
	uint32_t exemod;	/* the executable's module, or Pnone */
	int proftype;
	int mechanism;
	uint32_t profsize;
	uint64_t lost;
	uint32_t nthread;
};

/* Read a profile file, format detected. NULL on error. */
Prof *profread(const char *file);
/* Parse a classic Plan 9 prof.out image; name is used in errors. */
Prof *classicparse(const unsigned char *buf, size_t n, const char *name);
/* Parse a prof.<pid> image of our format (proffile.h), threads merged. */
Prof *linuxparse(const unsigned char *buf, size_t n, const char *name);
/*
 * The profile with the subtrees of the root's children merged into one
 * root: nodes on the same path of pcs become one, counts and times summed.
 * p is freed. NULL on error.
 */
Prof *profmergeroots(Prof *p, const char *name);
/* What the profile's times measured, if not what its proftype says; else NULL. */
const char *profcaveat(const Prof *p);
void proffree(Prof *p);

/* readfile.c */

/* The whole of file, in a malloc'd buffer; *n its size. NULL on error. */
unsigned char *readfile(const char *file, size_t *n);

/* flat.c, graph.c: Plan 9's reports */

/* prof's default report. 0, or -1 on error. */
int printflat(FILE *out, const Prof *p, const Space *s);
/*
 * prof -d (recursive == 0) and -r (recursive == 1): the dynamic call
 * graph, indented with tabstop as prof's indent rule. 0 or -1.
 */
int printgraph(FILE *out, const Prof *p, const Space *s, int recursive, int tabstop);

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
	uint64_t *word;
	size_t nword;
	size_t first;		/* Plan 9: 2 (the header overlays buckets 0 and 1); Linux: 1 */
	uint64_t start;		/* address of word first's bucket */
	uint64_t res;		/* bytes per bucket: 8 in Plan 9 */
};

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
void ticksfree(Ticks *t);
/*
 * Sum the buckets per symbol: a bucket goes to the symbol whose range
 * holds its start address. *rows is malloc'd, sorted by decreasing ticks,
 * ties by name; rows with no ticks are left out. 0, or -1 (no memory).
 */
int ticksums(const Ticks *t, const Space *s, Tickrow **rows, size_t *nrows);

/* ticktab.c: tprof's and kprof's reports */

/*
 * tprof: "total: N"; unless N is 0, "TEXT base", the header and a row per
 * symbol. -1 with the error "no counts" (after the TEXT line) if no row.
 */
int printtprof(FILE *out, const Ticks *t, uint64_t base, const Tickrow *r, size_t n);
/*
 * kprof: the totals line; unless the total is 0, the base warning when
 * ktzero differs from firstsym rounded down to 4K, "KTZERO ... PGSIZE",
 * the header and the rows. -1 with "no counts" if no row.
 */
int printkprof(FILE *out, const Ticks *t, uint64_t ktzero, uint64_t firstsym, unsigned pgsize,
	const Tickrow *r, size_t n);

#endif
