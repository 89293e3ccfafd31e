/*
 * Where a call's frame is, exactly: the canonical frame address (CFA)
 * of the function a hook was called from, at the hook's return address,
 * by the unwind tables (.eh_frame, found through PT_GNU_EH_FRAME) the
 * compiler writes for every function. The CFA is the stack address just
 * above the function's return address: one value per activation, fixed
 * for its life, higher for its callers. It does not depend on the
 * frame's size or on what the frame holds, as a search of the stack for
 * the return address did.
 *
 * A rule found is kept in a process-wide table by the hook's return
 * address (written once, under a lock; read without one). The hooks'
 * common paths keep the last rule of each node, so the table is read
 * only for a hook address a node has not seen.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cfa.h"
#include "proffile.h"
#include "rt.h"
#include "tree.h"

enum
{
	Maxstate = 16,	/* remember_state depth */
	Tab0 = 4096,	/* the table's first size: slots */
	Maxidx = 16,	/* objects without eh_frame_hdr whose FDEs are indexed here */
};

/* Pointer encodings (DW_EH_PE_*) */
enum
{
	Peabs = 0x00, Peuleb = 0x01, Peu2 = 0x02, Peu4 = 0x03, Peu8 = 0x04,
	Pesleb = 0x09, Pes2 = 0x0a, Pes4 = 0x0b, Pes8 = 0x0c,
	Pepcrel = 0x10, Pedatarel = 0x30, Peindirect = 0x80, Peomit = 0xff,
};

typedef struct Tab Tab;
struct Tab
{
	uint64_t mask;
	Rule slot[];
};

static Tab *volatile tab;
static uint64_t tabused;
static pthread_mutex_t tablock = PTHREAD_MUTEX_INITIALIZER;

typedef struct Rd Rd;
struct Rd
{
	const uint8_t *p;
	const uint8_t *end;
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
	for(s = 0; r->p < r->end; ){
		b = *r->p++;
		if(s < 64)
			v |= (uint64_t)(b & 0x7f) << s;
		s += 7;
		if((b & 0x80) == 0){
			if(s < 64 && (b & 0x40))
				v |= ~(uint64_t)0 << s;
			return (int64_t)v;
		}
	}
	r->bad = 1;
	return 0;
}

static uint64_t
fixed(Rd *r, int n)
{
	uint64_t v;
	int i;

	if(r->end - r->p < n){
		r->bad = 1;
		return 0;
	}
	v = 0;
	for(i = 0; i < n; i++)
		v |= (uint64_t)r->p[i] << 8 * i;
	r->p += n;
	return v;
}

/* A pointer in encoding enc; datarel is from data (eh_frame_hdr's start). */
static uint64_t
encoded(Rd *r, int enc, uint64_t data)
{
	uint64_t v, at;

	at = (uint64_t)(uintptr_t)r->p;
	switch(enc & 0x0f){
	case Peabs: case Peu8: case Pes8: v = fixed(r, 8); break;
	case Peuleb: v = uleb(r); break;
	case Peu2: v = fixed(r, 2); break;
	case Peu4: v = fixed(r, 4); break;
	case Pesleb: v = (uint64_t)sleb(r); break;
	case Pes2: v = (uint64_t)(int64_t)(int16_t)fixed(r, 2); break;
	case Pes4: v = (uint64_t)(int64_t)(int32_t)fixed(r, 4); break;
	default: r->bad = 1; return 0;
	}
	switch(enc & 0x70){
	case 0: break;
	case Pepcrel: v += at; break;
	case Pedatarel: v += data; break;
	default: r->bad = 1; return 0;
	}
	if(enc & Peindirect)
		r->bad = 1;	/* not in the tables' own pointers */
	return v;
}

/* An entry's length and body; NULL at the terminator or past end. */
static const uint8_t *
entry(const uint8_t *p, const uint8_t *lim, const uint8_t **end)
{
	uint64_t len;
	Rd r = { p, lim, 0 };

	len = fixed(&r, 4);
	if(len == 0xffffffff)
		len = fixed(&r, 8);
	if(r.bad || len == 0 || len > (uint64_t)(lim - r.p))
		return NULL;
	*end = r.p + len;
	return r.p;
}

/* The CFA's rule as the call frame instructions build it. */
typedef struct Cfa Cfa;
struct Cfa
{
	int reg;
	int64_t off;
	const uint8_t *expr;	/* def_cfa_expression, or NULL */
	uint64_t exprlen;
};

typedef struct Cie Cie;
struct Cie
{
	uint64_t codealign;
	int64_t dataalign;
	int fdeenc;
	int aug;		/* 'z': FDEs have augmentation data */
	const uint8_t *ins, *insend;
};

static int
cieparse(const uint8_t *p, const uint8_t *lim, Cie *c)
{
	const uint8_t *end, *s, *augend;
	uint64_t n;
	int ver;
	Rd r;

	if((p = entry(p, lim, &end)) == NULL)
		return -1;
	r = (Rd){ p, end, 0 };
	if(fixed(&r, 4) != 0)
		return -1;
	ver = (int)fixed(&r, 1);
	s = r.p;
	while(r.p < end && *r.p != 0)
		r.p++;
	if(r.p++ >= end || (ver != 1 && ver != 3 && ver != 4))
		return -1;
	if(ver == 4)
		r.p += 2;	/* address and segment sizes */
	c->codealign = uleb(&r);
	c->dataalign = sleb(&r);
	if(ver == 1)
		fixed(&r, 1);
	else
		uleb(&r);
	c->fdeenc = Peabs;
	c->aug = *s == 'z';
	augend = r.p;
	if(c->aug){
		n = uleb(&r);
		if(n > (uint64_t)(end - r.p))
			return -1;
		augend = r.p + n;
		for(s++; *s != 0 && !r.bad; s++)
			if(*s == 'R')
				c->fdeenc = (int)fixed(&r, 1);
			else if(*s == 'P')
				encoded(&r, (int)fixed(&r, 1) & ~Peindirect, 0);
			else if(*s == 'L')
				fixed(&r, 1);
			else if(*s != 'S' && *s != 'B')
				return -1;	/* a letter we cannot skip */
	}else if(*s != 0)
		return -1;
	if(r.bad || augend > end)
		return -1;
	c->ins = augend;
	c->insend = end;
	return 0;
}

/* Skip a register operand and n more uleb operands or a block. */
static void
skipops(Rd *r, int op)
{
	uint64_t d;

	switch(op){
	case 0x05: case 0x09: case 0x11: case 0x14: case 0x15: case 0x2f:
		uleb(r); uleb(r); break;
	case 0x06: case 0x07: case 0x08: case 0x2e:
		uleb(r); break;
	case 0x10: case 0x16:
		uleb(r);
		d = uleb(r);
		if(d > (uint64_t)(r->end - r->p))
			r->bad = 1;
		else
			r->p += d;
		break;
	default:
		r->bad = 1;
	}
}

/*
 * Run instructions from loc up to and including the row for pc; 1 when
 * past pc (done), 0 at their end, -1 if unreadable.
 */
static int
run(Rd *r, const Cie *c, uint64_t *loc, uint64_t pc, Cfa *cfa, Cfa *stack, int *depth)
{
	int op;
	uint64_t d;

	while(r->p < r->end && !r->bad){
		op = *r->p++;
		d = 0;
		switch(op >> 6){
		case 1: d = (uint64_t)(op & 0x3f) * c->codealign; break;
		case 2: uleb(r); continue;
		case 3: continue;
		}
		if(op >> 6 == 0)
			switch(op){
			case 0x00: continue;
			case 0x01: *loc = encoded(r, c->fdeenc, 0); if(*loc > pc) return 1; continue;
			case 0x02: d = fixed(r, 1) * c->codealign; break;
			case 0x03: d = fixed(r, 2) * c->codealign; break;
			case 0x04: d = fixed(r, 4) * c->codealign; break;
			case 0x0a:
				if(*depth == Maxstate)
					return -1;
				stack[(*depth)++] = *cfa;
				continue;
			case 0x0b:
				if(*depth == 0)
					return -1;
				*cfa = stack[--*depth];
				continue;
			case 0x0c: cfa->reg = (int)uleb(r); cfa->off = (int64_t)uleb(r); cfa->expr = NULL; continue;
			case 0x0d: cfa->reg = (int)uleb(r); cfa->expr = NULL; continue;
			case 0x0e: cfa->off = (int64_t)uleb(r); continue;
			case 0x0f:
				cfa->exprlen = uleb(r);
				if(cfa->exprlen > (uint64_t)(r->end - r->p))
					return -1;
				cfa->expr = r->p;
				r->p += cfa->exprlen;
				continue;
			case 0x12: cfa->reg = (int)uleb(r); cfa->off = sleb(r) * c->dataalign; cfa->expr = NULL; continue;
			case 0x13: cfa->off = sleb(r) * c->dataalign; continue;
			default: skipops(r, op); continue;
			}
		if(*loc + d > pc)
			return 1;
		*loc += d;
	}
	return r->bad ? -1 : 0;
}

/*
 * The expressions compilers write for a realigned frame's CFA:
 * breg(rbp or rsp) N, then deref and plus_uconst M, each optional.
 */
static int
exprrule(const Cfa *cfa, Rule *ru)
{
	Rd r = { cfa->expr, cfa->expr + cfa->exprlen, 0 };
	int op;

	if(r.p >= r.end || (*r.p != 0x76 && *r.p != 0x77))
		return -1;
	op = *r.p++;
	ru->base = op == 0x76 ? Rbp : Rsp;
	ru->off = sleb(&r);
	ru->deref = 0;
	ru->off2 = 0;
	if(r.p < r.end && *r.p == 0x06){
		r.p++;
		ru->deref = 1;
	}
	if(r.p < r.end && *r.p == 0x23){
		r.p++;
		ru->off2 = (int64_t)uleb(&r);
	}
	return r.bad || r.p != r.end ? -1 : 0;
}

/* The rule at pc from the FDE at fde, whose function starts at *start. */
static int
fderule(const uint8_t *fde, const uint8_t *lim, uint64_t pc, Rule *ru, uint64_t *start)
{
	const uint8_t *p, *end;
	uint64_t range, loc;
	Cfa cfa, stack[Maxstate];
	Cie c;
	Rd r;
	int depth;

	if((p = entry(fde, lim, &end)) == NULL)
		return -1;
	r = (Rd){ p, end, 0 };
	loc = fixed(&r, 4);	/* the CIE, this many bytes back */
	if(r.bad || loc == 0 || cieparse(p - loc, lim, &c) < 0)
		return -1;
	*start = encoded(&r, c.fdeenc, 0);
	range = encoded(&r, c.fdeenc & 0x0f, 0);
	if(r.bad || pc < *start || pc - *start >= range)
		return -1;
	if(c.aug){
		loc = uleb(&r);
		if(loc > (uint64_t)(end - r.p))
			return -1;
		r.p += loc;
	}
	memset(&cfa, 0, sizeof cfa);
	depth = 0;
	loc = *start;
	Rd ci = { c.ins, c.insend, 0 };
	if(run(&ci, &c, &loc, pc, &cfa, stack, &depth) < 0 || r.bad || r.p > end)
		return -1;
	loc = *start;
	if(run(&r, &c, &loc, pc, &cfa, stack, &depth) < 0)
		return -1;
	if(cfa.expr != NULL)
		return exprrule(&cfa, ru);
	if(cfa.reg != Dwarfsp && cfa.reg != Dwarffp)
		return -1;
	ru->base = cfa.reg == Dwarfsp ? Rsp : Rbp;
	ru->off = cfa.off;
	ru->deref = 0;
	ru->off2 = 0;
	return 0;
}

/* The FDE for pc from the sorted table of eh_frame_hdr at hdr; NULL if none. */
static const uint8_t *
hdrfind(const uint8_t *hdr, uint64_t pc)
{
	Rd r = { hdr, hdr + 4096, 0 };
	int ptrenc, cntenc, tabenc;
	uint64_t n, lo, hi, m;
	const uint8_t *t;

	if(fixed(&r, 1) != 1)
		return NULL;
	ptrenc = (int)fixed(&r, 1);
	cntenc = (int)fixed(&r, 1);
	tabenc = (int)fixed(&r, 1);
	encoded(&r, ptrenc, (uint64_t)(uintptr_t)hdr);
	if(cntenc == Peomit || tabenc != (Pedatarel | Pes4))
		return NULL;
	n = encoded(&r, cntenc, (uint64_t)(uintptr_t)hdr);
	if(r.bad || n == 0)
		return NULL;
	t = r.p;
	lo = 0;
	hi = n;
	while(hi - lo > 1){	/* the last entry starting at or before pc */
		m = lo + (hi - lo) / 2;
		if((uint64_t)(uintptr_t)hdr + (uint64_t)(int64_t)(int32_t)fixed(&(Rd){ t + 8 * m, t + 8 * m + 4, 0 }, 4) <= pc)
			lo = m;
		else
			hi = m;
	}
	return hdr + (int32_t)fixed(&(Rd){ t + 8 * lo + 4, t + 8 * lo + 8, 0 }, 4);
}

typedef struct Find Find;
struct Find
{
	uint64_t pc;
	const uint8_t *hdr;
	const uint8_t *lim;	/* end of the object's segment holding eh_frame */
	int found;
	uint64_t base;		/* the object's load bias */
	const char *name;	/* its file ("" for the executable) */
};

static int
findobj(struct dl_phdr_info *info, size_t size, void *v)
{
	Find *f;
	const ElfW(Phdr) *ph, *eh;
	uint64_t lo, lim;
	int i, in;

	(void)size;
	f = v;
	in = 0;
	eh = NULL;
	lim = 0;
	for(i = 0; i < info->dlpi_phnum; i++){
		ph = &info->dlpi_phdr[i];
		lo = info->dlpi_addr + ph->p_vaddr;
		if(ph->p_type == PT_LOAD && f->pc >= lo && f->pc < lo + ph->p_memsz)
			in = 1;
		if(ph->p_type == PT_GNU_EH_FRAME)
			eh = ph;
		if(ph->p_type == PT_LOAD && lo + ph->p_memsz > lim)
			lim = lo + ph->p_memsz;
	}
	if(!in)
		return 0;
	f->found = 1;
	f->base = info->dlpi_addr;
	f->name = info->dlpi_name;
	f->lim = (const uint8_t *)(uintptr_t)lim;
	if(eh != NULL)
		f->hdr = (const uint8_t *)(uintptr_t)(info->dlpi_addr + eh->p_vaddr);
	return 1;
}

/*
 * Objects linked without an eh_frame_hdr (static programs: gcc does not
 * ask ld for one there) get a sorted index of their FDEs, made once
 * from .eh_frame, which the section headers of their file locate.
 */
typedef struct Fdeat Fdeat;
struct Fdeat
{
	uint64_t start;
	const uint8_t *fde;
};

typedef struct Idx Idx;
struct Idx
{
	uint64_t base;
	Fdeat *a;		/* NULL: the object has none we can read */
	size_t n;
};

static Idx idx[Maxidx];
static int nidx;
static pthread_mutex_t idxlock = PTHREAD_MUTEX_INITIALIZER;

/* The run-time address and size of the object's .eh_frame, from its file; 0 if none. */
static uint64_t
ehsection(const char *name, uint64_t base, uint64_t *size)
{
	ElfW(Ehdr) eh;
	ElfW(Shdr) sh, str;
	char nm[10];
	uint64_t at;
	int fd, i;

	at = 0;
	if((fd = open(*name != '\0' ? name : "/proc/self/exe", O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	if(pread(fd, &eh, sizeof eh, 0) != sizeof eh || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0
	|| eh.e_shentsize != sizeof sh || eh.e_shstrndx >= eh.e_shnum
	|| pread(fd, &str, sizeof str, eh.e_shoff + (off_t)eh.e_shstrndx * sizeof sh) != sizeof str)
		goto out;
	for(i = 0; i < eh.e_shnum && at == 0; i++)
		if(pread(fd, &sh, sizeof sh, eh.e_shoff + (off_t)i * sizeof sh) == sizeof sh
		&& pread(fd, nm, sizeof nm, str.sh_offset + sh.sh_name) == sizeof nm
		&& memcmp(nm, ".eh_frame", 10) == 0 && sh.sh_addr != 0){
			at = base + sh.sh_addr;
			*size = sh.sh_size;
		}
out:
	close(fd);
	return at;
}

static int
bystart(const void *a, const void *b)
{
	const Fdeat *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Index the FDEs of the .eh_frame at p, size bytes. */
static void
ehindex(Idx *ix, const uint8_t *p, uint64_t size)
{
	const uint8_t *q, *end, *lim, *body;
	uint64_t back;
	size_t n, cap;
	Fdeat *a;
	Cie c;
	Rd r;

	lim = p + size;
	cap = 0;
	for(q = p; (body = entry(q, lim, &end)) != NULL; q = end)
		cap++;
	if(cap == 0 || (a = mmap(NULL, cap * sizeof *a, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED)
		return;
	n = 0;
	for(q = p; n < cap && (body = entry(q, lim, &end)) != NULL; q = end){
		r = (Rd){ body, end, 0 };
		back = fixed(&r, 4);	/* 0: a CIE; else this FDE's, that many bytes back */
		if(back == 0 || back > (uint64_t)(body - p) || cieparse(body - back, lim, &c) < 0)
			continue;
		a[n].start = encoded(&r, c.fdeenc, 0);
		a[n].fde = q;
		if(!r.bad)
			n++;
	}
	qsort(a, n, sizeof *a, bystart);
	ix->a = a;
	ix->n = n;
}

/* The FDE for pc in the object at base, by its own index; NULL if none. */
static const uint8_t *
idxfind(const Find *f, uint64_t pc)
{
	uint64_t at, size;
	size_t lo, hi, m;
	Idx *ix;
	int i, cs;

	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &cs);
	pthread_mutex_lock(&idxlock);
	for(i = 0; i < nidx && idx[i].base != f->base; i++)
		;
	if(i == nidx && nidx < Maxidx){
		ix = &idx[nidx++];
		ix->base = f->base;
		if((at = ehsection(f->name, f->base, &size)) != 0 && at + size <= (uint64_t)(uintptr_t)f->lim)
			ehindex(ix, (const uint8_t *)(uintptr_t)at, size);
	}
	pthread_mutex_unlock(&idxlock);
	pthread_setcancelstate(cs, NULL);
	if(i == Maxidx || idx[i].a == NULL)
		return NULL;
	ix = &idx[i];
	lo = 0;
	hi = ix->n;
	while(hi - lo > 1){
		m = lo + (hi - lo) / 2;
		if(ix->a[m].start <= pc)
			lo = m;
		else
			hi = m;
	}
	return ix->n > 0 ? ix->a[lo].fde : NULL;
}

/* The rule at pc (a hook's return address) from the unwind tables; Rnone if none. */
static void
lookup(uint64_t pc, uint64_t fn, Rule *ru)
{
	const uint8_t *fde;
	uint64_t start;
	Find f = { pc, NULL, NULL, 0, 0, NULL };

	memset(ru, 0, sizeof *ru);
	ru->base = Rnone;
	dl_iterate_phdr(findobj, &f);
	if(!f.found)
		return;
	fde = f.hdr != NULL ? hdrfind(f.hdr, pc) : NULL;
	if(fde == NULL && (fde = idxfind(&f, pc)) == NULL)
		return;	/* (an eh_frame_hdr without a search table too) */
	if(fderule(fde, f.lim, pc, ru, &start) < 0){
		ru->base = Rnone;
		return;
	}
	ru->inl = start != fn;
}

static uint64_t
slotof(const Tab *t, uint64_t pc)
{
	return (pc * 0x9E3779B97F4A7C15ull >> 40) & t->mask;
}

static const Rule *
tabfind(const Tab *t, uint64_t pc)
{
	uint64_t i, p;

	if(t == NULL)
		return NULL;
	for(i = slotof(t, pc); (p = __atomic_load_n(&t->slot[i].pc, __ATOMIC_ACQUIRE)) != 0; i = (i + 1) & t->mask)
		if(p == pc)
			return &t->slot[i];
	return NULL;
}

static Tab *
tabnew(uint64_t n)
{
	Tab *t;

	t = mmap(NULL, sizeof(Tab) + n * sizeof(Rule), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if(t == MAP_FAILED)
		return NULL;
	t->mask = n - 1;
	return t;
}

static void
tabput(Tab *t, const Rule *ru)
{
	uint64_t i;

	for(i = slotof(t, ru->pc); t->slot[i].pc != 0; i = (i + 1) & t->mask)
		;
	t->slot[i] = *ru;
	t->slot[i].pc = 0;
	__atomic_store_n(&t->slot[i].pc, ru->pc, __ATOMIC_RELEASE);
}

/*
 * Keep ru; the table doubles when half full (readers may still be in
 * the old one: it is left as it was). Without the lock, or the memory,
 * the rule is just not kept.
 */
static void
keep(const Rule *ru)
{
	Tab *t, *n;
	uint64_t i;

	if(pthread_mutex_trylock(&tablock) != 0)
		return;
	t = tab;
	if(t == NULL || 2 * (tabused + 1) > t->mask + 1){
		n = tabnew(t == NULL ? Tab0 : 2 * (t->mask + 1));
		if(n != NULL && t != NULL)
			for(i = 0; i <= t->mask; i++)
				if(t->slot[i].pc != 0)
					tabput(n, &t->slot[i]);
		if(n != NULL)
			__atomic_store_n(&tab, n, __ATOMIC_RELEASE);
		t = n;
	}
	if(t != NULL && tabfind(t, ru->pc) == NULL){
		tabput(t, ru);
		tabused++;
	}
	pthread_mutex_unlock(&tablock);
}

/* The rule for the hook returning to pc, called for function fn. */
void
cfarule(uint64_t pc, uint64_t fn, Rule *ru)
{
	const Rule *k;
	int e;

	if((k = tabfind(__atomic_load_n(&tab, __ATOMIC_ACQUIRE), pc)) != NULL){
		*ru = *k;
		return;
	}
	e = errno;
	lookup(pc, fn, ru);
	ru->pc = pc;
	keep(ru);
	errno = e;
}

static int
subsof(struct dl_phdr_info *info, size_t size, void *v)
{
	(void)size;
	*(unsigned long long *)v = info->dlpi_subs;
	return 1;
}

/*
 * After a dlclose: if code was unloaded, the rules kept for its
 * addresses may be another object's later. A new table (readers may
 * finish in the old one) and no rules in the nodes.
 */
void
cfaunloaded(void)
{
	static unsigned long long seen;
	unsigned long long subs;

	subs = 0;
	dl_iterate_phdr(subsof, &subs);
	pthread_mutex_lock(&tablock);
	if(subs == seen){
		pthread_mutex_unlock(&tablock);
		return;
	}
	seen = subs;
	__atomic_store_n(&tab, NULL, __ATOMIC_RELEASE);
	tabused = 0;
	pthread_mutex_unlock(&tablock);
	treeforget();
}
