/*
 * Live processes: /proc (processes, threads, mappings), a command launched
 * stopped at its first instruction, tprof's samplers (perf events; ptrace
 * where refused), samples counted into Plan 9's layout through each process's
 * mappings, -a's list of pcs outside the text, and user stacks unwound from
 * registers and a stack copy by CFI. Uses tick, sym and base.
 */
#ifndef PROFTOOLS_LIVE_H
#define PROFTOOLS_LIVE_H

#include "tick/tick.h"

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

/* Used inside this folder and the folders above it only. */

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

#endif
