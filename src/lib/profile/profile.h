/*
 * Call-tree profiles and their reports: the model (Prof) and its checks;
 * reading our prof.<pid>, Plan 9's and 9front's prof.out, the format told by
 * the first bytes; summing profiles; profiles by names and the comparison of
 * two; every printer of a call tree (Plan 9's flat report and call graph,
 * folded stacks, callgrind, the flame graph and its script, pprof's
 * profile.proto encoder). Uses sym and base.
 */
#ifndef PROFTOOLS_PROFILE_H
#define PROFTOOLS_PROFILE_H

#include "sym/sym.h"

/* model.c: call-tree profiles in memory */

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

enum { Pclassic, Ppid, P9front };	/* Prof.format: Plan 9 4th edition, ours, 9front */

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
	/* Ppid only (see proffile.h); pcs are run-time addresses */
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
Prof *pidparse(const unsigned char *buf, size_t n, const char *name);
/*
 * The profile with the subtrees of the root's children merged into one
 * root: nodes on the same path of pcs become one, counts and times summed.
 * p is freed. NULL on error.
 */
Prof *profmergeroots(Prof *p, const char *name);
/* Proftype t's name: "user", "kernel", "elapsed", "sample", "stacks", or "unknown". */
const char *proftypename(int t);
/* What the profile's times measured, if not what its proftype says; else NULL. */
const char *profcaveat(const Prof *p);
void proffree(Prof *p);

/* stacks.c: call stacks of samples as a call-tree profile (prof.<pid>, proftype Pfstacks) */

typedef struct Stacks Stacks;
typedef struct Stframe Stframe;

/* A frame: off bytes into module mod (as a Pfnode's), or the address off if mod is Pnone. */
struct Stframe
{
	uint32_t mod;
	uint64_t off;
};

/* No stacks yet; samples every periodns ns of a clock (mechanism: proffile.h's M*). NULL if out of memory. */
Stacks *stacksnew(uint64_t periodns, int mechanism);
void stacksfree(Stacks *s);
/*
 * The index of module m (path, bias, build-id; copied): the one added
 * before with the same path and build-id, else a new one (isexe: the
 * executable's). Pnone on error.
 */
uint32_t stacksmod(Stacks *s, const Pmod *m, int isexe);
/* weight samples whose stack is f[0..n), root first (n > 0). 0, or -1 (a module out of range, no memory). */
int stacksadd(Stacks *s, const Stframe *f, size_t n, uint64_t weight);
/* n samples were lost (the kernel's buffer was full). */
void stackslost(Stacks *s, uint64_t n);
/* The stacks as a prof.<pid> image (one thread, tid 0), *n bytes, malloc'd. NULL on error. */
unsigned char *stacksimage(const Stacks *s, size_t *n);

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
	Names names;
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

/* Used inside this folder and the folders above it only. */

/*
 * A Prof holding the nodes of raw[0..n) reachable from raw[0], checked:
 * NULL with the error set if a link is out of range or a node is reached
 * twice; and if nested (our prof.<pid>, whose times must nest, unlike
 * Plan 9's and 9front's, which may wrap or hold an active function's
 * negative time), if its times cannot be (see timecheck in model.c).
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
 * pidparse, the modules that base (a Ppid profile, or NULL) also has
 * placed where they are in base (see modmatch).
 */
Prof *pidparsefor(const unsigned char *buf, size_t n, const Prof *base, const char *name);
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
