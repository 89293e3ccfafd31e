/*
 * The ground floor of the tools' library: error messages, every input file
 * opened and read (types checked, never blocking, size limited), every output
 * file written whole or not at all, storage for many names freed together,
 * and Plan 9's libc where its behaviour is
 * part of the output (qsort's order of ties, print's decimal %f rounding).
 * It calls nothing else in the library.
 *
 * Errors: functions that fail return -1 or NULL and record a message
 * "object: reason" that errstr() returns; the library never prints
 * (except the printers, to the FILE* they are given) and never exits.
 */
#ifndef PROFTOOLS_BASE_H
#define PROFTOOLS_BASE_H

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

/* names.c: names kept in blocks freed together */

typedef struct Names Names;
struct Names
{
	char **blocks;
	size_t nblocks;
	char *next;		/* free space in the current block */
	size_t left;		/* its size */
};

/* A copy of s[0..n), NUL-terminated, kept until namesfree; NULL if out of memory. */
const char *namesave(Names *ns, const char *s, size_t n);
/* Free every name kept (ns is empty again). */
void namesfree(Names *ns);

/* p9qsort.c */

/*
 * Sort as Plan 9's libc qsort does (sys/src/libc/port/qsort.c): the same
 * comparisons and exchanges, so elements that compare equal end where
 * Plan 9's leave them; its reports sort by time alone and print that order.
 */
void p9qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

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

#endif
