/*
 * User stacks unwound from a thread's registers and a copy of its
 * stack: frame by frame, the CFI (.eh_frame) of the file holding the
 * pc gives the caller's registers; where a pc has none, the frame
 * pointer chain is followed while it stays in the copy and goes up.
 * Files are read once per Unwinder and kept while their mappings last.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "live/live.h"

enum
{
	Calleesaved = 1 << Urbx | 1 << Urbp | 0xf000,	/* rbx rbp r12-r15 */
	Rsp = 1 << Ursp,
	Rip = 1 << Urip,
	Prologue = 16,		/* bytes searched for a frame pointer's mov %rsp,%rbp */
};

/* An ELF file mapped: what unwinding needs of it. */
typedef struct Uobj Uobj;
struct Uobj
{
	char *path;
	uint64_t dev, ino;
	Cfi *cfi;		/* NULL if it could not be read */
	Elfload load;
	int haveload;
	Symtab *sym;		/* read when a pc without CFI needs its function's start */
	int triedsym;
	int used;		/* mapped now */
	Uobj *next;
};

/* A mapping and its file, found on first use. */
typedef struct Umap Umap;
struct Umap
{
	Map m;
	Uobj *obj;
	uint64_t bias;
	int looked;
};

struct Unwinder
{
	Umap *map;
	size_t nmap;
	Uobj *objs;
};

/* A frame being unwound: its registers and the stack copy. */
typedef struct Frame Frame;
struct Frame
{
	uint64_t reg[Nureg];
	uint32_t have;
	const unsigned char *stack;
	size_t n;
	uint64_t addr;
};

Unwinder *
unwnew(void)
{
	Unwinder *u;

	u = calloc(1, sizeof *u);
	if(u == NULL)
		werrstr("unwinder: out of memory");
	return u;
}

static void
dropmaps(Unwinder *u)
{
	size_t i;

	for(i = 0; i < u->nmap; i++)
		free(u->map[i].m.path);
	free(u->map);
	u->map = NULL;
	u->nmap = 0;
}

static void
objfree(Uobj *o)
{
	cfifree(o->cfi);
	if(o->sym != NULL)
		symfree(o->sym);
	free(o->path);
	free(o);
}

void
unwfree(Unwinder *u)
{
	Uobj *o, *next;

	if(u == NULL)
		return;
	dropmaps(u);
	for(o = u->objs; o != NULL; o = next){
		next = o->next;
		objfree(o);
	}
	free(u);
}

/* Forget the files no mapping holds any more. */
static void
dropunused(Unwinder *u)
{
	Uobj **l, *o;
	size_t i;

	for(o = u->objs; o != NULL; o = o->next)
		o->used = 0;
	for(i = 0; i < u->nmap; i++)
		for(o = u->objs; o != NULL; o = o->next)
			if(o->ino == u->map[i].m.ino && o->dev == u->map[i].m.dev && strcmp(o->path, u->map[i].m.path) == 0)
				o->used = 1;
	for(l = &u->objs; (o = *l) != NULL;){
		if(o->used){
			l = &o->next;
			continue;
		}
		*l = o->next;
		objfree(o);
	}
}

int
unwsetmaps(Unwinder *u, const Map *m, size_t n)
{
	Umap *nm;
	size_t i;

	nm = calloc(n ? n : 1, sizeof *nm);
	if(nm == NULL){
		werrstr("unwinder: out of memory");
		return -1;
	}
	for(i = 0; i < n; i++){
		nm[i].m = m[i];
		nm[i].m.path = strdup(m[i].path);
		if(nm[i].m.path == NULL){
			while(i-- > 0)
				free(nm[i].m.path);
			free(nm);
			werrstr("unwinder: out of memory");
			return -1;
		}
	}
	dropmaps(u);
	u->map = nm;
	u->nmap = n;
	dropunused(u);
	return 0;
}

int
unwmaps(Unwinder *u, int pid)
{
	Map *m;
	size_t n;
	int r;

	if(readmaps(pid, &m, &n) < 0)
		return -1;
	r = unwsetmaps(u, m, n);
	freemaps(m, n);
	return r;
}

/*
 * The vdso, read in this process: the kernel maps the same image into
 * every 64-bit process. Its CFI is NULL if it cannot be read.
 */
static Uobj *
vdsoobj(Unwinder *u)
{
	Map *m;
	size_t i, n;
	Uobj *o;

	for(o = u->objs; o != NULL; o = o->next)
		if(o->ino == 0 && strcmp(o->path, "[vdso]") == 0)
			return o;
	o = calloc(1, sizeof *o);
	if(o == NULL || (o->path = strdup("[vdso]")) == NULL){
		free(o);
		return NULL;
	}
	if(readmaps(getpid(), &m, &n) == 0){
		for(i = 0; i < n; i++)
			if(strcmp(m[i].path, "[vdso]") == 0)
				o->cfi = cfimem((const void *)(uintptr_t)m[i].start, m[i].end - m[i].start, &o->load, "[vdso]");
		freemaps(m, n);
	}
	o->haveload = o->cfi != NULL;
	o->triedsym = 1;	/* no file to read symbols from */
	o->next = u->objs;
	u->objs = o;
	return o;
}

/* The file mapped by um, read the first time it is met. NULL if no memory. */
static Uobj *
fileobj(Unwinder *u, const Umap *um)
{
	Uobj *o;

	for(o = u->objs; o != NULL; o = o->next)
		if(o->ino == um->m.ino && o->dev == um->m.dev && strcmp(o->path, um->m.path) == 0)
			return o;
	o = calloc(1, sizeof *o);
	if(o == NULL || (o->path = strdup(um->m.path)) == NULL){
		free(o);
		return NULL;
	}
	o->dev = um->m.dev;
	o->ino = um->m.ino;
	o->cfi = cfiopen(o->path);
	o->haveload = elfload(o->path, &o->load) == 0;
	o->next = u->objs;
	u->objs = o;
	return o;
}

/* The object of mapping um and its bias, found on first use (a file that cannot be read has no CFI). */
static Uobj *
objof(Unwinder *u, Umap *um)
{
	uint64_t at;
	Uobj *o;

	if(um->looked)
		return um->obj;
	um->looked = 1;
	if(um->m.ino == 0){
		if(strcmp(um->m.path, "[vdso]") != 0)
			return NULL;	/* anonymous memory */
		o = vdsoobj(u);
	}else
		o = fileobj(u, um);
	if(o == NULL || !o->haveload || (at = elfaddr(&o->load, um->m.off)) == UINT64_MAX)
		return NULL;
	um->obj = o;
	um->bias = um->m.start - at;
	return o;
}

static Umap *
umapof(const Unwinder *u, uint64_t pc)
{
	size_t lo, hi, mid;

	lo = 0;
	hi = u->nmap;
	while(lo < hi){
		mid = lo + (hi - lo) / 2;
		if(u->map[mid].m.end <= pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if(lo < u->nmap && u->map[lo].m.start <= pc)
		return &u->map[lo];
	return NULL;
}

const Map *
unwmapof(Unwinder *u, uint64_t pc, uint64_t *bias)
{
	Umap *um;

	um = umapof(u, pc);
	if(um == NULL)
		return NULL;
	if(bias != NULL){
		objof(u, um);
		*bias = um->obj != NULL ? um->bias : 0;
	}
	return &um->m;
}

/* The word at addr in the stack copy: 0, or -1 if the copy does not hold it. */
static int
peek(const Frame *f, uint64_t addr, uint64_t *v)
{
	uint64_t off;
	size_t i;

	if(addr < f->addr || (off = addr - f->addr) > f->n || f->n - off < 8)
		return -1;
	*v = 0;
	for(i = 0; i < 8; i++)
		*v |= (uint64_t)f->stack[off + i] << 8 * i;
	return 0;
}

static int
peekfn(void *arg, uint64_t addr, uint64_t *v)
{
	return peek(arg, addr, v);
}

enum { Sok, Send, Snocfi, Sstuck };	/* what a step did */

/* The caller's register i by rule ru, into nf. 0, or -1 if it cannot be known. */
static int
applyrule(const Frame *f, const Cfregs *rg, const Cfrule *ru, int i, uint64_t cfa, Frame *nf)
{
	uint64_t v;

	switch(ru->kind){
	case Csame:
		if(i == Urip)
			return -1;
		return 0;	/* kept, if callee-saved: see cfastep */
	case Cundef:
		nf->have &= ~(1u << i);
		return 0;
	case Coff:
		if(peek(f, cfa + (uint64_t)ru->off, &v) < 0)
			return -1;
		break;
	case Cvaloff:
		v = cfa + (uint64_t)ru->off;
		break;
	case Creg:
		if(ru->off < 0 || ru->off >= Nureg || (f->have & 1u << ru->off) == 0)
			return -1;
		v = f->reg[ru->off];
		break;
	case Cexpr:
		if(cfieval(ru->x, ru->nx, rg, 1, cfa, &v) < 0 || peek(f, v, &v) < 0)
			return -1;
		break;
	case Cvalexpr:
		if(cfieval(ru->x, ru->nx, rg, 1, cfa, &v) < 0)
			return -1;
		break;
	default:
		return -1;
	}
	nf->reg[i] = v;
	nf->have |= 1u << i;
	return 0;
}

/* One frame up by the CFI of o at pc (link-time address at). */
static int
cfastep(Uobj *o, uint64_t at, Frame *f, int *exact)
{
	Cfregs rg = { f->reg, f->have, peekfn, f };
	uint64_t cfa;
	Frame nf;
	Cfrow row;
	int i, r;

	r = cfifind(o->cfi, at, &row);
	if(r <= 0)
		return r == 0 ? Snocfi : Sstuck;
	if(row.nx > 0){
		if(cfieval(row.x, row.nx, &rg, 0, 0, &cfa) < 0)
			return Sstuck;
	}else{
		if(row.cfareg < 0 || row.cfareg >= Nureg || (f->have & 1u << row.cfareg) == 0)
			return Sstuck;
		cfa = f->reg[row.cfareg] + (uint64_t)row.cfaoff;
	}
	if(row.reg[Urip].kind == Cundef)
		return Send;	/* the outermost frame, as _start marks itself */
	nf = *f;
	nf.have = f->have & (Calleesaved | Rsp | Rip);	/* the others are the callee's to clobber */
	for(i = 0; i < Nureg; i++)
		if(i != Ursp && applyrule(f, &rg, &row.reg[i], i, cfa, &nf) < 0)
			return Sstuck;
	nf.reg[Ursp] = cfa;
	nf.have |= Rsp;
	*exact = row.signal;
	*f = nf;
	return Sok;
}

/* Where a pc is in a frame-pointer function (see fpwhere). */
enum { Fpentry, Fppushed, Fpret, Fpbody };

/*
 * Where link-time address at of o is in its function, if the function
 * begins with push %rbp and sets mov %rsp,%rbp within its first
 * instructions (compilers schedule others between): at its first
 * instruction (Fpentry), after the push (Fppushed), at a ret (Fpret),
 * else past the mov (Fpbody: rbp holds the frame). A caller's pc (not
 * first) is past it. -1 for a function without that prologue, or whose
 * start is not known: its rbp may be its caller's, whose caller it
 * would skip.
 */
static int
fpwhere(Uobj *o, uint64_t at, int first)
{
	uint64_t start, mov;
	uint8_t b[Prologue];
	size_t n, i;
	long k;

	if(!o->triedsym){
		o->triedsym = 1;
		o->sym = symelf(o->path);
	}
	if(o->sym == NULL || o->cfi == NULL || (k = symfind(o->sym, at)) < 0)
		return -1;
	start = o->sym->sym[k].value;
	n = cficode(o->cfi, &o->load, start, b, sizeof b);
	if(n < 4 || b[0] != 0x55)
		return -1;
	for(i = 1; i + 3 <= n; i++)
		if(b[i] == 0x48 && ((b[i + 1] == 0x89 && b[i + 2] == 0xe5) || (b[i + 1] == 0x8b && b[i + 2] == 0xec)))
			break;
	if(i + 3 > n)
		return -1;
	mov = start + i;
	if(at > mov)
		return first && cficode(o->cfi, &o->load, at, b, 1) == 1 && b[0] == 0xc3 ? Fpret : Fpbody;
	if(!first)
		return -1;
	return at == start ? Fpentry : Fppushed;
}

/*
 * One frame up by the frame pointer, where the pc's function keeps one
 * (fpwhere): rbp points at the saved rbp, the return address above it.
 * Trusted only if rbp is in the stack copy, above rsp, and the return
 * address is in a mapping.
 */
static int
fpstep(const Unwinder *u, Uobj *o, uint64_t at, Frame *f, int first)
{
	uint64_t sp, bp, savedbp, ra;
	int w;

	w = o != NULL ? fpwhere(o, at, first) : -1;
	if(w < 0 || (f->have & Rsp) == 0)
		return Sstuck;
	sp = f->reg[Ursp];
	bp = f->reg[Urbp];
	savedbp = bp;
	switch(w){
	case Fpentry:
	case Fpret:
		if(peek(f, sp, &ra) < 0)
			return Sstuck;
		sp += 8;
		break;
	case Fppushed:
		if(peek(f, sp, &savedbp) < 0 || peek(f, sp + 8, &ra) < 0)
			return Sstuck;
		sp += 16;
		break;
	default:
		if((f->have & 1u << Urbp) == 0 || bp < sp || bp > UINT64_MAX - 16
		|| peek(f, bp, &savedbp) < 0 || peek(f, bp + 8, &ra) < 0)
			return Sstuck;
		sp = bp + 16;
	}
	if(umapof(u, ra) == NULL)
		return Sstuck;
	f->reg[Urbp] = savedbp;
	f->reg[Ursp] = sp;
	f->reg[Urip] = ra;
	f->have &= Calleesaved | Rsp | Rip;
	return Sok;
}

size_t
unwind(Unwinder *u, const Uregs *r, const unsigned char *stack, size_t n, uint64_t addr,
	uint64_t *pcs, size_t max)
{
	Frame f;
	Umap *um;
	Uobj *o;
	size_t k;
	uint64_t sp;
	uint64_t at;
	int exact, s;

	if(max == 0 || (r->have & (Rsp | Rip)) != (Rsp | Rip))
		return 0;
	memcpy(f.reg, r->reg, sizeof f.reg);
	f.have = r->have;
	f.stack = stack;
	f.n = n;
	f.addr = addr;
	pcs[0] = f.reg[Urip];
	exact = 1;	/* the first pc is where the thread is, not a return address */
	for(k = 1; k < max; k++){
		sp = f.reg[Ursp];
		um = umapof(u, f.reg[Urip]);
		o = um != NULL ? objof(u, um) : NULL;
		at = o != NULL ? f.reg[Urip] - um->bias - !exact : 0;
		s = Snocfi;
		if(o != NULL && o->cfi != NULL)
			s = cfastep(o, at, &f, &exact);
		if(s == Snocfi){
			s = fpstep(u, o, at, &f, k == 1);
			exact = 0;
		}
		if(s == Send)
			break;
		if(s == Sstuck || (f.have & (Rsp | Rip)) != (Rsp | Rip) || f.reg[Ursp] <= sp){
			pcs[k++] = Unknownpc;
			break;
		}
		if(f.reg[Urip] == 0)
			break;
		pcs[k] = f.reg[Urip];
	}
	return k;
}
