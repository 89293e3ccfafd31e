/*
 * Plan 9's prof.out: 16-byte big-endian records
 * u16 down, u16 right, u32 pc, u32 count, u32 time (ms);
 * record 0 is the root, 0xFFFF means no link.
 */
#include <stdlib.h>

#include "proftools.h"
#include "internal.h"

enum { Recsize = 16, Nolink = 0xFFFF };

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

static uint32_t
link16(const unsigned char *p)
{
	uint32_t l;

	l = be16(p);
	return l == Nolink ? Pnone : l;
}

Prof *
classicparse(const unsigned char *buf, size_t n, const char *name)
{
	const unsigned char *r;
	uint32_t i, nrec, roottime;
	Pnode *raw;
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
	nrec = n / Recsize;
	raw = malloc(nrec * sizeof *raw);
	if(raw == NULL){
		werrstr("%s: out of memory", name);
		return NULL;
	}
	roottime = be32(buf + 12);
	for(i = 0; i < nrec; i++){
		r = buf + (size_t)i * Recsize;
		raw[i].down = link16(r);
		raw[i].right = link16(r + 2);
		raw[i].pc = be32(r + 4);
		raw[i].count = be32(r + 8);
		raw[i].time = be32(r + 12);
		/* a function still active at the dump: time holds -start */
		if(i > 0 && (int32_t)raw[i].time < 0)
			raw[i].time = (uint32_t)(raw[i].time + roottime);
	}
	p = profcheck(raw, nrec, 0xFFFFFFFFu, 1000000, name);
	free(raw);
	return p;
}
