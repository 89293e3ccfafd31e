/* Text symbols of ELF files, through libelf. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proftools.h"

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

/* The GNU build-id among the note sections, into t. */
static void
buildid(Symtab *t, Elf *e)
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
			&& nh.n_descsz > 0 && nh.n_descsz <= sizeof t->buildid){
				memcpy(t->buildid, (char *)d->d_buf + doff, nh.n_descsz);
				t->idlen = nh.n_descsz;
				return;
			}
		}
	}
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

/* Text symbols of the open ELF e. */
static Symtab *
elfsyms(Elf *e, const char *file)
{
	Elf_Scn *scn;
	GElf_Shdr sh;
	Symtab *t;

	if(elf_kind(e) != ELF_K_ELF){
		werrstr("%s: not an ELF file", file);
		return NULL;
	}
	scn = symsection(e, &sh);
	if(scn == NULL){
		werrstr("%s: no symbol table", file);
		return NULL;
	}
	t = symnew();
	if(t == NULL)
		return NULL;
	if(addsyms(t, e, scn, &sh, file) < 0 || symfinish(t, textend(e)) < 0){
		symfree(t);
		return NULL;
	}
	buildid(t, e);
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
	fd = open(file, O_RDONLY);
	if(fd < 0){
		werrstr("%s: %s", file, strerror(errno));
		return NULL;
	}
	if(fstat(fd, &st) < 0){
		werrstr("%s: %s", file, strerror(errno));
		close(fd);
		return NULL;
	}
	if(!S_ISREG(st.st_mode) || st.st_size == 0){
		werrstr("%s: %s", file, S_ISDIR(st.st_mode) ? "is a directory" : "not an ELF file");
		close(fd);
		return NULL;
	}
	e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if(e == NULL){
		werrstr("%s: %s", file, elf_errmsg(-1));
		close(fd);
		return NULL;
	}
	t = truncated(e, st.st_size) ? NULL : elfsyms(e, file);
	if(t == NULL && truncated(e, st.st_size))
		werrstr("%s: truncated ELF file", file);
	elf_end(e);
	close(fd);
	return t;
}
