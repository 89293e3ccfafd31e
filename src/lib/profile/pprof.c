/*
 * pprof's profile.proto (github.com/google/pprof, proto/profile.proto),
 * encoded by hand and uncompressed: pprof sniffs gzip and takes the
 * protobuf as it is. The top-level message has no length of its own, so
 * each of its repeated fields (a sample, a location...) is encoded in a
 * buffer and written at once: memory holds one element, never the whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "profile/profile.h"

/* Field numbers of the messages written. */
enum
{
	/* Profile */
	Fsampletype = 1, Fsample, Fmapping, Flocation, Ffunction, Fstring,
	Ftime = 9, Fduration, Fperiodtype, Fperiod, Fcomment,
	/* ValueType */
	Fvtype = 1, Fvunit,
	/* Sample */
	Fsloc = 1, Fsvalue,
	/* Mapping */
	Fmid = 1, Fmstart, Fmlimit, Fmoff, Fmfile, Fmbuildid, Fmhasfuncs,
	/* Location */
	Flid = 1, Flmap, Fladdr, Flline,
	/* Line */
	Flnfunc = 1,
	/* Function */
	Ffid = 1, Ffname, Ffsysname, Fffile,
};

enum { Wvarint = 0, Wlen = 2 };	/* wire types */

typedef struct Buf Buf;
struct Buf
{
	unsigned char *b;
	size_t n, cap;
	int nomem;
};

/* Room for n more bytes, or nomem set (and nothing written from then on). */
static int
room(Buf *b, size_t n)
{
	unsigned char *nb;
	size_t cap;

	if(b->nomem)
		return 0;
	if(b->n + n <= b->cap)
		return 1;
	cap = b->cap ? b->cap : 256;
	while(cap < b->n + n)
		cap *= 2;
	nb = realloc(b->b, cap);
	if(nb == NULL){
		b->nomem = 1;
		return 0;
	}
	b->b = nb;
	b->cap = cap;
	return 1;
}

static void
varint(Buf *b, uint64_t v)
{
	if(!room(b, 10))
		return;
	while(v >= 0x80){
		b->b[b->n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	b->b[b->n++] = (unsigned char)v;
}

static void
key(Buf *b, int field, int wire)
{
	varint(b, (uint64_t)field << 3 | wire);
}

/* A scalar field; zero is proto3's default and is left out. */
static void
uintf(Buf *b, int field, uint64_t v)
{
	if(v == 0)
		return;
	key(b, field, Wvarint);
	varint(b, v);
}

/* A length-delimited field: bytes, a string, a packed array, a message. */
static void
bytesf(Buf *b, int field, const void *p, size_t n)
{
	key(b, field, Wlen);
	varint(b, n);
	if(n > 0 && room(b, n)){
		memcpy(b->b + b->n, p, n);
		b->n += n;
	}
}

/* Strings, each once, by their index in the string table (0 is ""). */
typedef struct Strtab Strtab;
struct Strtab
{
	const char **s;		/* by index */
	size_t n;
	uint32_t *hash;		/* open addressing: index + 1, 0 empty */
	size_t cap;		/* of hash, a power of 2 */
	int nomem;
};

static uint64_t
strhash(const char *s)
{
	uint64_t h;

	h = 14695981039346656037ull;	/* FNV-1a */
	for(; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static int
strgrow(Strtab *t)
{
	size_t cap, i, j;
	uint32_t *h;

	cap = t->cap ? 2 * t->cap : 1024;
	h = calloc(cap, sizeof *h);
	if(h == NULL)
		return -1;
	for(i = 0; i < t->n; i++){
		for(j = strhash(t->s[i]) & (cap - 1); h[j] != 0; j = (j + 1) & (cap - 1))
			;
		h[j] = (uint32_t)i + 1;
	}
	free(t->hash);
	t->hash = h;
	t->cap = cap;
	return 0;
}

/* The index of s (NULL is ""), added if new; 0 with nomem set if out of memory. */
static uint64_t
strindex(Strtab *t, const char *s)
{
	const char **ns;
	size_t j;

	if(s == NULL)
		s = "";
	if(t->nomem || (2 * (t->n + 1) > t->cap && strgrow(t) < 0)){
		t->nomem = 1;
		return 0;
	}
	for(j = strhash(s) & (t->cap - 1); t->hash[j] != 0; j = (j + 1) & (t->cap - 1))
		if(strcmp(t->s[t->hash[j] - 1], s) == 0)
			return t->hash[j] - 1;
	if((t->n & (t->n - 1)) == 0){	/* 0 or a power of 2: full */
		ns = realloc(t->s, (t->n ? 2 * t->n : 1) * sizeof *ns);
		if(ns == NULL){
			t->nomem = 1;
			return 0;
		}
		t->s = ns;
	}
	t->s[t->n] = s;
	t->hash[j] = (uint32_t)t->n + 1;
	return t->n++;
}

/* Write field of the top-level message, the element in m; m is emptied. */
static void
emit(FILE *out, Buf *hdr, int field, Buf *m)
{
	hdr->n = 0;
	key(hdr, field, Wlen);
	varint(hdr, m->n);
	if(!hdr->nomem && !m->nomem){
		fwrite(hdr->b, 1, hdr->n, out);
		fwrite(m->b, 1, m->n, out);
	}
	m->n = 0;
}

/* A ValueType message of two strings into m. */
static void
valuetype(Buf *m, Strtab *st, const char *type, const char *unit)
{
	uintf(m, Fvtype, strindex(st, type));
	uintf(m, Fvunit, strindex(st, unit));
}

/* The build-id as pprof shows it: lowercase hex, as `file` and perf print it. */
static void
hexid(char *buf, const unsigned char *id, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for(i = 0; i < n; i++){
		buf[2 * i] = hex[id[i] >> 4];
		buf[2 * i + 1] = hex[id[i] & 15];
	}
	buf[2 * n] = '\0';
}

static void
mappings(FILE *out, const Ppprof *pp, Strtab *st, Buf *m, Buf *hdr, char (*ids)[129])
{
	size_t i;

	for(i = 0; i < pp->nmap; i++){
		hexid(ids[i], pp->map[i].buildid, pp->map[i].idlen > 64 ? 64 : pp->map[i].idlen);
		uintf(m, Fmid, i + 1);
		uintf(m, Fmstart, pp->map[i].start);
		uintf(m, Fmlimit, pp->map[i].limit);
		uintf(m, Fmoff, pp->map[i].off);
		uintf(m, Fmfile, strindex(st, pp->map[i].file));
		uintf(m, Fmbuildid, strindex(st, ids[i]));
		uintf(m, Fmhasfuncs, 1);	/* symbolized: pprof is not to look for the binary */
		emit(out, hdr, Fmapping, m);
	}
}

/* The locations and functions: ids are indices + 1. */
static void
places(FILE *out, const Ppprof *pp, Strtab *st, Buf *m, Buf *in, Buf *hdr)
{
	const Ppfunc *f;
	const Pploc *l;
	size_t i;

	for(i = 0; i < pp->nloc; i++){
		l = &pp->loc[i];
		uintf(m, Flid, i + 1);
		uintf(m, Flmap, l->map == Ppnone ? 0 : (uint64_t)l->map + 1);
		uintf(m, Fladdr, l->addr);
		in->n = 0;
		uintf(in, Flnfunc, (uint64_t)l->func + 1);
		bytesf(m, Flline, in->b, in->n);
		emit(out, hdr, Flocation, m);
	}
	for(i = 0; i < pp->nfunc; i++){
		f = &pp->func[i];
		uintf(m, Ffid, i + 1);
		uintf(m, Ffname, strindex(st, f->name));
		uintf(m, Ffsysname, strindex(st, f->name));
		uintf(m, Fffile, strindex(st, f->file));
		emit(out, hdr, Ffunction, m);
	}
}

/* Every sample pp->next gives, as it gives it. 0, or -1 (its error). */
static int
samples(FILE *out, const Ppprof *pp, Buf *m, Buf *in, Buf *hdr)
{
	Ppsample s;
	size_t i;
	int r;

	while((r = pp->next(pp->arg, &s)) > 0){
		in->n = 0;
		for(i = 0; i < s.nloc; i++)
			varint(in, (uint64_t)s.loc[i] + 1);
		bytesf(m, Fsloc, in->b, in->n);
		in->n = 0;
		for(i = 0; i < pp->nvalue; i++)
			varint(in, (uint64_t)s.value[i]);
		bytesf(m, Fsvalue, in->b, in->n);
		emit(out, hdr, Fsample, m);
		if(m->nomem || in->nomem || hdr->nomem)
			return -2;
	}
	return r;
}

int
ppwrite(FILE *out, const Ppprof *pp)
{
	Buf m = {0}, in = {0}, hdr = {0};
	Strtab st = {0};
	char (*ids)[129];
	size_t i;
	int r;

	ids = calloc(pp->nmap ? pp->nmap : 1, sizeof *ids);
	strindex(&st, "");	/* index 0 */
	r = ids == NULL ? -2 : 0;
	for(i = 0; r == 0 && i < pp->nvalue; i++){
		valuetype(&m, &st, pp->type[i], pp->unit[i]);
		emit(out, &hdr, Fsampletype, &m);
	}
	if(r == 0)
		r = samples(out, pp, &m, &in, &hdr);
	if(r == 0){
		mappings(out, pp, &st, &m, &hdr, ids);
		places(out, pp, &st, &m, &in, &hdr);
		uintf(&m, Ftime, (uint64_t)pp->timens);
		uintf(&m, Fduration, (uint64_t)pp->durationns);
		in.n = 0;
		valuetype(&in, &st, pp->periodtype, pp->periodunit);
		bytesf(&m, Fperiodtype, in.b, in.n);
		uintf(&m, Fperiod, (uint64_t)pp->period);
		if(pp->comment != NULL)
			uintf(&m, Fcomment, strindex(&st, pp->comment));
		if(!m.nomem)
			fwrite(m.b, 1, m.n, out);
		/* the strings last: every index is known by now */
		for(i = 0; i < st.n; i++){
			m.n = 0;
			bytesf(&m, Fstring, st.s[i], strlen(st.s[i]));
			if(!m.nomem)
				fwrite(m.b, 1, m.n, out);
		}
	}
	if(r == 0 && (m.nomem || in.nomem || hdr.nomem || st.nomem))
		r = -2;
	if(r == -2)
		werrstr("pprof profile: out of memory");
	free(m.b);
	free(in.b);
	free(hdr.b);
	free(st.s);
	free(st.hash);
	free(ids);
	return r < 0 ? -1 : 0;
}

uint64_t
ppfileoff(const char *file, uint64_t addr)
{
	Elfload l;
	size_t i;

	if(file == NULL || elfload(file, &l) < 0)
		return 0;
	for(i = 0; i < l.nseg; i++)
		if(addr >= l.seg[i].vaddr && addr - l.seg[i].vaddr < l.seg[i].filesz)
			return l.seg[i].off + (addr - l.seg[i].vaddr);
	return 0;
}

/* buf (n bytes) as file, whole or not at all (outfile.c). 0 or -1. */
static int
writewhole(const char *file, const void *buf, size_t n)
{
	Outfile o;

	if(outcreate(&o, file) < 0)
		return -1;
	return outcommit(&o, buf, n);
}

int
ppsave(const Ppprof *pp, const char *file)
{
	char *buf;
	size_t n;
	FILE *f;
	int r;

	f = open_memstream(&buf, &n);
	if(f == NULL){
		werrstr("%s: %s", file, strerror(errno));
		return -1;
	}
	r = ppwrite(f, pp);
	if(fclose(f) != 0 && r == 0){
		werrstr("%s: out of memory", file);
		r = -1;
	}
	if(r == 0)
		r = writewhole(file, buf, n);
	free(buf);
	return r;
}
