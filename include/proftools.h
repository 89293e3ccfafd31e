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
/*
 * Set the calling thread's error message, printf style; control
 * characters (a newline in a file's name) escaped as oneline does.
 */
void werrstr(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/*
 * s on one line in buf (n bytes): control characters escaped, C's way
 * (\n, \t, else \ooo), cut short to fit. buf.
 */
char *oneline(char *buf, size_t n, const char *s);

/* p9qsort.c */

/*
 * Sort as Plan 9's libc qsort does (sys/src/libc/port/qsort.c): the same
 * comparisons and exchanges, so elements that compare equal end where
 * Plan 9's leave them; its reports sort by time alone and print that order.
 */
void p9qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

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
	int p9end;		/* Plan 9's own table (an a.out's): its last symbol, etext, ends it (spaceetext) */
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
/* Replace t's C++ mangled names by demangled ones (see demangle). 0, or -1 (no memory). */
int symdemangle(Symtab *t);

/* demangle.c */

/*
 * The demangled form of a C++ (Itanium ABI) mangled name, malloc'd; NULL
 * if name is not one, or the C++ runtime (libstdc++.so.6, loaded at run
 * time) is not there.
 */
char *demangle(const char *name);

/* symelf.c */

/* Symbol ranks for several names at one address: global before weak before local. */
enum { Rankglobal, Rankweak, Ranklocal };

/*
 * Text symbols (STT_FUNC, STT_GNU_IFUNC) of an ELF file, from .symtab;
 * if it has none, from its separate debug file's (by build-id or
 * .gnu_debuglink, under /usr/lib/debug or $profdebugdir, as gdb finds
 * it), else from .dynsym. C++ names are demangled (symdemangle) once the
 * names at one address are chosen. NULL on error.
 */
Symtab *symelf(const char *file);

/* symaout.c: Plan 9 a.out executables and kernels */

/* What an a.out's header tells, as Plan 9's libmach (crackhdr) reads it. */
typedef struct Aout Aout;
struct Aout
{
	const char *arch;	/* the machine, as $objtype names it; NULL for an ELF file */
	uint32_t magic;
	uint64_t entry;
	uint64_t txtaddr;	/* where the text is */
	uint64_t txtsz;
	uint64_t pgsize;	/* libmach's page size for the machine (ELF: this host's) */
	uint64_t kbase;		/* libmach's kernel text base: Plan 9 kprof's KTZERO */
	int bigendian;		/* the machine's byte order (ELF: the file's) */
};

/* Is file a regular file beginning with the magic of an a.out of a machine libmach knows? */
int isaout(const char *file);
/*
 * The text symbols (T, t, L, l) of an a.out image, its header's facts
 * into *a (if not NULL). Several at one address: the last in the file.
 * NULL with "name: reason" if it is not one, or is truncated or corrupt.
 */
Symtab *aoutparse(const unsigned char *buf, size_t n, Aout *a, const char *name);
/* aoutparse of file. */
Symtab *symaout(const char *file, Aout *a);
/*
 * The text symbols of a program: an a.out's (told by its magic) or an
 * ELF file's (symelf). *a (if not NULL): the a.out's header, or for an
 * ELF file arch NULL, its byte order and this host's page size.
 */
Symtab *symprog(const char *file, Aout *a);

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
	int hasetext;		/* Eadded or Eown: see spaceetext */
	Sym etext;		/* Eadded: the added etext, id nsym-1 */
};

enum { Eadded = 1, Eown };	/* Space.hasetext */

/* Place tab at bias (the space does not own tab). 0 or -1. */
int spaceadd(Space *s, Symtab *tab, uint64_t bias);
/*
 * End s as Plan 9's symbol tables end: with a last text symbol "etext" at
 * the end of the text (the highest table's end), which holds every pc at
 * or past it (libmach's findsym: a pc past the text is named after the
 * last text symbol). Added (Eadded), id nsym-1 after every table's
 * symbols; or, when the highest table is Plan 9's own (p9end), its own
 * last symbol is that etext (Eown).
 */
void spaceetext(Space *s);
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

enum { Pclassic, Plinux, P9front };	/* Prof.format: Plan 9 4th edition, ours, 9front */

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
	uint64_t unitns;	/* nanoseconds per time unit (P9front: 1, see hz) */
	uint64_t hz;		/* P9front: times are cycles of a counter of hz Hz; else 0 */
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
/*
 * Read a profile file to be merged into base (profmerge): the modules
 * base also has (the executable; others by path) are placed where they
 * are in base. NULL on error, or if the executables' build-ids differ.
 */
Prof *profreadfor(const char *file, const Prof *base);
/* The same of a file's image in memory; name is used in errors. */
Prof *profparsefor(const unsigned char *buf, size_t n, const Prof *base, const char *name);
/*
 * The sum of two profiles of one program, path by path: a with b's
 * counts and times added (b is freed). Profiles of different formats,
 * proftypes, time units or clocks are refused ("bname: reason"; a and
 * b freed). NULL on error.
 */
Prof *profmerge(Prof *a, const char *aname, Prof *b, const char *bname);
/*
 * Node i's self time: its time less its children's (modulo the mask;
 * 0 for a prof.<pid> node whose children are a rounding longer).
 */
uint64_t profself(const Prof *p, uint32_t i);
/* Parse a classic Plan 9 prof.out image; name is used in errors. */
Prof *classicparse(const unsigned char *buf, size_t n, const char *name);
/* Does the image begin as 9front's prof.out ("pr\x0f")? */
int isfront(const unsigned char *buf, size_t n);
/* Parse a 9front prof.out image (times in cycles: P9front, hz set). */
Prof *frontparse(const unsigned char *buf, size_t n, const char *name);
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

/* named.c: a profile by names (profiles of two builds compare; prof -N saves one) */

typedef struct Nnode Nnode;
typedef struct Ntree Ntree;

/* A call path by names: times in ns. */
struct Nnode
{
	const char *name;
	uint32_t parent;	/* Pnone for the root */
	uint32_t depth;		/* the root's is 0 */
	uint64_t calls;
	uint64_t self;
	uint64_t time;		/* inclusive */
};

/* Node 0 is the root; parents come before their children. */
struct Ntree
{
	Nnode *node;
	uint32_t nnode;
	uint64_t unitns;	/* the resolution of the profile it came from, ns */
	uint32_t *ofprof;	/* made by ntreeof: the node of each of the Prof's nodes */
	/* private to named.c */
	size_t cap;
	char **blocks;
	size_t nblocks;
	char *next;
	size_t left;
};

/* p by names, as s names its pcs (prof's reports' names). NULL if out of memory. */
Ntree *ntreeof(const Prof *p, const Space *s);
/* Parse a profile saved by names (printnames); name is used in errors. NULL on error. */
Ntree *ntreeread(const unsigned char *buf, size_t n, const char *name);
/* Does the file image begin as a profile saved by names? */
int isnames(const unsigned char *buf, size_t n);
/* prof -N: t saved by names, a path a line. 0 or -1. */
int printnames(FILE *out, const Ntree *t);
/* Node i's path of names, "a;b;c". */
void ntreepath(FILE *out, const Ntree *t, uint32_t i);
void ntreefree(Ntree *t);

/* diff.c, diffprint.c: two profiles compared by names (prof -b) */

typedef struct Dpath Dpath;
typedef struct Diff Diff;
typedef struct Gate Gate;

/* A call path of names in either profile: before ([0]) and after ([1]); times in ns. */
struct Dpath
{
	uint32_t up;		/* the caller's path; Pnone for the root (path 0) */
	const char *name;
	uint64_t calls[2];
	uint64_t self[2];
	uint64_t time[2];	/* inclusive */
};

struct Diff
{
	Dpath *path;
	uint32_t npath;
	uint32_t *of[2];	/* the path of each node of the trees compared */
};

/* The paths of a (before) and b (after) matched by names. NULL if out of memory. */
Diff *profdiff(const Ntree *a, const Ntree *b);
void difffree(Diff *d);
/* Path i's names, "a;b;c". */
void diffpath(FILE *out, const Diff *d, uint32_t i);
/*
 * The changes per function (self time, calls), or per call path
 * (inclusive time, calls), largest change of time first, then of calls.
 * 0 or -1.
 */
int printdiff(FILE *out, const Diff *d, int paths);
/* The folded difference (difffolded.pl's): "a;b;c before after", self ns. 0 or -1. */
int printdifffolded(FILE *out, const Diff *d);

enum { Gatenone, Gateany, Gateratio };

/* A regression gate's limits (gateparse). */
struct Gate
{
	int calls;		/* Gate* */
	double ratio;		/* Gateratio: calls after > ratio * calls before */
	double timepct;		/* time after > (1 + timepct/100) * before; < 0: no limit */
	uint64_t minns;		/* time changes under this never count */
};

int gateparse(const char *spec, Gate *g);
/* Print one line per function or path beyond g's limits: their number, or -1. */
long diffgate(FILE *out, const Diff *d, const Gate *g);

/* outfile.c: every file the tools write is written here, whole or not at all */

typedef struct Outfile Outfile;
struct Outfile
{
	const char *name;
	char *tmp;		/* the temporary it is made under; NULL if written directly */
	int fd;
};

/*
 * Begin file name: a temporary in its directory, made now (so a
 * recording is not lost at its end for want of a place to write), or
 * name itself if it exists and is not a regular file (/dev/null, a
 * FIFO: never blocking on its open). 0, or -1 ("name: reason").
 */
int outcreate(Outfile *o, const char *name);
/* Write buf and rename the temporary to the name. 0, or -1 ("name: reason") with the temporary removed. */
int outcommit(Outfile *o, const void *buf, size_t n);
/* Give up: the temporary is removed (it is at exit, too). */
void outabort(Outfile *o);

/* readfile.c: every file the tools are given is opened here */

struct stat;
enum { Fregular, Fstream };	/* fileopen's kinds */
/*
 * file opened for reading, never blocking on the open (a FIFO with no
 * writer), its stat in *st: a regular file; or with Fstream also a pipe,
 * a FIFO or a socket, and "-" is the standard input. The descriptor
 * (close-on-exec, blocking), or -1 with the error ("is a directory",
 * "not a regular file").
 */
int fileopen(const char *file, int kind, struct stat *st);
/*
 * The rest of fd (file, whose stat is st), in a malloc'd buffer; *n its
 * size. A file of more than 1 GiB is refused as it is found to be, before
 * it is read whole. NULL on error.
 */
unsigned char *readfd(int fd, const struct stat *st, const char *file, size_t *n);
/* The whole of file (fileopen's Fstream), as readfd. NULL on error. */
unsigned char *readfile(const char *file, size_t *n);

/* p9fmt.c */

/*
 * Plan 9's print("%width.precf", v) into buf (at most n bytes, NUL
 * included): v as 17 significant digits, rounded half up in decimal at
 * prec (glibc rounds the binary value: 0.15 is 0.2 in Plan 9, 0.1 in
 * glibc). Returns the length of the whole string, as snprintf.
 */
int p9fmtf(char *buf, size_t n, double v, int width, int prec);

/* flat.c, graph.c: Plan 9's reports */

/* prof's default report. 0, or -1 on error. */
int printflat(FILE *out, const Prof *p, const Space *s);
/*
 * prof -d (recursive == 0) and -r (recursive == 1): the dynamic call
 * graph, indented with tabstop as prof's indent rule. 0 or -1.
 */
int printgraph(FILE *out, const Prof *p, const Space *s, int recursive, int tabstop);

/* fold.c, callgrind.c, flame.c: the call tree for other tools; times in ns (cycles for P9front) */

/*
 * prof -F: folded stacks (flame graphs), one line per call path with
 * self time, "caller;...;callee ns", paths in -dr's order; paths with no
 * self time are left out. 0 or -1.
 */
int printfolded(FILE *out, const Prof *p, const Space *s);
/*
 * prof -C: callgrind's format (KCachegrind, callgrind_annotate): self
 * time per function and, per caller and callee, the calls and their
 * inclusive time; cmd names the program (or NULL). 0 or -1.
 */
int printcallgrind(FILE *out, const Prof *p, const Space *s, const char *cmd);
/*
 * A baseline to colour a flame graph by (a differential flame graph, as
 * flamegraph.pl draws one): self[i], for node i of the profile drawn, is
 * the baseline's self time in ns on the same path of function names (0
 * if it has no such path); maxdelta is the greatest change of self time
 * in ns on any path of either profile, those only one has included (the
 * scale of the colours; 0 is taken as 1); name names the baseline.
 */
typedef struct Flamebase Flamebase;
struct Flamebase
{
	uint64_t *self;
	uint64_t maxdelta;
	const char *name;
};

/*
 * prof -S: a flame graph, one self-contained SVG: per call path a frame
 * as wide as its inclusive time, tooltips with time, share and calls,
 * and a script to zoom, search and show details; cmd names the program
 * in the title (or NULL). With a baseline base (else NULL) frames are
 * coloured by the change of their self time: red grew, blue shrank,
 * white unchanged. 0 or -1.
 */
int printflame(FILE *out, const Prof *p, const Space *s, const char *cmd, const Flamebase *base);
/*
 * prof -b -S: the baseline of d on the paths of p, which d compares as
 * t (ntreeof(p)) with the baseline, into fb (fb->self malloc'd, fb->name
 * left alone). 0, or -1 (no memory).
 */
int flamebase(Flamebase *fb, const Prof *p, const Ntree *t, const Diff *d);

/* pprof.c: pprof's profile.proto, uncompressed, written as it is made */

typedef struct Ppmap Ppmap;
typedef struct Ppfunc Ppfunc;
typedef struct Pploc Pploc;
typedef struct Ppsample Ppsample;
typedef struct Ppprof Ppprof;

enum { Ppnone = 0xFFFFFFFFu, Ppmaxvalue = 4 };

/* An object file loaded at [start, limit), start at file offset off. */
struct Ppmap
{
	uint64_t start, limit, off;
	const char *file;
	const unsigned char *buildid;	/* idlen bytes (written in hex) */
	size_t idlen;
};

struct Ppfunc
{
	const char *name;
	const char *file;	/* its source file, or NULL */
};

/* A pc: its function and mapping are indices into Ppprof's (map may be Ppnone). */
struct Pploc
{
	uint64_t addr;
	uint32_t func;
	uint32_t map;
};

/* A stack of locations, leaf first, and its values (Ppprof.nvalue of them). */
struct Ppsample
{
	const uint32_t *loc;
	size_t nloc;
	int64_t value[Ppmaxvalue];
};

/*
 * A profile to write. The samples come from next, called until it
 * returns 0 (no more) or -1 (an error, set), each 1 filling *s (valid
 * until the next call), so a big profile needs no list of its stacks.
 */
struct Ppprof
{
	const char *type[Ppmaxvalue];	/* of each value, and its unit */
	const char *unit[Ppmaxvalue];
	size_t nvalue;
	const char *periodtype, *periodunit;
	int64_t period;
	int64_t timens;		/* when the profile began, ns since 1970; 0 if unknown */
	int64_t durationns;
	const char *comment;	/* or NULL */
	const Ppmap *map;
	size_t nmap;
	const Ppfunc *func;
	size_t nfunc;
	const Pploc *loc;
	size_t nloc;
	int (*next)(void *arg, Ppsample *s);
	void *arg;
};

/* pp as profile.proto to out. 0 or -1. */
int ppwrite(FILE *out, const Ppprof *pp);
/* pp as profile.proto to file, whole or not at all (made under a temporary name). 0 or -1. */
int ppsave(const Ppprof *pp, const char *file);

/* pproftree.c: prof's call tree for pprof */

/*
 * prof -P: p as profile.proto, a sample per call path (node but the
 * root) whose stack is the path, values its calls and its self time in
 * ns; a location per pc and a function per symbol (or per #hex pc of
 * none); a mapping per table of s, named as p's module (cmd for the
 * program, if not NULL) with its build-id. written: when the profile
 * file was written (ns since 1970), or 0. 0 or -1.
 */
int printpprof(FILE *out, const Prof *p, const Space *s, const char *cmd, int64_t written);

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

/* sample.c: tprof's live sampling (with elfload.c, procs.c, tally.c, ptsample.c, outside.c) */

/* elfload.c: where an ELF file's pieces go in memory */

typedef struct Elfseg Elfseg;
typedef struct Elfload Elfload;

struct Elfseg
{
	uint64_t vaddr;		/* link-time address of file offset off */
	uint64_t off;
	uint64_t filesz;
};

enum { Maxseg = 32 };	/* PT_LOAD headers kept; real files have a handful */

struct Elfload
{
	Elfseg seg[Maxseg];	/* the PT_LOAD segments */
	size_t nseg;
	unsigned char buildid[64];	/* GNU build-id, if idlen > 0 */
	size_t idlen;
};

/* The loadable segments and build-id of an ELF file. 0, or -1. */
int elfload(const char *file, Elfload *l);
/* The link-time address of file offset off, or UINT64_MAX if no segment holds it. */
uint64_t elfaddr(const Elfload *l, uint64_t off);

/* procs.c: processes, their executables and mappings, through /proc */

typedef struct Text Text;
typedef struct Map Map;

/* An executable file, as the processes running it see it. */
struct Text
{
	uint64_t dev, ino;	/* stat of /proc/pid/exe */
	uint64_t mdev, mino;	/* the same file in /proc/pid/maps (differs on overlayfs) */
	char *path;		/* readlink of /proc/pid/exe (malloc'd) */
};

/* An executable mapping of a process. */
struct Map
{
	uint64_t start, end;
	uint64_t off;		/* file offset of start */
	uint64_t dev, ino;	/* 0 for anonymous memory */
	char *path;		/* file, or "[vdso]" and the like; malloc'd */
};

/*
 * The executable pid runs, into x. -1 with "pid N: no such process",
 * "pid N: exited", or "pid N: owned by uid U, not you (U2)".
 */
int textof(int pid, Text *x);
void textfree(Text *x);
/* The processes (not zombies, not the caller) running x, sorted: *pids malloc'd. 0 or -1. */
int textprocs(const Text *x, int **pids, size_t *n);
/* The thread ids of process pid: *tids malloc'd. 0, or -1 if it is gone. */
int proctasks(int pid, int **tids, size_t *n);
/* The executable mappings of pid, sorted by address. 0 or -1. */
int readmaps(int pid, Map **maps, size_t *n);
void freemaps(Map *m, size_t n);
/*
 * Run argv[0] (searched in $PATH) with argv in a child attached with
 * PTRACE_SEIZE (tracing clone, fork, vfork and exec, as ptsample needs),
 * stopped at its exec: the first instruction of the command is yet to
 * run. The child's pid, or -1 ("command: reason" if exec failed).
 */
int launch(char **argv);
/*
 * End child pid, still running: SIGTERM, SIGKILL if it has not ended 2 s
 * later. Its wait status.
 */
int endchild(int pid);

/* tally.c: samples counted into Plan 9's layout, and the pcs outside the text */

typedef struct Tally Tally;
typedef struct Outpc Outpc;

/* Samples at one place outside the text. */
struct Outpc
{
	uint32_t mod;		/* module: see tallymodule */
	uint64_t addr;		/* a file offset (Mfile), else the pc */
	uint64_t ticks;
};

enum { Mkernel, Mfile, Mnamed };	/* module kinds: [kernel], an ELF file, [vdso] [anon] [unknown] */

/*
 * Counts for the text x whose symbols are t (from exe, whose segments
 * place them): Ticks of 8-byte buckets from base (the first symbol's
 * address rounded down to pagesize) to the end of the last page of text.
 * NULL on error.
 */
Tally *tallynew(const Text *x, const char *exe, const Symtab *t, unsigned pagesize);
void tallyfree(Tally *ta);
/* Process pid's executable mappings are those of /proc now (read again). 0 or -1. */
int tallyreadmaps(Tally *ta, int pid);
/* pid maps m (a file if dev or ino, else named by path). */
void tallymap(Tally *ta, int pid, const Map *m);
/*
 * pid may have mapped or unmapped objects since its mappings were read
 * (a sampler that does not see mmap happen): they are read again before
 * its next sample outside the text's file is charged.
 */
void tallystale(Tally *ta, int pid);
/* Process child was forked by parent: same mappings. */
void tallyfork(Tally *ta, int child, int parent);
/* pid called exec: its mappings are to come. */
void tallyexec(Tally *ta, int pid);
/* pid exited. */
void tallyexit(Tally *ta, int pid);
/* Does pid run the text (map it)? Unknown processes are read from /proc. */
int tallyruns(Tally *ta, int pid);
/*
 * n samples of process pid at pc, in the kernel if kernel. Samples of
 * processes that do not run the text are not counted. Returns whether
 * they were.
 */
int tallysample(Tally *ta, int pid, uint64_t pc, int kernel, uint64_t n);
/* The counts so far (owned by ta); Plan 9's base address in *base. */
const Ticks *tallyticks(const Tally *ta, uint64_t *base);
/* The places outside the text, *pcs malloc'd. 0 or -1. */
int tallyoutside(const Tally *ta, Outpc **pcs, size_t *n);
/* Module mod: its kind, its path or name; *isexe if it is the text's file. */
const char *tallymodule(const Tally *ta, uint32_t mod, int *kind, int *isexe);
/* The segments of the text's file. */
const Elfload *tallyexeload(const Tally *ta);

/* outside.c: tprof -a, the samples outside the text by module and symbol */

typedef struct Outrow Outrow;
typedef struct Outside Outside;

struct Outrow
{
	const char *sym;	/* "?" where no symbol is known */
	const char *module;
	uint64_t ticks;
};

/* Rows and the symbol tables their names live in. */
struct Outside
{
	Outrow *row;
	size_t nrow;
	Symtab **tab;		/* private */
	size_t ntab;
	char **warn;		/* modules whose symbols could not be read: "file: reason" */
	size_t nwarn;
};

/*
 * The samples outside ta's text summed by module and symbol, sorted by
 * decreasing ticks; exe is the text's symbol table (not freed). NULL on
 * error (no memory).
 */
Outside *outsidesums(const Tally *ta, const Symtab *exe);
void outsidefree(Outside *o);
/* "outside text: N", the header and the rows, percentages of the total. */
void printoutside(FILE *out, const Ticks *t, const Outside *o);

/* sample.c, ptsample.c: the samplers */

#include <signal.h>

typedef struct Sampling Sampling;

/*
 * What to sample and what happened. A sampler counts into tally the
 * samples of every thread of pids, of child, and of every process that
 * runs text, including threads and processes that appear later, until
 * none is left, *stop is set, or the clock passes deadline.
 */
struct Sampling
{
	Tally *tally;
	const Text *text;
	int *pids;		/* processes running text at the start */
	size_t npids;
	int child;		/* from launch, or 0 */
	int childstatus;	/* its wait status, once childdone */
	int childdone;
	uint64_t period;	/* ns of CPU time per sample */
	int64_t deadline;	/* CLOCK_MONOTONIC ns, or 0 */
	volatile sig_atomic_t *stop;
	/* results */
	int allgone;		/* stopped because every process had exited */
	uint64_t nsample;	/* samples counted */
	uint64_t lost;		/* samples the kernel could not deliver */
	int nokernel;		/* kernel samples were refused (perf_event_paranoid) */
	int throttled;
};

enum { Srefused = -2 };

/*
 * Sample with perf_event_open (cpu-clock). 0; -1 on error; Srefused if
 * perf events are refused, with the cause and its fix in errstr (then
 * nothing was done: child is still stopped at its exec).
 */
int perfsample(Sampling *s);
/* Sample with ptrace: interrupt the threads that ran a period, read their pc. 0 or -1. */
int ptsample(Sampling *s);
/* The CLOCK_MONOTONIC time in ns. */
int64_t nsnow(void);

/* unwind.c, cfi.c: user stacks unwound (x86-64) */

typedef struct Unwinder Unwinder;
typedef struct Uregs Uregs;

/* Registers by their DWARF numbers (x86-64 psABI): rax rdx rcx rbx rsi rdi rbp rsp r8-r15, then rip. */
enum { Urax, Urdx, Urcx, Urbx, Ursi, Urdi, Urbp, Ursp, Urip = 16, Nureg };

/* A thread's registers; bit i of have: reg[i] is known (rip and rsp are needed; rbp, rbx... help). */
struct Uregs
{
	uint64_t reg[Nureg];
	uint32_t have;
};

/*
 * The pc that stands for a caller that could not be found, ending a
 * chain: no CFI for the pc and no frame-pointer chain to trust, a rule
 * that needs memory outside the stack copy, or a malformed table.
 * Printers show it as "[unknown]".
 */
#define Unknownpc UINT64_MAX

/*
 * An unwinder for one process: its executable mappings and, per ELF
 * file mapped, the CFI (.eh_frame) and segments, read once and kept
 * across unwsetmaps (a file is known by path, dev and inode). NULL on
 * error (no memory).
 */
Unwinder *unwnew(void);
void unwfree(Unwinder *u);
/* The mappings are m[0..n) (copied; as readmaps gives them, sorted). 0 or -1. */
int unwsetmaps(Unwinder *u, const Map *m, size_t n);
/* The mappings are those of process pid now (readmaps). 0 or -1. */
int unwmaps(Unwinder *u, int pid);
/*
 * The call chain of a thread stopped with registers r, whose stack
 * holds stack[0..n) from address addr up (a copy of its bytes from rsp
 * on, as PERF_SAMPLE_STACK_USER gives them): pcs[0] is the pc, then
 * each caller's return address, outermost last, at most max. Each
 * frame is unwound by the CFI of the file holding its pc; where there
 * is none, by the frame-pointer chain, if it stays in the stack copy
 * and goes up. The chain ends at the outermost frame (its return
 * address undefined by its CFI, as _start's, or 0), or with Unknownpc
 * where no caller can be found; a chain of max pcs may be cut short.
 * Returns the number of pcs written.
 */
size_t unwind(Unwinder *u, const Uregs *r, const unsigned char *stack, size_t n, uint64_t addr,
	uint64_t *pcs, size_t max);
/*
 * The mapping holding pc, or NULL; *bias (if not NULL): what to subtract
 * from pc for the address in its file.
 */
const Map *unwmapof(Unwinder *u, uint64_t pc, uint64_t *bias);

/* ksym.c: kernel symbol tables for kprof */

typedef struct Ksyms Ksyms;

enum { Kelf, Ktext, Kaout };	/* Ksyms.kind: ELF; System.map or kallsyms (the same lines; kallsyms adds modules); Plan 9 a.out */

/*
 * A kernel's text symbols (those in [text, etext), sorted; tab->end is
 * etext) and the marks that place profile data on them.
 */
struct Ksyms
{
	Symtab *tab;
	uint64_t text;		/* _text (else _stext): Plan 9's KTZERO, kpdata's base */
	uint64_t stext;		/* _stext (else _text): /proc/profile's base */
	uint64_t etext;		/* _etext, else the end of the last symbol */
	int haveetext;
	size_t nmodsym;		/* module text symbols seen (kallsyms), left out */
	int kind;
	unsigned pgsize;	/* a.out: the machine's page size (kprof's PGSIZE); else 0 */
};

/*
 * The symbols of an ELF vmlinux, a System.map or a /proc/kallsyms text,
 * told apart by content. NULL with "file: reason" when the file is not a
 * kernel's (no _stext or _text), or its addresses are all zero (kallsyms
 * read without privilege).
 */
Ksyms *ksymread(const char *file);
void ksymfree(Ksyms *k);
/*
 * The symbols of a Plan 9 kernel a.out (symaout.c): text is the machine's
 * kernel base, as Plan 9's kprof takes it; etext the end of the text.
 */
Ksyms *ksymaout(const char *file);

/* kpdata.c: kernel profile data, Plan 9 kpdata or Linux /proc/profile */

enum { Kpauto, Kpplan9, Kplinux };	/* formats */

/*
 * The ticks of a kpdata image (format Kpauto: told apart by content and by
 * the kernel k) placed on k's text. Plan 9: 8-byte buckets from k->text.
 * Linux /proc/profile: native-endian words, word 0 the bucket size, then
 * buckets from k->stext; the last bucket holds the kernel's pcs beyond it
 * (and below _stext), so it becomes the outside count, and each bucket is
 * credited as readprofile credits it: to the symbol holding the last byte
 * of the bucket after it; its Ticks point into buf (w32: buf 4-byte
 * aligned, as malloc and mmap give it), which must live
 * as long. *format is set to the format read. NULL with "name: reason" if
 * the data is short, corrupt or not of kernel k.
 */
Ticks *kpparse(const unsigned char *buf, size_t n, int *format, const Ksyms *k, const char *name);
/*
 * The bytes of file (*n of them), mapped if it is a regular file, else
 * read (*mapped says which), 4-byte aligned. NULL on error.
 */
unsigned char *kpmap(const char *file, size_t *n, int *mapped);
void kpunmap(unsigned char *b, size_t n, int mapped);

/* krec.c: kprof's recorder, playing /dev/kpctl's part */

typedef struct Krec Krec;

struct Krec
{
	uint64_t base;		/* the running kernel's _text */
	uint64_t etext;		/* and _etext */
	uint64_t period;	/* ns of CPU time per sample */
	int64_t deadline;	/* CLOCK_MONOTONIC ns, or 0 */
	int child;		/* stop when it exits, or 0 */
	int childdone;		/* it exited (and was waited for) */
	int childstatus;
	int go;			/* if >= 0: written a byte and closed once sampling runs */
	volatile sig_atomic_t *stop;
	/* results */
	int ncpu;
	uint64_t nsample;
	uint64_t lost;
};

/*
 * Sample the kernel on every CPU (cpu-clock, kernel mode only) into
 * Plan 9's kpdata layout relative to r->base: pcs outside [base+16,
 * etext) count in word 1. NULL on error (perf events refused: the cause).
 */
Ticks *krecord(Krec *r);

#endif
