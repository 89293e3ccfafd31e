/*
 * Symbols and ELF: format-neutral symbol tables and the lookup rule, read from
 * ELF (libelf; separate debug files; .symtab, else .dynsym) or from Plan 9
 * a.out programs and kernels as libmach reads them; C++ demangling; address
 * spaces of tables placed at load biases; an ELF file's loadable segments
 * and build-id. Uses base.
 */
#ifndef PROFTOOLS_SYM_H
#define PROFTOOLS_SYM_H

#include "base/base.h"

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
	Names names;
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
/*
 * The pc that stands for a caller that could not be found, ending a
 * chain: no CFI for the pc and no frame-pointer chain to trust, a rule
 * that needs memory outside the stack copy, or a malformed table.
 * spacename names it "[unknown]".
 */
#define Unknownpc UINT64_MAX

/* Name of pc: its symbol's name, "[unknown]" for Unknownpc, or "#hex" written into buf. */
const char *spacename(const Space *s, uint64_t pc, char *buf, size_t nbuf);

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

/* Used inside this folder and the folders above it only. */

/* elfload.c */

typedef struct Elf Elf;	/* libelf's */

/* elfload of e, which is open (file is used in errors). 0, or -1. */
int elfloadof(Elf *e, Elfload *l, const char *file);

#endif
