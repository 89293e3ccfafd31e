/* Kernel symbol tables: an ELF vmlinux, a System.map, /proc/kallsyms. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kern/kern.h"

/* The marks of a kernel's text, as they are found. */
typedef struct Marks Marks;
struct Marks
{
	uint64_t text, stext, etext;
	int havetext, havestext, haveetext;
};

static void
mark(Marks *m, const char *name, uint64_t value)
{
	if(strcmp(name, "_text") == 0 && !m->havetext){
		m->text = value;
		m->havetext = 1;
	}else if(strcmp(name, "_stext") == 0 && !m->havestext){
		m->stext = value;
		m->havestext = 1;
	}else if(strcmp(name, "_etext") == 0 && !m->haveetext){
		m->etext = value;
		m->haveetext = 1;
	}
}

/* The marks among the symbols of the ELF file (of any type). 0 or -1. */
static int
elfmarks(const char *file, Marks *m)
{
	Elf_Scn *scn;
	Elf_Data *d;
	GElf_Shdr sh;
	GElf_Sym s;
	struct stat st;
	const char *name;
	Elf *e;
	int fd, i;

	if(elf_version(EV_CURRENT) == EV_NONE){
		werrstr("libelf: %s", elf_errmsg(-1));
		return -1;
	}
	fd = fileopen(file, Fregular, &st);
	if(fd < 0)
		return -1;
	e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	for(scn = NULL; e != NULL && (scn = elf_nextscn(e, scn)) != NULL; ){
		if(gelf_getshdr(scn, &sh) == NULL || sh.sh_type != SHT_SYMTAB)
			continue;
		for(d = NULL; (d = elf_getdata(scn, d)) != NULL; )
			for(i = 0; gelf_getsym(d, i, &s) != NULL; i++)
				if((name = elf_strptr(e, sh.sh_link, s.st_name)) != NULL && name[0] == '_')
					mark(m, name, s.st_value);
	}
	elf_end(e);
	close(fd);
	return 0;
}

static int
ishex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int
hexval(int c)
{
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

static int
blank(int c)
{
	return c == ' ' || c == '\t';
}

/* One parsed line of System.map or kallsyms: "addr type name [\t[module]]". */
typedef struct Line Line;
struct Line
{
	uint64_t addr;
	int type;
	char *name;		/* NUL-terminated in place */
	int module;
};

/*
 * Is the line [p, nl) none of a symbol's, to pass over as nm's readers
 * do: blank, a # comment, or nm's line of an undefined symbol (no
 * address: "    U name")?
 */
static int
noline(const char *p, const char *nl)
{
	while(p < nl && blank(*p))
		p++;
	if(p == nl || *p == '#')
		return 1;
	return nl - p >= 3 && isalpha((unsigned char)p[0]) && blank(p[1]) && (p[0] == 'U' || p[0] == 'w' || p[0] == 'v');
}

/*
 * Parse the line at p (up to end; a CR before its newline is not its
 * own); *next is the following line. 0, 1 if it is none of a symbol's
 * (noline), or -1 if malformed.
 */
static int
parseline(char *p, char *end, Line *l, char **next)
{
	char *nl;
	int nd;

	nl = memchr(p, '\n', end - p);
	if(nl == NULL)
		nl = end;
	*next = nl < end ? nl + 1 : end;
	if(nl > p && nl[-1] == '\r')
		nl--;
	if(noline(p, nl))
		return 1;
	l->addr = 0;
	for(nd = 0; p < nl && ishex(*p); p++, nd++)
		l->addr = l->addr << 4 | hexval(*p);
	if(nd == 0 || nd > 16 || p == nl || !blank(*p))
		return -1;
	while(p < nl && blank(*p))
		p++;
	if(p == nl || blank(p[1]) == 0)
		return -1;
	l->type = *p++;
	while(p < nl && blank(*p))
		p++;
	l->name = p;
	while(p < nl && !blank(*p))
		p++;
	if(p == l->name)
		return -1;
	l->module = 0;
	if(p < nl){
		*p++ = '\0';
		while(p < nl && blank(*p))
			p++;
		l->module = p < nl && *p == '[';
	}else
		*p = '\0';	/* the newline, or the CR before it */
	return 0;
}

/* Is type a text symbol's (readprofile's choice: T, t, W, w)? */
static int
istext(int type)
{
	return type == 'T' || type == 't' || type == 'W' || type == 'w';
}

static int
typerank(int type)
{
	switch(type){
	case 'T':
		return Rankglobal;
	case 'W':
	case 'w':
		return Rankweak;
	}
	return Ranklocal;
}

/* The text symbols of a System.map or kallsyms image into t; marks into m. 0 or -1. */
static int
textsyms(Ksyms *k, char *buf, size_t n, Marks *m, const char *file)
{
	char *p, *end, *next;
	size_t line, nsym, nonzero;
	Line l;
	int r;

	end = buf + n;
	nsym = nonzero = 0;
	for(p = buf, line = 1; p < end; p = next, line++){
		if((r = parseline(p, end, &l, &next)) < 0){
			werrstr("%s: line %zu: not a System.map or kallsyms line: not a kernel's symbol table", file, line);
			return -1;
		}
		if(r > 0)
			continue;
		nsym++;
		nonzero += l.addr != 0;
		if(l.module){
			k->nmodsym += l.type == 'T' || l.type == 't';
			continue;
		}
		if(l.name[0] == '_')
			mark(m, l.name, l.addr);
		if(istext(l.type) && symadd(k->tab, l.name, l.addr, 0, typerank(l.type)) < 0)
			return -1;
	}
	if(nsym > 0 && nonzero == 0){
		werrstr("%s: every address is zero: the kernel hides them from this user "
			"(kernel.kptr_restrict, kernel.perf_event_paranoid); read it as root", file);
		return -1;
	}
	return 0;
}

/* Keep the symbols in [k->text, k->etext). */
static void
ksymclip(Ksyms *k)
{
	Symtab *t;
	size_t i, n;

	t = k->tab;
	n = 0;
	for(i = 0; i < t->nsym; i++)
		if(t->sym[i].value >= k->text && t->sym[i].value < k->etext)
			t->sym[n++] = t->sym[i];
	t->nsym = n;
	t->end = k->etext;
}

/* Place k on the marks m. 0, or -1 if they are not a kernel's. */
static int
place(Ksyms *k, const Marks *m, const char *file)
{
	Symtab *t;

	if(!m->havetext && !m->havestext){
		werrstr("%s: not a kernel's symbol table (no _stext or _text)", file);
		return -1;
	}
	k->text = m->havetext ? m->text : m->stext;
	k->stext = m->havestext ? m->stext : m->text;
	t = k->tab;
	k->haveetext = m->haveetext && m->etext > k->text;
	k->etext = k->haveetext ? m->etext : t->end;
	ksymclip(k);
	if(t->nsym == 0){
		werrstr("%s: no text symbols between _text and _etext", file);
		return -1;
	}
	return 0;
}

/* Does the regular file open on fd begin as an ELF file? */
static int
iself(int fd)
{
	unsigned char b[4];

	return pread(fd, b, 4, 0) == 4 && memcmp(b, ELFMAG, 4) == 0;
}

/*
 * The symbols of a System.map or kallsyms text into k, marks into m,
 * read from fd (file, whose stat is st) once: it may be a pipe. 0 or -1.
 */
static int
readtext(Ksyms *k, int fd, const struct stat *st, const char *file, Marks *m)
{
	unsigned char *buf, *nb;
	size_t n;
	int r;

	buf = readfd(fd, st, file, &n);
	if(buf == NULL)
		return -1;
	if(n >= 4 && memcmp(buf, ELFMAG, 4) == 0){
		free(buf);
		werrstr("%s: an ELF kernel must be a regular file, not a pipe", file);
		return -1;
	}
	if(n == 0){
		free(buf);
		werrstr("%s: empty file: not a kernel's symbol table", file);
		return -1;
	}
	if(buf[n - 1] != '\n'){
		/* every line ends in a newline, where parseline ends its last field */
		nb = realloc(buf, n + 1);
		if(nb == NULL){
			free(buf);
			werrstr("%s: out of memory", file);
			return -1;
		}
		buf = nb;
		buf[n++] = '\n';
	}
	k->kind = Ktext;
	k->tab = symnew();
	r = k->tab == NULL || textsyms(k, (char *)buf, n, m, file) < 0 || symfinish(k->tab, 0) < 0 ? -1 : 0;
	free(buf);
	return r;
}

Ksyms *
ksymread(const char *file)
{
	struct stat st;
	Marks m;
	Ksyms *k;
	int fd, r;

	/* opened once: a pipe's bytes can be read only once (nor opened twice: its writer goes) */
	if((fd = fileopen(file, Fstream, &st)) < 0)
		return NULL;
	if(S_ISREG(st.st_mode) && isaout(file)){
		close(fd);
		return ksymaout(file);
	}
	k = calloc(1, sizeof *k);
	if(k == NULL){
		close(fd);
		werrstr("%s: out of memory", file);
		return NULL;
	}
	memset(&m, 0, sizeof m);
	if(S_ISREG(st.st_mode) && iself(fd)){
		close(fd);
		k->kind = Kelf;
		r = elfmarks(file, &m);
		if(r == 0 && (k->tab = symelf(file)) == NULL)
			r = -1;
		if(!m.havetext && !m.havestext && (r == 0 || strstr(errstr(), "truncated") == NULL)){
			/* a sound ELF file, but no kernel; or a truncated one, which says so */
			werrstr("%s: not a kernel's symbol table (no _stext or _text)", file);
			r = -1;
		}
	}else{
		r = readtext(k, fd, &st, file, &m);
		close(fd);
	}
	if(r < 0 || place(k, &m, file) < 0){
		ksymfree(k);
		return NULL;
	}
	return k;
}

void
ksymfree(Ksyms *k)
{
	if(k == NULL)
		return;
	symfree(k->tab);
	free(k);
}

Ksyms *
ksymaout(const char *file)
{
	Ksyms *k;
	Aout a;

	k = calloc(1, sizeof *k);
	if(k == NULL){
		werrstr("%s: out of memory", file);
		return NULL;
	}
	k->tab = symaout(file, &a);
	if(k->tab == NULL){
		free(k);
		return NULL;
	}
	/* Plan 9's kprof: KTZERO is the machine's kernel base, whatever the file says */
	k->kind = Kaout;
	k->text = a.kbase;
	k->stext = a.kbase;
	k->etext = k->tab->end;
	k->haveetext = 1;
	k->pgsize = a.pgsize;
	ksymclip(k);	/* a symbol below the kernel base is no text of the kernel */
	if(k->tab->nsym == 0){
		werrstr("%s: no text symbols at or above the kernel base %#llx", file, (unsigned long long)a.kbase);
		ksymfree(k);
		return NULL;
	}
	return k;
}
