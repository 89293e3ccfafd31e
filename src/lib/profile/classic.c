/*
 * Plan 9's prof.out, two editions, big-endian:
 * the 4th edition's: 16-byte records u16 down, u16 right, u32 pc,
 * u32 count, u32 time (ms);
 * 9front's: "pr\x0f", a byte (its runtime writes 2), u64 the cycle
 * counter's frequency, then 20-byte records whose time is a u64 in
 * cycles.
 * Record 0 is the root, 0xFFFF means no link.
 */
#include <stdlib.h>
#include <string.h>

#include "profile/profile.h"

enum
{
	Recsize = 16,
	Nolink = 0xFFFF,
	Fronthdr = 12,	/* 9front: magic, version byte, frequency */
	Frontrec = 20,
};

static uint32_t
be16(const unsigned char *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t
be64(const unsigned char *p)
{
	return (uint64_t)be32(p) << 32 | be32(p + 4);
}

static uint32_t
link16(const unsigned char *p)
{
	uint32_t l;

	l = be16(p);
	return l == Nolink ? Pnone : l;
}

/*
 * The nrec records at buf, of recsize bytes, their times of timesize
 * (4 or 8) bytes, checked into a Prof. A time negative at that width
 * belongs to a function still active at the dump (it holds -start): the
 * root's time is added, as Plan 9's prof does.
 */
static Prof *
records(const unsigned char *buf, uint32_t nrec, size_t recsize, int timesize, const char *name)
{
	const unsigned char *r;
	uint64_t mask, sign, roottime;
	uint32_t i;
	Pnode *raw;
	Prof *p;

	raw = malloc(nrec * sizeof *raw);
	if(raw == NULL){
		werrstr("%s: out of memory", name);
		return NULL;
	}
	mask = timesize == 8 ? UINT64_MAX : 0xFFFFFFFFu;
	sign = mask / 2 + 1;
	for(i = 0; i < nrec; i++){
		r = buf + (size_t)i * recsize;
		raw[i].down = link16(r);
		raw[i].right = link16(r + 2);
		raw[i].pc = be32(r + 4);
		raw[i].count = be32(r + 8);
		raw[i].time = timesize == 8 ? be64(r + 12) : be32(r + 12);
	}
	roottime = raw[0].time;
	for(i = 1; i < nrec; i++)
		if(raw[i].time & sign)
			raw[i].time = (raw[i].time + roottime) & mask;
	p = profcheck(raw, nrec, mask, timesize == 8 ? 1 : 1000000, 0, name);
	free(raw);
	return p;
}

Prof *
classicparse(const unsigned char *buf, size_t n, const char *name)
{
	Prof *p;

	if(n == 0){
		werrstr("%s: empty profile", name);
		return NULL;
	}
	if(n % Recsize != 0){
		werrstr("%s: size %zu is not a multiple of %d: not a prof.out file", name, n, Recsize);
		return NULL;
	}
	if(n / Recsize > Nolink + 1){
		werrstr("%s: %zu records, more than 16-bit links can reach", name, n / Recsize);
		return NULL;
	}
	p = records(buf, n / Recsize, Recsize, 4, name);
	if(p != NULL)
		p->format = Pclassic;
	return p;
}

int
isfront(const unsigned char *buf, size_t n)
{
	return n >= 3 && memcmp(buf, "pr\x0f", 3) == 0;
}

Prof *
frontparse(const unsigned char *buf, size_t n, const char *name)
{
	uint64_t hz;
	Prof *p;

	if(n < Fronthdr){
		werrstr("%s: %zu bytes, short of 9front's %d-byte header", name, n, Fronthdr);
		return NULL;
	}
	hz = be64(buf + 4);
	if(hz == 0){
		werrstr("%s: cycle counter frequency 0", name);
		return NULL;
	}
	n -= Fronthdr;
	if(n == 0){
		werrstr("%s: no records", name);
		return NULL;
	}
	if(n % Frontrec != 0){
		werrstr("%s: %zu bytes of records, not a multiple of %d: a partial record", name, n, Frontrec);
		return NULL;
	}
	if(n / Frontrec > Nolink + 1){
		werrstr("%s: %zu records, more than 16-bit links can reach", name, n / Frontrec);
		return NULL;
	}
	p = records(buf + Fronthdr, n / Frontrec, Frontrec, 8, name);
	if(p == NULL)
		return NULL;
	p->format = P9front;
	p->hz = hz;
	return p;
}
