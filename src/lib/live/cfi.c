/*
 * Call frame information of an ELF object: its .eh_frame (CIEs and
 * FDEs, LSB's layout of DWARF's CFI), the FDE of a pc found by
 * .eh_frame_hdr's binary search table, or else by an index built here,
 * and the row of the CFA program at that pc (the rules giving the
 * caller's registers). The runtime reads the same tables (src/rt/cfa.c);
 * this is the library's own, over libelf.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "live/live.h"

enum
{
	Maxstate = 16,		/* remember_state depth */
	Ehhdrv = 1,		/* .eh_frame_hdr version */
	Ncache = 64,		/* rows kept per object */
	Tabenc = 0x3b,		/* datarel | sdata4: the table encoding searched in place */
};


/* An FDE by its first pc (link-time), for objects without a usable .eh_frame_hdr. */
typedef struct Fdeidx Fdeidx;
struct Fdeidx
{
	uint64_t pc;
	size_t off;		/* in .eh_frame */
};

/* A row found (r: cfifind's result) for a pc, kept: a sampler meets the same pcs over and over. */
typedef struct Cfslot Cfslot;
struct Cfslot
{
	uint64_t pc;
	int r;			/* 0: slot empty; else cfifind's result + 2 */
	Cfrow row;
};

struct Cfi
{
	int fd;
	Elf *e;
	char *img;		/* cfimem's copy of the image */
	const uint8_t *eh;	/* .eh_frame */
	size_t neh;
	uint64_t ehaddr;
	const uint8_t *tab;	/* .eh_frame_hdr's table: pairs of sdata4 relative to hdraddr */
	size_t ntab;
	uint64_t hdraddr;
	Fdeidx *idx;		/* else this */
	size_t nidx;
	Cfslot *cache;		/* rows found, by pc (Ncache slots, allocated on first use) */
};


/* The CIE's facts an FDE needs. */
typedef struct Cie Cie;
struct Cie
{
	uint64_t calign;
	int64_t dalign;
	int ra;
	int fdeenc;
	int aug;		/* 'z': FDEs have an augmentation length */
	int signal;
	const uint8_t *ins, *insend;
};

/* One entry's extent: *body after the length, *next past it. 0 or -1. */
static int
entry(const Cfi *c, size_t off, size_t *body, size_t *next)
{
	Dwrd r = { c->eh + off, c->eh, c->eh + c->neh, c->ehaddr, 0 };
	uint64_t len;

	len = dwfixed(&r, 4);
	if(len == 0xffffffff)
		len = dwfixed(&r, 8);
	if(r.bad || len == 0 || len > (uint64_t)(r.end - r.p))
		return -1;
	*body = (size_t)(r.p - c->eh);
	*next = *body + len;
	return 0;
}

static int
parsecie(const Cfi *c, size_t off, Cie *ci)
{
	size_t body, next;
	const char *aug;
	Dwrd r;
	int v;

	memset(ci, 0, sizeof *ci);
	ci->fdeenc = Peabs;
	if(entry(c, off, &body, &next) < 0)
		return -1;
	r = (Dwrd){ c->eh + body, c->eh, c->eh + next, c->ehaddr, 0 };
	if(dwfixed(&r, 4) != 0)
		return -1;	/* not a CIE */
	v = dwu8(&r);
	aug = (const char *)r.p;
	while(r.p < r.end && *r.p != 0)
		r.p++;
	if(r.p++ >= r.end || (v != 1 && v != 3))
		return -1;
	if(strstr(aug, "eh") != NULL)
		dwfixed(&r, 8);
	ci->calign = dwuleb(&r);
	ci->dalign = dwsleb(&r);
	ci->ra = v == 1 ? dwu8(&r) : (int)dwuleb(&r);
	if(aug[0] == 'z'){
		ci->aug = 1;
		dwuleb(&r);
		for(aug++; *aug != 0 && !r.bad; aug++)
			switch(*aug){
			case 'R': ci->fdeenc = dwu8(&r); break;
			case 'L': dwu8(&r); break;
			case 'P': v = dwu8(&r); dwencoded(&r, v & 0x7f, 0); break;
			case 'S': ci->signal = 1; break;
			default: return -1;	/* its data cannot be skipped */
			}
	}
	ci->ins = r.p;
	ci->insend = r.end;
	return r.bad ? -1 : 0;
}

/*
 * The FDE at off: its CIE, pc range and instructions. 1 if it is an
 * FDE, 0 if a CIE, -1 if malformed.
 */
static int
parsefde(const Cfi *c, size_t off, Cie *ci, uint64_t *lo, uint64_t *hi, const uint8_t **ins, const uint8_t **end)
{
	size_t body, next;
	uint64_t id, n;
	Dwrd r;

	if(entry(c, off, &body, &next) < 0)
		return -1;
	r = (Dwrd){ c->eh + body, c->eh, c->eh + next, c->ehaddr, 0 };
	id = dwfixed(&r, 4);
	if(id == 0)
		return 0;
	if(id > body || parsecie(c, body - id, ci) < 0)
		return -1;
	*lo = dwencoded(&r, ci->fdeenc, 0);
	*hi = *lo + dwencoded(&r, ci->fdeenc & 0x0f, 0);
	if(ci->aug){
		n = dwuleb(&r);
		if(n > (uint64_t)(r.end - r.p))
			return -1;
		r.p += n;
	}
	*ins = r.p;
	*end = r.end;
	return r.bad ? -1 : 1;
}

/* The interpreter's state: the row so far, and the remembered rows. */
typedef struct Run Run;
struct Run
{
	Cfrow row;
	Cfrow init;		/* after the CIE's instructions: DW_CFA_restore's rules */
	Cfrow saved[Maxstate];
	int nsaved;
	const Cie *ci;
};

/* A register rule; columns past rip (vector registers) are not kept. */
static void
setrule(Run *u, uint64_t reg, int kind, int64_t off, const uint8_t *x, size_t nx)
{
	Cfrule *ru;

	if(reg >= Nureg)
		return;
	ru = &u->row.reg[reg];
	ru->kind = kind;
	ru->off = off;
	ru->x = x;
	ru->nx = nx;
}

/* A DWARF block (uleb length, bytes): its start in *x, its length returned. */
static size_t
block(Dwrd *r, const uint8_t **x)
{
	uint64_t n;

	n = dwuleb(r);
	if(n > (uint64_t)(r->end - r->p)){
		r->bad = 1;
		n = 0;
	}
	*x = r->p;
	r->p += n;
	return (size_t)n;
}

/* One instruction other than the location advances. 0, or -1 if it is unknown or misused. */
static int
step(Run *u, Dwrd *r, int op)
{
	const uint8_t *x;
	uint64_t reg;
	size_t nx;
	int64_t da;

	da = u->ci->dalign;
	switch(op){
	case 0x00: return 0;	/* nop */
	case 0x05: reg = dwuleb(r); setrule(u, reg, Coff, (int64_t)dwuleb(r) * da, NULL, 0); return 0;
	case 0x06: reg = dwuleb(r); if(reg < Nureg) u->row.reg[reg] = u->init.reg[reg]; return 0;
	case 0x07: setrule(u, dwuleb(r), Cundef, 0, NULL, 0); return 0;
	case 0x08: setrule(u, dwuleb(r), Csame, 0, NULL, 0); return 0;
	case 0x09: reg = dwuleb(r); setrule(u, reg, Creg, (int64_t)dwuleb(r), NULL, 0); return 0;
	case 0x0a:	/* remember_state */
		if(u->nsaved == Maxstate)
			return -1;
		u->saved[u->nsaved++] = u->row;
		return 0;
	case 0x0b:	/* restore_state: the CFA rule too, as GCC's epilogues expect */
		if(u->nsaved == 0)
			return -1;
		u->row = u->saved[--u->nsaved];
		return 0;
	case 0x0c: u->row.cfareg = (int)dwuleb(r); u->row.cfaoff = (int64_t)dwuleb(r); u->row.nx = 0; return 0;
	case 0x0d: u->row.cfareg = (int)dwuleb(r); u->row.nx = 0; return 0;
	case 0x0e: u->row.cfaoff = (int64_t)dwuleb(r); return 0;
	case 0x0f: u->row.nx = block(r, &u->row.x); u->row.cfareg = -1; return 0;
	case 0x10: reg = dwuleb(r); nx = block(r, &x); setrule(u, reg, Cexpr, 0, x, nx); return 0;
	case 0x11: reg = dwuleb(r); setrule(u, reg, Coff, dwsleb(r) * da, NULL, 0); return 0;
	case 0x12: u->row.cfareg = (int)dwuleb(r); u->row.cfaoff = dwsleb(r) * da; u->row.nx = 0; return 0;
	case 0x13: u->row.cfaoff = dwsleb(r) * da; return 0;
	case 0x14: reg = dwuleb(r); setrule(u, reg, Cvaloff, (int64_t)dwuleb(r) * da, NULL, 0); return 0;
	case 0x15: reg = dwuleb(r); setrule(u, reg, Cvaloff, dwsleb(r) * da, NULL, 0); return 0;
	case 0x16: reg = dwuleb(r); nx = block(r, &x); setrule(u, reg, Cvalexpr, 0, x, nx); return 0;
	case 0x2e: dwuleb(r); return 0;	/* GNU_args_size */
	case 0x2f: reg = dwuleb(r); setrule(u, reg, Coff, -(int64_t)dwuleb(r) * da, NULL, 0); return 0;
	}
	return -1;
}

/*
 * Run the instructions [p, end) from location loc until the location
 * passes pc (never, for a CIE's: pc is UINT64_MAX). 0 or -1.
 */
static int
run(Run *u, const uint8_t *p, const uint8_t *end, uint64_t loc, uint64_t pc, const Cfi *c)
{
	Dwrd r = { p, c->eh, end, c->ehaddr, 0 };
	uint64_t delta;
	int op;

	while(r.p < r.end && !r.bad){
		op = dwu8(&r);
		delta = UINT64_MAX;
		switch(op >> 6){
		case 1: delta = (uint64_t)(op & 0x3f); break;
		case 2: setrule(u, (uint64_t)(op & 0x3f), Coff, (int64_t)dwuleb(&r) * u->ci->dalign, NULL, 0); continue;
		case 3: if((op & 0x3f) < Nureg) u->row.reg[op & 0x3f] = u->init.reg[op & 0x3f]; continue;
		}
		switch(op){
		case 0x01: loc = dwencoded(&r, u->ci->fdeenc, 0); if(loc > pc) return 0; continue;
		case 0x02: delta = dwfixed(&r, 1); break;
		case 0x03: delta = dwfixed(&r, 2); break;
		case 0x04: delta = dwfixed(&r, 4); break;
		}
		if(delta != UINT64_MAX){
			loc += delta * u->ci->calign;
			if(loc > pc)
				return 0;
			continue;
		}
		if(step(u, &r, op) < 0)
			return -1;
	}
	return r.bad ? -1 : 0;
}

/* The FDE whose range may hold pc: its offset in .eh_frame, or -1. */
static long
lookup(const Cfi *c, uint64_t pc)
{
	size_t lo, hi, mid;
	uint64_t at;
	Dwrd r;

	lo = 0;
	hi = c->tab != NULL ? c->ntab : c->nidx;
	while(lo < hi){	/* the last entry starting at or below pc */
		mid = lo + (hi - lo) / 2;
		if(c->tab != NULL){
			r = (Dwrd){ c->tab + 8 * mid, c->tab, c->tab + 8 * c->ntab, 0, 0 };
			at = c->hdraddr + (uint64_t)(int64_t)(int32_t)dwfixed(&r, 4);
		}else
			at = c->idx[mid].pc;
		if(at <= pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if(lo == 0)
		return -1;
	if(c->idx != NULL)
		return (long)c->idx[lo - 1].off;
	r = (Dwrd){ c->tab + 8 * (lo - 1) + 4, c->tab, c->tab + 8 * c->ntab, 0, 0 };
	at = c->hdraddr + (uint64_t)(int64_t)(int32_t)dwfixed(&r, 4);
	if(at < c->ehaddr || at - c->ehaddr >= c->neh)
		return -1;
	return (long)(at - c->ehaddr);
}

/* The row of pc, found anew. */
static int
findrow(const Cfi *c, uint64_t pc, Cfrow *row)
{
	const uint8_t *ins, *end;
	uint64_t lo, hi;
	long off;
	Cie ci;
	Run run1, *u;
	int r;

	off = lookup(c, pc);
	if(off < 0 || parsefde(c, (size_t)off, &ci, &lo, &hi, &ins, &end) != 1 || pc < lo || pc >= hi)
		return 0;
	if(ci.ra != Urip)
		return -1;
	u = &run1;
	u->nsaved = 0;
	memset(&u->row, 0, sizeof u->row);
	u->ci = &ci;
	for(r = 0; r < Nureg; r++)
		u->row.reg[r].kind = Csame;
	u->row.cfareg = Ursp;
	u->row.signal = ci.signal;
	r = run(u, ci.ins, ci.insend, lo, UINT64_MAX, c);
	u->init = u->row;
	if(r == 0)
		r = run(u, ins, end, lo, pc, c);
	if(r == 0)
		*row = u->row;
	return r == 0 ? 1 : -1;
}

static int
idxcmp(const void *a, const void *b)
{
	const Fdeidx *x = a, *y = b;

	return (x->pc > y->pc) - (x->pc < y->pc);
}

int
cfifind(Cfi *c, uint64_t pc, Cfrow *row)
{
	Cfslot *s;

	if(c->cache == NULL)
		c->cache = calloc(Ncache, sizeof c->cache[0]);
	if(c->cache == NULL)
		return findrow(c, pc, row);
	s = &c->cache[(pc ^ pc >> 6) % Ncache];
	if(s->r == 0 || s->pc != pc){
		s->r = findrow(c, pc, &s->row) + 2;
		s->pc = pc;
	}
	if(s->r == 3)
		*row = s->row;
	return s->r - 2;
}

/* Index every FDE of .eh_frame by its first pc. 0 or -1 (no memory). */
static int
fdeindex(Cfi *c)
{
	const uint8_t *ins, *end;
	size_t off, body, next, cap;
	uint64_t lo, hi;
	Fdeidx *n;
	Cie ci;

	cap = 0;
	for(off = 0; off + 4 <= c->neh && entry(c, off, &body, &next) == 0; off = next){
		if(parsefde(c, off, &ci, &lo, &hi, &ins, &end) != 1 || lo == hi)
			continue;
		if(c->nidx == cap){
			cap = cap ? 2 * cap : 256;
			n = realloc(c->idx, cap * sizeof *n);
			if(n == NULL)
				return -1;
			c->idx = n;
		}
		c->idx[c->nidx].pc = lo;
		c->idx[c->nidx].off = off;
		c->nidx++;
	}
	if(c->nidx > 1)
		qsort(c->idx, c->nidx, sizeof c->idx[0], idxcmp);
	return 0;
}

/* .eh_frame_hdr's table, if it has one this can search in place. */
static void
hdrtable(Cfi *c, const uint8_t *h, size_t n)
{
	Dwrd r = { h, h, h + n, c->hdraddr, 0 };
	uint64_t count;
	int penc, cenc, tenc;

	if(dwu8(&r) != Ehhdrv)
		return;
	penc = dwu8(&r);
	cenc = dwu8(&r);
	tenc = dwu8(&r);
	if(penc == Peomit || cenc == Peomit || tenc != Tabenc)
		return;
	dwencoded(&r, penc, c->hdraddr);
	count = dwencoded(&r, cenc, c->hdraddr);
	if(r.bad || count > (uint64_t)(r.end - r.p) / 8)
		return;
	c->tab = r.p;
	c->ntab = (size_t)count;
}

/* The data, address and size of section name of c->e; NULL if none. */
static const uint8_t *
section(Cfi *c, const char *name, uint64_t *addr, size_t *n)
{
	Elf_Scn *s;
	GElf_Shdr sh;
	Elf_Data *d;
	size_t shstr;
	const char *sn;

	if(elf_getshdrstrndx(c->e, &shstr) != 0)
		return NULL;
	for(s = NULL; (s = elf_nextscn(c->e, s)) != NULL;){
		if(gelf_getshdr(s, &sh) == NULL || sh.sh_type != SHT_PROGBITS)
			continue;
		sn = elf_strptr(c->e, shstr, sh.sh_name);
		if(sn == NULL || strcmp(sn, name) != 0)
			continue;
		d = elf_rawdata(s, NULL);
		if(d == NULL || d->d_buf == NULL)
			return NULL;
		*addr = sh.sh_addr;
		*n = d->d_size;
		return d->d_buf;
	}
	return NULL;
}

/* c's tables, once c->e is open. c, or NULL (c freed) on error. */
static Cfi *
cfiinit(Cfi *c, const char *file)
{
	const uint8_t *h;
	size_t nh;

	if(c->e == NULL || elf_kind(c->e) != ELF_K_ELF){
		werrstr("%s: not an ELF file", file);
		cfifree(c);
		return NULL;
	}
	c->eh = section(c, ".eh_frame", &c->ehaddr, &c->neh);
	if(c->eh == NULL)
		return c;	/* no CFI: every lookup fails */
	h = section(c, ".eh_frame_hdr", &c->hdraddr, &nh);
	if(h != NULL)
		hdrtable(c, h, nh);
	if(c->tab == NULL && fdeindex(c) < 0){
		werrstr("%s: out of memory", file);
		cfifree(c);
		return NULL;
	}
	return c;
}

/* A Cfi with nothing open yet. */
static Cfi *
cfinew(const char *file)
{
	Cfi *c;

	if(elf_version(EV_CURRENT) == EV_NONE){
		werrstr("libelf: %s", elf_errmsg(-1));
		return NULL;
	}
	c = calloc(1, sizeof *c);
	if(c == NULL){
		werrstr("%s: out of memory", file);
		return NULL;
	}
	c->fd = -1;
	return c;
}

Cfi *
cfiopen(const char *file)
{
	Cfi *c;

	c = cfinew(file);
	if(c == NULL)
		return NULL;
	c->fd = open(file, O_RDONLY);
	if(c->fd < 0){
		werrstr("%s: %s", file, strerror(errno));
		cfifree(c);
		return NULL;
	}
	c->e = elf_begin(c->fd, ELF_C_READ_MMAP, NULL);
	return cfiinit(c, file);
}

Cfi *
cfimem(const void *buf, size_t n, Elfload *l, const char *name)
{
	Cfi *c;

	c = cfinew(name);
	if(c == NULL)
		return NULL;
	c->img = malloc(n ? n : 1);
	if(c->img == NULL){
		werrstr("%s: out of memory", name);
		cfifree(c);
		return NULL;
	}
	memcpy(c->img, buf, n);
	c->e = elf_memory(c->img, n);
	c = cfiinit(c, name);
	if(c != NULL && elfloadof(c->e, l, name) < 0){
		cfifree(c);
		return NULL;
	}
	return c;
}

void
cfifree(Cfi *c)
{
	if(c == NULL)
		return;
	if(c->e != NULL)
		elf_end(c->e);
	if(c->fd >= 0)
		close(c->fd);
	free(c->idx);
	free(c->img);
	free(c->cache);
	free(c);
}

size_t
cficode(const Cfi *c, const Elfload *l, uint64_t at, uint8_t *buf, size_t n)
{
	const Elfseg *s;
	const char *f;
	size_t i, nf;
	uint64_t off;

	f = c->e != NULL ? elf_rawfile(c->e, &nf) : NULL;
	if(f == NULL)
		return 0;
	for(i = 0; i < l->nseg; i++){
		s = &l->seg[i];
		if(at < s->vaddr || at - s->vaddr >= s->filesz)
			continue;
		off = s->off + (at - s->vaddr);
		if(off >= nf)
			return 0;
		if(n > nf - off)
			n = (size_t)(nf - off);
		if(n > s->filesz - (at - s->vaddr))
			n = (size_t)(s->filesz - (at - s->vaddr));
		memcpy(buf, f + off, n);
		return n;
	}
	return 0;
}
