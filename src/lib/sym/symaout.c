/*
 * Plan 9 a.out executables and kernels: their header and text symbols,
 * read as Plan 9's libmach reads them (executable.c crackhdr, sym.c
 * syminit and buildtbls); and the symbols of a program file of either
 * kind, ELF or a.out, told apart by its magic.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sym/sym.h"

/* a.out.h: magic numbers */
#define MAGIC9(f, b)	((f) | ((4 * (b) + 0) * (b) + 7))
enum {
	Hdrmagic = 0x8000,	/* header expansion: a 64-bit entry follows */
	Dynmagic = 0x80000000u,	/* a dynamically loadable module */
	Execsize = 32,		/* 8 big-endian longs */
	Nname = 20,		/* old-style symbols: fixed-length names */
};

/*
 * How libmach places the text: adotout (at pgsize past the header), or
 * common, which does the same but for a dynamically loadable module
 * (at 0) and, in commonboot, a boot image (its entry within the kernel
 * text mask): at its entry (Bootentry), or where it was (Bootkeep, 68020).
 */
enum { Adotout, Bootentry, Bootkeep };

typedef struct Machine Machine;
struct Machine
{
	uint32_t magic;
	const char *arch;	/* $objtype */
	int hdr;		/* header bytes */
	int placing;
	uint64_t pgsize;	/* Mach.pgsize */
	uint64_t kbase;		/* Mach.kbase */
	uint64_t ktmask;	/* Mach.ktmask */
	int bigendian;		/* Machdata.swal: the machine's byte order */
	int valsz;		/* bytes of a symbol's value */
};

/*
 * The a.out machines of libmach's exectab (4th edition), with their Mach
 * (2.c 68020.c 8.c k.c v.c 5.c q.c alpha.c 6.c) and the byte order of
 * their Machdata (setmach.c's machbytype: P_MAGIC, spim, is mips with
 * little-endian data).
 */
static const Machine machines[] = {
	{MAGIC9(0, 8), "68020", Execsize, Bootkeep, 0x2000, 0x80000000, 0x80000000, 1, 4},
	{MAGIC9(0, 11), "386", Execsize, Bootentry, 0x1000, 0xF0100000, 0xF0000000, 0, 4},
	{MAGIC9(0, 13), "sparc", Execsize, Adotout, 0x1000, 0xE0000000, 0xE0000000, 1, 4},
	{MAGIC9(0, 16), "mips", Execsize, Adotout, 16 * 1024, 0x80000000, 0x80000000, 1, 4},
	{MAGIC9(0, 20), "arm", Execsize, Bootentry, 0x1000, 0xC0000000, 0xC0000000, 0, 4},
	{MAGIC9(0, 21), "power", Execsize, Bootentry, 0x100000, 0x80000000, 0xF0000000, 1, 4},
	{MAGIC9(0, 23), "alpha", Execsize, Bootentry, 0x2000, 0x80000000, 0xF0000000, 0, 4},
	{MAGIC9(0, 24), "spim", Execsize, Adotout, 16 * 1024, 0x80000000, 0x80000000, 0, 4},
	{MAGIC9(Hdrmagic, 26), "amd64", Execsize + 8, Bootentry, 0x200000, 0xfffffffff0110000ull,
		0xffff800000000000ull, 0, 8},
};

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t
get64(const unsigned char *p)
{
	return (uint64_t)get32(p) << 32 | get32(p + 4);
}

/* The machine of a file beginning with the 4 bytes at p, or NULL. */
static const Machine *
machineof(const unsigned char *p)
{
	uint32_t magic;
	size_t i;

	magic = get32(p) & ~Dynmagic;
	for(i = 0; i < sizeof machines / sizeof machines[0]; i++)
		if(machines[i].magic == magic)
			return &machines[i];
	return NULL;
}

/* The header's facts into a, as crackhdr gives them; the symbol table's place in *symoff, *symsz. */
static void
header(const unsigned char *b, const Machine *m, Aout *a, uint64_t *symoff, uint64_t *symsz)
{
	uint32_t magic, text, data;

	magic = get32(b);
	text = get32(b + 4);
	data = get32(b + 8);
	memset(a, 0, sizeof *a);
	a->arch = m->arch;
	a->magic = magic;
	a->entry = m->hdr > Execsize ? get64(b + Execsize) : get32(b + 20);
	a->txtaddr = m->pgsize + m->hdr;
	a->txtsz = text;
	a->pgsize = m->pgsize;
	a->kbase = m->kbase;
	a->bigendian = m->bigendian;
	if(m->placing != Adotout && (magic & Dynmagic))
		a->txtaddr = 0;
	else if(m->placing == Bootentry && (a->entry & m->ktmask))
		a->txtaddr = a->entry;
	*symoff = (uint64_t)m->hdr + text + data;
	*symsz = get32(b + 16);
}

/*
 * The name of the symbol at p (end: the table's end): its length in the
 * table into *len. NULL if it runs past the end. A z or Z symbol's name
 * (a source file's path as indices of f symbols) is a byte, then
 * big-endian shorts up to a 0 one: "" is returned for it.
 */
static const char *
symname(const unsigned char *p, const unsigned char *end, int type, size_t *len)
{
	const unsigned char *q;

	if((type & 0x80) == 0){
		/* old style: Nname bytes, not always NUL-terminated, then 3 more */
		if(end - p < Nname + 3)
			return NULL;
		*len = Nname + 3;
		return (const char *)p;
	}
	type &= 0x7F;
	if(type == 'z' || type == 'Z'){
		if(end - p < 1)
			return NULL;
		for(q = p + 1; end - q >= 2; q += 2)
			if(q[0] == 0 && q[1] == 0){
				*len = q + 2 - p;
				return "";
			}
		return NULL;
	}
	q = memchr(p, '\0', end - p);
	if(q == NULL)
		return NULL;
	*len = q + 1 - p;
	return (const char *)p;
}

/* Is a symbol of this type a text symbol (libmach's T, t, L, l)? */
static int
istext(int type)
{
	return type == 'T' || type == 't' || type == 'L' || type == 'l';
}

/*
 * The next symbol of the table at *p (before end): its value, type and
 * name (length *len in the table; old-style names not ended). NULL with
 * the error set if it runs past the end; symbol i, for the message.
 */
static const char *
nextsym(const unsigned char **p, const unsigned char *end, int valsz, uint64_t *value, int *type, size_t i, const char *name)
{
	const char *s;
	size_t len;

	if(end - *p < valsz + 1){
		werrstr("%s: symbol %zu runs past the end of the symbol table", name, i);
		return NULL;
	}
	*value = valsz == 8 ? get64(*p) : get32(*p);
	*type = (*p)[valsz];
	*p += valsz + 1;
	if((s = symname(*p, end, *type, &len)) == NULL){
		werrstr("%s: symbol %zu: its name runs past the end of the symbol table", name, i);
		return NULL;
	}
	*p += len;
	return s;
}

/* A text symbol's value and place among the text symbols of the file. */
typedef struct Txt Txt;
struct Txt
{
	uint64_t value;
	size_t k;
};

/* By value alone, as libmach's txtcomp. */
static int
txtcmp(const void *va, const void *vb)
{
	const Txt *a, *b;

	a = va;
	b = vb;
	return (a->value > b->value) - (a->value < b->value);
}

/*
 * Where libmach's text table (the text symbols in the file's order,
 * sorted by value by Plan 9's qsort) puts each text symbol: *place
 * (malloc'd) by place in the file; *n of them. Of several at one address
 * findsym and prof's symind take the last there. 0 or -1.
 */
static int
textplaces(const unsigned char *p, const unsigned char *end, int valsz, const char *name, size_t **place, size_t *n)
{
	size_t i, cap;
	uint64_t value;
	Txt *txt, *nt;
	int type;

	txt = NULL;
	*place = NULL;
	*n = cap = 0;
	for(i = 0; p < end; i++){
		if(nextsym(&p, end, valsz, &value, &type, i, name) == NULL){
			free(txt);
			return -1;
		}
		if(!istext(type & 0x7F))
			continue;
		if(*n == cap){
			cap = cap ? 2 * cap : 256;
			if((nt = realloc(txt, cap * sizeof *nt)) == NULL)
				goto nomem;
			txt = nt;
		}
		txt[*n] = (Txt){ value, *n };
		(*n)++;
	}
	p9qsort(txt, *n, sizeof *txt, txtcmp);
	if((*place = malloc((*n ? *n : 1) * sizeof **place)) == NULL)
		goto nomem;
	for(i = 0; i < *n; i++)
		(*place)[txt[i].k] = i;
	free(txt);
	return 0;
nomem:
	free(txt);
	werrstr("%s: out of memory", name);
	return -1;
}

/*
 * Add the text symbols of the table [p, end) to t, ranked so that of
 * several at one address the one libmach's table has last wins (rank
 * falls as the place grows). 0 or -1.
 */
static int
addsyms(Symtab *t, const unsigned char *p, const unsigned char *end, int valsz, const char *name)
{
	char old[Nname + 1];
	size_t *place, n, i, k;
	const char *s;
	uint64_t value;
	int type, r;

	if(textplaces(p, end, valsz, name, &place, &n) < 0)
		return -1;
	r = 0;
	for(i = k = 0; p < end && r == 0; i++){
		s = nextsym(&p, end, valsz, &value, &type, i, name);
		if(!istext(type & 0x7F))
			continue;
		if((type & 0x80) == 0){
			memcpy(old, s, Nname);
			old[Nname] = '\0';
			s = old;
		}
		if(symadd(t, s, value, 0, place[k] > INT32_MAX ? INT32_MIN : -(int)place[k]) < 0){
			werrstr("%s: out of memory", name);
			r = -1;
		}
		k++;
	}
	free(place);
	return r;
}

Symtab *
aoutparse(const unsigned char *buf, size_t n, Aout *a, const char *name)
{
	const Machine *m;
	uint64_t symoff, symsz;
	Aout h;
	Symtab *t;

	if(a == NULL)
		a = &h;
	m = n >= 4 ? machineof(buf) : NULL;
	if(m == NULL){
		werrstr("%s: not a Plan 9 a.out", name);
		return NULL;
	}
	if(n < (size_t)m->hdr){
		werrstr("%s: truncated a.out header: %zu bytes of %d", name, n, m->hdr);
		return NULL;
	}
	header(buf, m, a, &symoff, &symsz);
	if(symoff > n || symsz > n - symoff){
		werrstr("%s: symbol table (%#llx bytes at %#llx) past the end of the file (%#zx bytes)", name,
			(unsigned long long)symsz, (unsigned long long)symoff, n);
		return NULL;
	}
	if(symsz == 0){
		werrstr("%s: no symbol table", name);
		return NULL;
	}
	t = symnew();
	if(t == NULL)
		return NULL;
	if(addsyms(t, buf + symoff, buf + symoff + symsz, m->valsz, name) < 0
	|| symfinish(t, a->txtaddr + a->txtsz) < 0){
		symfree(t);
		return NULL;
	}
	if(t->nsym == 0){
		werrstr("%s: no text symbols", name);
		symfree(t);
		return NULL;
	}
	t->p9end = 1;	/* its last text symbol, etext, holds every pc past it */
	return t;
}

/*
 * The first n bytes of file into buf, if it is a regular file (opened
 * without waiting: a FIFO is not read). The count read, or -1.
 */
static ssize_t
peek(const char *file, unsigned char *buf, size_t n)
{
	struct stat st;
	ssize_t r;
	int fd;

	fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if(fd < 0)
		return -1;
	r = -1;
	if(fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		r = pread(fd, buf, n, 0);
	close(fd);
	return r;
}

int
isaout(const char *file)
{
	unsigned char b[4];

	return peek(file, b, 4) == 4 && machineof(b) != NULL;
}

Symtab *
symaout(const char *file, Aout *a)
{
	unsigned char *buf;
	Symtab *t;
	size_t n;

	buf = readfile(file, &n);
	if(buf == NULL)
		return NULL;
	t = aoutparse(buf, n, a, file);
	free(buf);
	return t;
}

Symtab *
symprog(const char *file, Aout *a)
{
	unsigned char b[6];
	Aout h;
	ssize_t n;

	if(a == NULL)
		a = &h;
	n = peek(file, b, sizeof b);
	if(n >= 4 && machineof(b) != NULL)
		return symaout(file, a);
	memset(a, 0, sizeof a[0]);
	a->pgsize = (uint64_t)sysconf(_SC_PAGESIZE);
	a->bigendian = n == 6 && b[5] == 2;	/* ELF's EI_DATA: ELFDATA2MSB */
	return symelf(file);
}
