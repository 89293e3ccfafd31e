/* Text symbols of ELF files, through libelf. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sym/sym.h"

enum { Maxid = sizeof ((Symtab *)0)->buildid };

static int
bindrank(int bind)
{
	switch(bind){
	case STB_GLOBAL:
		return Rankglobal;
	case STB_WEAK:
		return Rankweak;
	}
	return Ranklocal;
}

/* The symbol table section to read: .symtab, else .dynsym, else NULL. */
static Elf_Scn *
symsection(Elf *e, GElf_Shdr *sh)
{
	Elf_Scn *scn, *dyn;
	GElf_Shdr h, dh;

	dyn = NULL;
	for(scn = elf_nextscn(e, NULL); scn != NULL; scn = elf_nextscn(e, scn)){
		if(gelf_getshdr(scn, &h) == NULL)
			continue;
		if(h.sh_type == SHT_SYMTAB){
			*sh = h;
			return scn;
		}
		if(h.sh_type == SHT_DYNSYM && dyn == NULL){
			dyn = scn;
			dh = h;
		}
	}
	if(dyn != NULL)
		*sh = dh;
	return dyn;
}

/* The highest end address of an executable section. */
static uint64_t
textend(Elf *e)
{
	Elf_Scn *scn;
	GElf_Shdr h;
	uint64_t end;

	end = 0;
	for(scn = elf_nextscn(e, NULL); scn != NULL; scn = elf_nextscn(e, scn))
		if(gelf_getshdr(scn, &h) != NULL && (h.sh_flags & SHF_EXECINSTR)
		&& h.sh_type != SHT_NOBITS && h.sh_addr + h.sh_size > end)
			end = h.sh_addr + h.sh_size;
	return end;
}

/* The GNU build-id among e's note sections into id (up to Maxid bytes); its length, or 0. */
static size_t
buildid(Elf *e, unsigned char *id)
{
	Elf_Scn *scn;
	Elf_Data *d;
	GElf_Shdr h;
	GElf_Nhdr nh;
	size_t off, next, noff, doff;

	for(scn = elf_nextscn(e, NULL); scn != NULL; scn = elf_nextscn(e, scn)){
		if(gelf_getshdr(scn, &h) == NULL || h.sh_type != SHT_NOTE)
			continue;
		d = elf_getdata(scn, NULL);
		for(off = 0; d != NULL && off < d->d_size; off = next){
			next = gelf_getnote(d, off, &nh, &noff, &doff);
			if(next == 0)
				break;
			if(nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4
			&& memcmp((char *)d->d_buf + noff, "GNU", 4) == 0
			&& nh.n_descsz > 0 && nh.n_descsz <= Maxid){
				memcpy(id, (char *)d->d_buf + doff, nh.n_descsz);
				return nh.n_descsz;
			}
		}
	}
	return 0;
}

/* Add the function symbols of section scn to t. 0 or -1. */
static int
addsyms(Symtab *t, Elf *e, Elf_Scn *scn, GElf_Shdr *sh, const char *file)
{
	Elf_Data *d;
	GElf_Sym s;
	size_t i, n, ent;
	const char *name;
	int type;

	ent = gelf_fsize(e, ELF_T_SYM, 1, EV_CURRENT);
	d = NULL;
	while((d = elf_getdata(scn, d)) != NULL){
		if(d->d_type != ELF_T_SYM || ent == 0)
			continue;
		n = d->d_size / ent;
		for(i = 0; i < n; i++){
			if(gelf_getsym(d, (int)i, &s) == NULL)
				break;
			type = GELF_ST_TYPE(s.st_info);
			if(type != STT_FUNC && type != STT_GNU_IFUNC)
				continue;
			if(s.st_shndx == SHN_UNDEF)
				continue;
			name = elf_strptr(e, sh->sh_link, s.st_name);
			if(name == NULL || name[0] == '\0')
				continue;
			if(symadd(t, name, s.st_value, s.st_size, bindrank(GELF_ST_BIND(s.st_info))) < 0){
				werrstr("%s: out of memory", file);
				return -1;
			}
		}
	}
	return 0;
}

/* Do e's section headers lie past the end of its size bytes? */
static int
truncated(Elf *e, uint64_t size)
{
	GElf_Ehdr h;

	if(elf_kind(e) != ELF_K_ELF || gelf_getehdr(e, &h) == NULL)
		return 0;
	return h.e_shoff > size || (uint64_t)h.e_shnum * h.e_shentsize > size - h.e_shoff;
}

/*
 * Separate debug files, found as gdb finds them. A stripped file keeps
 * .dynsym only; its full .symtab may be in a debug file, at the same
 * addresses: under each debug root (/usr/lib/debug, or the colon-separated
 * list in $profdebugdir; set but empty, none), as .build-id/ab/cdef....debug
 * after the file's build-id ab cd ef..., else by the name in its
 * .gnu_debuglink, with the CRC-32 given there, in the file's directory, in
 * its .debug subdirectory, and under each debug root followed by the
 * file's directory.
 */

enum { Maxpath = 4096, Maxroots = 16 };

/* The CRC-32 of the open file fd (zlib's, as .gnu_debuglink's) into *crc. 0 or -1. */
static int
filecrc(int fd, uint32_t *crc)
{
	uint32_t tab[256], c;
	unsigned char buf[65536];
	ssize_t n, i;
	off_t off;
	int k;

	for(i = 0; i < 256; i++){
		c = (uint32_t)i;
		for(k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
		tab[i] = c;
	}
	c = 0xFFFFFFFFu;
	for(off = 0; (n = pread(fd, buf, sizeof buf, off)) > 0; off += n)
		for(i = 0; i < n; i++)
			c = tab[(c ^ buf[i]) & 0xFF] ^ (c >> 8);
	*crc = c ^ 0xFFFFFFFFu;
	return n < 0 ? -1 : 0;
}

/*
 * The debug file at path, if it holds a .symtab, is not self, and has the
 * build-id id (if idlen) or the CRC-32 crc (if idlen is 0): its Elf, open
 * on *fd. Else NULL.
 */
static Elf *
debugtry(const char *path, const struct stat *self, const unsigned char *id, size_t idlen, uint32_t crc, int *fd)
{
	unsigned char did[Maxid];
	struct stat st;
	GElf_Shdr sh;
	uint32_t c;
	Elf *d;

	*fd = fileopen(path, Fregular, &st);
	if(*fd < 0)
		return NULL;
	d = NULL;
	if((st.st_dev == self->st_dev && st.st_ino == self->st_ino))
		goto no;
	if(idlen == 0 && (filecrc(*fd, &c) < 0 || c != crc))
		goto no;
	d = elf_begin(*fd, ELF_C_READ_MMAP, NULL);
	if(d == NULL || elf_kind(d) != ELF_K_ELF || truncated(d, st.st_size)
	|| symsection(d, &sh) == NULL || sh.sh_type != SHT_SYMTAB)
		goto no;
	if(idlen > 0 && (buildid(d, did) != idlen || memcmp(did, id, idlen) != 0))
		goto no;
	return d;
no:
	if(d != NULL)
		elf_end(d);
	close(*fd);
	*fd = -1;
	return NULL;
}

/* The debug roots, split into buf: up to Maxroots in root[]; their count. */
static size_t
debugroots(char *buf, size_t nbuf, char **root)
{
	const char *s;
	char *p, *save;
	size_t n;

	s = getenv("profdebugdir");
	snprintf(buf, nbuf, "%s", s != NULL ? s : "/usr/lib/debug");
	n = 0;
	for(p = strtok_r(buf, ":", &save); p != NULL && n < Maxroots; p = strtok_r(NULL, ":", &save))
		root[n++] = p;
	return n;
}

/* e's .gnu_debuglink: the name into name[nname], its CRC-32 into *crc. 0, or -1 if none. */
static int
debuglink(Elf *e, char *name, size_t nname, uint32_t *crc)
{
	const unsigned char *b;
	const char *sn;
	Elf_Scn *scn;
	Elf_Data *d;
	GElf_Ehdr eh;
	GElf_Shdr h;
	size_t shstr, len, off;

	if(gelf_getehdr(e, &eh) == NULL || elf_getshdrstrndx(e, &shstr) < 0)
		return -1;
	for(scn = elf_nextscn(e, NULL); scn != NULL; scn = elf_nextscn(e, scn)){
		if(gelf_getshdr(scn, &h) == NULL || h.sh_type != SHT_PROGBITS)
			continue;
		sn = elf_strptr(e, shstr, h.sh_name);
		if(sn == NULL || strcmp(sn, ".gnu_debuglink") != 0)
			continue;
		d = elf_rawdata(scn, NULL);
		if(d == NULL || d->d_buf == NULL)
			return -1;
		/* the name, NUL, padding to 4 bytes, the CRC in the file's byte order */
		b = d->d_buf;
		len = strnlen((const char *)b, d->d_size);
		off = (len + 4) & ~(size_t)3;
		if(len == 0 || len >= nname || off + 4 > d->d_size)
			return -1;
		memcpy(name, b, len + 1);
		if(eh.e_ident[EI_DATA] == ELFDATA2MSB)
			*crc = (uint32_t)b[off] << 24 | (uint32_t)b[off + 1] << 16 | (uint32_t)b[off + 2] << 8 | b[off + 3];
		else
			*crc = (uint32_t)b[off + 3] << 24 | (uint32_t)b[off + 2] << 16 | (uint32_t)b[off + 1] << 8 | b[off];
		return 0;
	}
	return -1;
}

/* The separate debug file of e (file, whose stat is self): its Elf, open on *fd; or NULL. */
static Elf *
debugopen(Elf *e, const char *file, const struct stat *self, int *fd)
{
	char rbuf[Maxpath], *root[Maxroots], path[Maxpath], name[256], dir[PATH_MAX], *slash;
	unsigned char id[Maxid];
	size_t i, k, n, nroot, idlen;
	uint32_t crc;
	Elf *d;

	nroot = debugroots(rbuf, sizeof rbuf, root);
	idlen = buildid(e, id);
	for(i = 0; i < nroot && idlen > 0; i++){
		n = (size_t)snprintf(path, sizeof path, "%s/.build-id/%02x/", root[i], id[0]);
		for(k = 1; k < idlen && n + 2 < sizeof path; k++)
			n += (size_t)snprintf(path + n, sizeof path - n, "%02x", id[k]);
		if(n + 6 < sizeof path){
			memcpy(path + n, ".debug", 7);
			if((d = debugtry(path, self, id, idlen, 0, fd)) != NULL)
				return d;
		}
	}
	/* the file's own directory, with symbolic links resolved */
	if(debuglink(e, name, sizeof name, &crc) < 0 || realpath(file, dir) == NULL)
		return NULL;
	slash = strrchr(dir, '/');
	if(slash == NULL)
		return NULL;
	*slash = '\0';
	for(i = 0; i < nroot + 2; i++){
		if(i == 0)
			n = (size_t)snprintf(path, sizeof path, "%s/%s", dir, name);
		else if(i == 1)
			n = (size_t)snprintf(path, sizeof path, "%s/.debug/%s", dir, name);
		else
			n = (size_t)snprintf(path, sizeof path, "%s%s/%s", root[i - 2], dir, name);
		if(n < sizeof path && (d = debugtry(path, self, NULL, 0, crc, fd)) != NULL)
			return d;
	}
	return NULL;
}

/*
 * Text symbols of the open ELF e (file, whose stat is st): from its .symtab,
 * else from its debug file's, else from its .dynsym.
 */
static Symtab *
elfsyms(Elf *e, const char *file, const struct stat *st)
{
	Elf_Scn *scn;
	GElf_Shdr sh;
	Symtab *t;
	Elf *se, *d;
	int dfd;

	if(elf_kind(e) != ELF_K_ELF){
		werrstr("%s: not an ELF file", file);
		return NULL;
	}
	se = e;
	scn = symsection(e, &sh);
	d = NULL;
	dfd = -1;
	if((scn == NULL || sh.sh_type != SHT_SYMTAB) && (d = debugopen(e, file, st, &dfd)) != NULL){
		se = d;
		scn = symsection(d, &sh);
	}
	if(scn == NULL){
		werrstr("%s: no symbol table", file);
		return NULL;
	}
	/* demangled after symfinish: the name kept at an address is chosen as nm shows them */
	t = symnew();
	if(t != NULL && (addsyms(t, se, scn, &sh, file) < 0 || symfinish(t, textend(e)) < 0
	|| symdemangle(t) < 0)){
		symfree(t);
		t = NULL;
	}
	if(d != NULL){
		elf_end(d);
		close(dfd);
	}
	if(t == NULL)
		return NULL;
	t->idlen = buildid(e, t->buildid);
	if(t->nsym == 0){
		werrstr("%s: no text symbols", file);
		symfree(t);
		return NULL;
	}
	return t;
}

Symtab *
symelf(const char *file)
{
	struct stat st;
	Symtab *t;
	Elf *e;
	int fd;

	if(elf_version(EV_CURRENT) == EV_NONE){
		werrstr("libelf: %s", elf_errmsg(-1));
		return NULL;
	}
	fd = fileopen(file, Fregular, &st);
	if(fd < 0)
		return NULL;
	if(st.st_size == 0){
		werrstr("%s: not an ELF file", file);
		close(fd);
		return NULL;
	}
	e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if(e == NULL){
		werrstr("%s: %s", file, elf_errmsg(-1));
		close(fd);
		return NULL;
	}
	t = truncated(e, st.st_size) ? NULL : elfsyms(e, file, &st);
	if(t == NULL && truncated(e, st.st_size))
		werrstr("%s: truncated ELF file", file);
	elf_end(e);
	close(fd);
	return t;
}
