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

#include "internal.h"

enum
{
	Maxstate = 16,		/* remember_state depth */
	Maxexpr = 64,		/* DWARF expression stack */
	Ehhdrv = 1,		/* .eh_frame_hdr version */
	Ncache = 64,		/* rows kept per object */
	Tabenc = 0x3b,		/* datarel | sdata4: the table encoding searched in place */
};

/* Pointer encodings (DW_EH_PE_*): format in the low nibble, application above. */
enum
{
	Peabs = 0x00, Peuleb = 0x01, Peu2 = 0x02, Peu4 = 0x03, Peu8 = 0x04,
	Pesleb = 0x09, Pes2 = 0x0a, Pes4 = 0x0b, Pes8 = 0x0c,
	Pepcrel = 0x10, Pedatarel = 0x30, Peindirect = 0x80, Peomit = 0xff,
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

/* A reader of bytes in a section at address addr. */
typedef struct Rd Rd;
struct Rd
{
	const uint8_t *p, *start, *end;
	uint64_t addr;		/* address of start */
	int bad;
};

static uint64_t
uleb(Rd *r)
{
	uint64_t v;
	int s;

	v = 0;
	for(s = 0; r->p < r->end; s += 7){
		if(s < 64)
			v |= (uint64_t)(*r->p & 0x7f) << s;
		if((*r->p++ & 0x80) == 0)
			return v;
	}
	r->bad = 1;
	return 0;
}

static int64_t
sleb(Rd *r)
{
	uint64_t v;
	uint8_t b;
	int s;

	v = 0;
	for(s = 0; r->p < r->end; s += 7){
		b = *r->p++;
		if(s < 64)
			v |= (uint64_t)(b & 0x7f) << s;
		if((b & 0x80) == 0){
			if(s + 7 < 64 && (b & 0x40))
				v |= ~(uint64_t)0 << (s + 7);
			return (int64_t)v;
		}
	}
	r->bad = 1;
	return 0;
}

/* n little-endian bytes. */
static uint64_t
fixed(Rd *r, int n)
{
	uint64_t v;
	int i;

	if(r->end - r->p < n){
		r->bad = 1;
		r->p = r->end;
		return 0;
	}
	v = 0;
	for(i = 0; i < n; i++)
		v |= (uint64_t)r->p[i] << 8 * i;
	r->p += n;
	return v;
}

static uint8_t
u8(Rd *r)
{
	return (uint8_t)fixed(r, 1);
}

/* A pointer in encoding enc (pc-relative to where it is read; datarel to datarel). */
static uint64_t
encoded(Rd *r, int enc, uint64_t datarel)
{
	uint64_t here, v;

	here = r->addr + (uint64_t)(r->p - r->start);
	switch(enc & 0x0f){
	case Peabs: case Peu8: case Pes8: v = fixed(r, 8); break;
	case Peuleb: v = uleb(r); break;
	case Pesleb: v = (uint64_t)sleb(r); break;
	case Peu2: v = fixed(r, 2); break;
	case Pes2: v = (uint64_t)(int64_t)(int16_t)fixed(r, 2); break;
	case Peu4: v = fixed(r, 4); break;
	case Pes4: v = (uint64_t)(int64_t)(int32_t)fixed(r, 4); break;
	default: r->bad = 1; return 0;
	}
	switch(enc & 0x70){
	case 0: break;
	case Pepcrel: v += here; break;
	case Pedatarel: v += datarel; break;
	default: r->bad = 1; break;	/* textrel, funcrel, aligned: not used on x86-64 */
	}
	return v;	/* indirect (personality only) is never followed */
}

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
	Rd r = { c->eh + off, c->eh, c->eh + c->neh, c->ehaddr, 0 };
	uint64_t len;

	len = fixed(&r, 4);
	if(len == 0xffffffff)
		len = fixed(&r, 8);
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
	Rd r;
	int v;

	memset(ci, 0, sizeof *ci);
	ci->fdeenc = Peabs;
	if(entry(c, off, &body, &next) < 0)
		return -1;
	r = (Rd){ c->eh + body, c->eh, c->eh + next, c->ehaddr, 0 };
	if(fixed(&r, 4) != 0)
		return -1;	/* not a CIE */
	v = u8(&r);
	aug = (const char *)r.p;
	while(r.p < r.end && *r.p != 0)
		r.p++;
	if(r.p++ >= r.end || (v != 1 && v != 3))
		return -1;
	if(strstr(aug, "eh") != NULL)
		fixed(&r, 8);
	ci->calign = uleb(&r);
	ci->dalign = sleb(&r);
	ci->ra = v == 1 ? u8(&r) : (int)uleb(&r);
	if(aug[0] == 'z'){
		ci->aug = 1;
		uleb(&r);
		for(aug++; *aug != 0 && !r.bad; aug++)
			switch(*aug){
			case 'R': ci->fdeenc = u8(&r); break;
			case 'L': u8(&r); break;
			case 'P': v = u8(&r); encoded(&r, v & 0x7f, 0); break;
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
	Rd r;

	if(entry(c, off, &body, &next) < 0)
		return -1;
	r = (Rd){ c->eh + body, c->eh, c->eh + next, c->ehaddr, 0 };
	id = fixed(&r, 4);
	if(id == 0)
		return 0;
	if(id > body || parsecie(c, body - id, ci) < 0)
		return -1;
	*lo = encoded(&r, ci->fdeenc, 0);
	*hi = *lo + encoded(&r, ci->fdeenc & 0x0f, 0);
	if(ci->aug){
		n = uleb(&r);
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
block(Rd *r, const uint8_t **x)
{
	uint64_t n;

	n = uleb(r);
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
step(Run *u, Rd *r, int op)
{
	const uint8_t *x;
	uint64_t reg;
	size_t nx;
	int64_t da;

	da = u->ci->dalign;
	switch(op){
	case 0x00: return 0;	/* nop */
	case 0x05: reg = uleb(r); setrule(u, reg, Coff, (int64_t)uleb(r) * da, NULL, 0); return 0;
	case 0x06: reg = uleb(r); if(reg < Nureg) u->row.reg[reg] = u->init.reg[reg]; return 0;
	case 0x07: setrule(u, uleb(r), Cundef, 0, NULL, 0); return 0;
	case 0x08: setrule(u, uleb(r), Csame, 0, NULL, 0); return 0;
	case 0x09: reg = uleb(r); setrule(u, reg, Creg, (int64_t)uleb(r), NULL, 0); return 0;
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
	case 0x0c: u->row.cfareg = (int)uleb(r); u->row.cfaoff = (int64_t)uleb(r); u->row.nx = 0; return 0;
	case 0x0d: u->row.cfareg = (int)uleb(r); u->row.nx = 0; return 0;
	case 0x0e: u->row.cfaoff = (int64_t)uleb(r); return 0;
	case 0x0f: u->row.nx = block(r, &u->row.x); u->row.cfareg = -1; return 0;
	case 0x10: reg = uleb(r); nx = block(r, &x); setrule(u, reg, Cexpr, 0, x, nx); return 0;
	case 0x11: reg = uleb(r); setrule(u, reg, Coff, sleb(r) * da, NULL, 0); return 0;
	case 0x12: u->row.cfareg = (int)uleb(r); u->row.cfaoff = sleb(r) * da; u->row.nx = 0; return 0;
	case 0x13: u->row.cfaoff = sleb(r) * da; return 0;
	case 0x14: reg = uleb(r); setrule(u, reg, Cvaloff, (int64_t)uleb(r) * da, NULL, 0); return 0;
	case 0x15: reg = uleb(r); setrule(u, reg, Cvaloff, sleb(r) * da, NULL, 0); return 0;
	case 0x16: reg = uleb(r); nx = block(r, &x); setrule(u, reg, Cvalexpr, 0, x, nx); return 0;
	case 0x2e: uleb(r); return 0;	/* GNU_args_size */
	case 0x2f: reg = uleb(r); setrule(u, reg, Coff, -(int64_t)uleb(r) * da, NULL, 0); return 0;
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
	Rd r = { p, c->eh, end, c->ehaddr, 0 };
	uint64_t delta;
	int op;

	while(r.p < r.end && !r.bad){
		op = u8(&r);
		delta = UINT64_MAX;
		switch(op >> 6){
		case 1: delta = (uint64_t)(op & 0x3f); break;
		case 2: setrule(u, (uint64_t)(op & 0x3f), Coff, (int64_t)uleb(&r) * u->ci->dalign, NULL, 0); continue;
		case 3: if((op & 0x3f) < Nureg) u->row.reg[op & 0x3f] = u->init.reg[op & 0x3f]; continue;
		}
		switch(op){
		case 0x01: loc = encoded(&r, u->ci->fdeenc, 0); if(loc > pc) return 0; continue;
		case 0x02: delta = fixed(&r, 1); break;
		case 0x03: delta = fixed(&r, 2); break;
		case 0x04: delta = fixed(&r, 4); break;
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
	Rd r;

	lo = 0;
	hi = c->tab != NULL ? c->ntab : c->nidx;
	while(lo < hi){	/* the last entry starting at or below pc */
		mid = lo + (hi - lo) / 2;
		if(c->tab != NULL){
			r = (Rd){ c->tab + 8 * mid, c->tab, c->tab + 8 * c->ntab, 0, 0 };
			at = c->hdraddr + (uint64_t)(int64_t)(int32_t)fixed(&r, 4);
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
	r = (Rd){ c->tab + 8 * (lo - 1) + 4, c->tab, c->tab + 8 * c->ntab, 0, 0 };
	at = c->hdraddr + (uint64_t)(int64_t)(int32_t)fixed(&r, 4);
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
	Rd r = { h, h, h + n, c->hdraddr, 0 };
	uint64_t count;
	int penc, cenc, tenc;

	if(u8(&r) != Ehhdrv)
		return;
	penc = u8(&r);
	cenc = u8(&r);
	tenc = u8(&r);
	if(penc == Peomit || cenc == Peomit || tenc != Tabenc)
		return;
	encoded(&r, penc, c->hdraddr);
	count = encoded(&r, cenc, c->hdraddr);
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

/* The two operands of a binary operation on the expression stack s[0..*n). */
static int
binop(int op, uint64_t *s, int *n)
{
	uint64_t a, b;

	if(*n < 2)
		return -1;
	b = s[--*n];
	a = s[*n - 1];
	switch(op){
	case 0x1a: a &= b; break;
	case 0x1c: a -= b; break;
	case 0x1e: a *= b; break;
	case 0x21: a |= b; break;
	case 0x22: a += b; break;
	case 0x24: a = b < 64 ? a << b : 0; break;
	case 0x25: a = b < 64 ? a >> b : 0; break;
	case 0x26: a = (uint64_t)((int64_t)a >> (b < 64 ? b : 63)); break;
	case 0x27: a ^= b; break;
	case 0x29: a = a == b; break;
	case 0x2a: a = (int64_t)a >= (int64_t)b; break;
	case 0x2b: a = (int64_t)a > (int64_t)b; break;
	case 0x2c: a = (int64_t)a <= (int64_t)b; break;
	case 0x2d: a = (int64_t)a < (int64_t)b; break;
	case 0x2e: a = a != b; break;
	default: return -1;
	}
	s[*n - 1] = a;
	return 0;
}

int
cfieval(const uint8_t *x, size_t nx, const Cfregs *rg, int push, uint64_t first, uint64_t *v)
{
	Rd r = { x, x, x + nx, 0, 0 };
	uint64_t s[Maxexpr], a;
	int n, op, reg;

	n = 0;
	if(push)
		s[n++] = first;
	while(r.p < r.end && !r.bad){
		op = u8(&r);
		if(n >= Maxexpr - 1)
			return -1;
		if(op >= 0x30 && op <= 0x4f){	/* lit0..lit31 */
			s[n++] = (uint64_t)(op - 0x30);
			continue;
		}
		if(op >= 0x50 && op <= 0x8f){	/* reg0..31, breg0..31 */
			reg = (op - 0x50) & 0x1f;
			if(reg >= Nureg || (rg->have & 1u << reg) == 0)
				return -1;
			s[n++] = rg->reg[reg] + (op >= 0x70 ? (uint64_t)sleb(&r) : 0);
			continue;
		}
		switch(op){
		case 0x06:	/* deref */
			if(n < 1 || rg->peek(rg->arg, s[n - 1], &a) < 0)
				return -1;
			s[n - 1] = a;
			break;
		case 0x08: s[n++] = fixed(&r, 1); break;
		case 0x09: s[n++] = (uint64_t)(int64_t)(int8_t)fixed(&r, 1); break;
		case 0x0a: s[n++] = fixed(&r, 2); break;
		case 0x0b: s[n++] = (uint64_t)(int64_t)(int16_t)fixed(&r, 2); break;
		case 0x0c: s[n++] = fixed(&r, 4); break;
		case 0x0d: s[n++] = (uint64_t)(int64_t)(int32_t)fixed(&r, 4); break;
		case 0x0e: case 0x0f: s[n++] = fixed(&r, 8); break;
		case 0x10: s[n++] = uleb(&r); break;
		case 0x11: s[n++] = (uint64_t)sleb(&r); break;
		case 0x12: if(n < 1) return -1; s[n] = s[n - 1]; n++; break;
		case 0x13: if(n < 1) return -1; n--; break;
		case 0x14: if(n < 2) return -1; s[n] = s[n - 2]; n++; break;
		case 0x16: if(n < 2) return -1; a = s[n - 1]; s[n - 1] = s[n - 2]; s[n - 2] = a; break;
		case 0x1f: if(n < 1) return -1; s[n - 1] = -s[n - 1]; break;
		case 0x20: if(n < 1) return -1; s[n - 1] = ~s[n - 1]; break;
		case 0x23: if(n < 1) return -1; s[n - 1] += uleb(&r); break;
		case 0x96: break;	/* nop */
		default:
			if(binop(op, s, &n) < 0)
				return -1;
		}
	}
	if(r.bad || n < 1)
		return -1;
	*v = s[n - 1];
	return 0;
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
