/* Where an ELF file's pieces go: its PT_LOAD segments and build-id, through libelf. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sym/sym.h"

/* The GNU build-id among the PT_NOTE segments of e, into l. */
static void
notes(Elf *e, const GElf_Phdr *ph, Elfload *l)
{
	GElf_Nhdr nh;
	Elf_Data *d;
	size_t off, next, noff, doff;

	d = elf_getdata_rawchunk(e, ph->p_offset, ph->p_filesz, ELF_T_NHDR);
	for(off = 0; d != NULL && off < d->d_size; off = next){
		next = gelf_getnote(d, off, &nh, &noff, &doff);
		if(next == 0)
			return;
		if(nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4
		&& memcmp((char *)d->d_buf + noff, "GNU", 4) == 0
		&& nh.n_descsz > 0 && nh.n_descsz <= sizeof l->buildid){
			memcpy(l->buildid, (char *)d->d_buf + doff, nh.n_descsz);
			l->idlen = nh.n_descsz;
			return;
		}
	}
}

int
elfloadof(Elf *e, Elfload *l, const char *file)
{
	GElf_Phdr ph;
	size_t i, n;

	memset(l, 0, sizeof *l);
	if(elf_kind(e) != ELF_K_ELF || elf_getphdrnum(e, &n) != 0){
		werrstr("%s: not an ELF file", file);
		return -1;
	}
	for(i = 0; i < n; i++){
		if(gelf_getphdr(e, (int)i, &ph) == NULL)
			continue;
		if(ph.p_type == PT_NOTE && l->idlen == 0)
			notes(e, &ph, l);
		if(ph.p_type != PT_LOAD || l->nseg == Maxseg)
			continue;
		l->seg[l->nseg].vaddr = ph.p_vaddr;
		l->seg[l->nseg].off = ph.p_offset;
		l->seg[l->nseg].filesz = ph.p_filesz;
		l->nseg++;
	}
	if(l->nseg == 0){
		werrstr("%s: no loadable segments", file);
		return -1;
	}
	return 0;
}

int
elfload(const char *file, Elfload *l)
{
	struct stat st;
	Elf *e;
	int fd, r;

	memset(l, 0, sizeof *l);
	if(elf_version(EV_CURRENT) == EV_NONE){
		werrstr("libelf: %s", elf_errmsg(-1));
		return -1;
	}
	fd = fileopen(file, Fregular, &st);
	if(fd < 0)
		return -1;
	e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if(e == NULL){
		werrstr("%s: %s", file, elf_errmsg(-1));
		close(fd);
		return -1;
	}
	r = elfloadof(e, l, file);
	elf_end(e);
	close(fd);
	return r;
}

uint64_t
elfaddr(const Elfload *l, uint64_t off)
{
	const Elfseg *s;
	size_t i;

	for(i = 0; i < l->nseg; i++){
		s = &l->seg[i];
		if(off >= s->off && off < s->off + s->filesz)
			return s->vaddr + (off - s->off);
	}
	/*
	 * A mapping starts at a page boundary, so the bytes of a page before
	 * a segment's offset are mapped with it (the ELF header, before the
	 * first): measure from the segment.
	 */
	for(i = 0; i < l->nseg; i++){
		s = &l->seg[i];
		if(off < s->off && s->off - off < 0x10000)
			return s->vaddr - (s->off - off);
	}
	return UINT64_MAX;
}
