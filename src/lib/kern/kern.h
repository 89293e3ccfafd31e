/*
 * The kernel: its symbol tables (vmlinux, System.map, kallsyms, Plan 9
 * kernels), kpdata and /proc/profile read against them, and kprof's recorder
 * (perf events on every CPU, playing /dev/kpctl's part). Uses live (the
 * clock), tick, sym and base.
 */
#ifndef PROFTOOLS_KERN_H
#define PROFTOOLS_KERN_H

#include "live/live.h"

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
