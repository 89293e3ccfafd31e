/* Kernel profile data: Plan 9 kpdata and Linux /proc/profile, placed on a kernel's text. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kern/kern.h"

enum {
	Slack = 4096,		/* a kpdata may cover up to a page more or less than the text */
	Maxstep = 1 << 24,	/* bucket sizes of /proc/profile beyond this are not real */
};

/* Word i of the image, native-endian as the kernel writes /proc/profile. */
static uint32_t
nat32(const unsigned char *buf, size_t i)
{
	uint32_t w;

	memcpy(&w, buf + 4 * i, 4);
	return w;
}

static int
pow2(uint32_t v)
{
	return v != 0 && (v & (v - 1)) == 0;
}

/* Is the image /proc/profile data of kernel k: word 0 a bucket size, as many buckets as its text holds? */
static int
linuxfits(const unsigned char *buf, size_t n, const Ksyms *k)
{
	uint32_t step;

	step = nat32(buf, 0);
	return pow2(step) && step <= Maxstep && k->haveetext
		&& n / 4 - 1 == (k->etext - k->stext) / step;
}

/* Do nword 8-byte buckets from k->text cover k's text, within a page? */
static int
plan9fits(size_t nword, const Ksyms *k)
{
	uint64_t have, want;

	if(!k->haveetext)
		return 1;
	have = (uint64_t)nword * 8;
	want = k->etext - k->text;
	return have <= want + Slack && have + Slack >= want;
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Read as Plan 9 kpdata, do the buckets and the outside count stay within the total? */
static int
plan9sane(const unsigned char *buf, size_t n)
{
	uint64_t sum;
	size_t j;

	sum = 0;
	for(j = 1; j < n / 4; j++)
		sum += be32(buf + 4 * j);
	return sum <= be32(buf);
}

/*
 * The format of the image: Linux if it fits k as /proc/profile; else Plan 9
 * if it makes sense as kpdata and fits k; else (data of another kernel)
 * Linux if word 0 is a bucket size, else Plan 9.
 */
static int
guess(const unsigned char *buf, size_t n, const Ksyms *k)
{
	if(linuxfits(buf, n, k))
		return Kplinux;
	if(plan9sane(buf, n) && plan9fits(n / 4, k))
		return Kpplan9;
	return pow2(nat32(buf, 0)) && nat32(buf, 0) <= Maxstep ? Kplinux : Kpplan9;
}

static Ticks *
kpdata9(const unsigned char *buf, size_t n, const Ksyms *k, const char *name)
{
	uint64_t sum;
	Ticks *t;
	size_t j;

	t = ticks9parse(buf, n, k->text, name);
	if(t == NULL)
		return NULL;
	sum = 0;
	for(j = t->first; j < t->nword; j++)
		sum += t->word[j];
	if(sum + t->outside > t->total){
		werrstr("%s: not Plan 9 kpdata: its buckets hold more ticks (%" PRIu64 ") than its total (%" PRIu64 ")",
			name, sum + t->outside, t->total);
		ticksfree(t);
		return NULL;
	}
	t->rule = Rkprof;
	if(!plan9fits(t->nword, k)){
		werrstr("%s: its buckets cover %#" PRIx64 " bytes of text, the kernel's text is %#" PRIx64
			" bytes: data of another kernel?", name, (uint64_t)t->nword * 8, k->etext - k->text);
		ticksfree(t);
		return NULL;
	}
	return t;
}

/*
 * /proc/profile: word j >= 1 counts the kernel's bucket j-1, the pcs in
 * [stext + (j-1)*step, stext + j*step); the last also the pcs out of
 * range. readprofile credits word j to the symbol holding
 * stext + (j+1)*step - 1, the last byte of the next bucket (it sums word j
 * into the symbol at offset x from _stext while j < x/step); so start is
 * stext + 2*step - 1.
 */
static Ticks *
procprofile(const unsigned char *buf, size_t n, const Ksyms *k, const char *name)
{
	uint32_t step;
	size_t j, nb;
	Ticks *t;

	step = nat32(buf, 0);
	if(!pow2(step) || step > Maxstep){
		werrstr("%s: bucket size %" PRIu32 " is not a power of two: not /proc/profile data", name, step);
		return NULL;
	}
	nb = n / 4 - 1;
	if(k->haveetext && nb != (k->etext - k->stext) / step){
		werrstr("%s: %zu buckets of %" PRIu32 " bytes, the kernel's text holds %" PRIu64 ": data of another kernel?",
			name, nb, step, (k->etext - k->stext) / step);
		return NULL;
	}
	t = calloc(1, sizeof *t);
	if(t == NULL){
		werrstr("%s: out of memory", name);
		return NULL;
	}
	t->w32 = (const uint32_t *)buf;	/* word j is bucket j-1; the last is the outside count */
	for(j = 1; j <= nb; j++)
		t->total += t->w32[j];
	t->outside = nat32(buf, nb);
	t->nword = nb;
	t->first = 1;
	t->res = step;
	t->start = k->stext + 2 * (uint64_t)step - 1;
	t->rule = Rstart;
	return t;
}

Ticks *
kpparse(const unsigned char *buf, size_t n, int *format, const Ksyms *k, const char *name)
{
	if(n < 8){
		werrstr("%s: data file too short", name);
		return NULL;
	}
	if(n % 4 != 0){
		werrstr("%s: size %zu is not a whole number of 4-byte words", name, n);
		return NULL;
	}
	if(*format == Kpauto)
		*format = guess(buf, n, k);
	return *format == Kplinux ? procprofile(buf, n, k, name) : kpdata9(buf, n, k, name);
}

unsigned char *
kpmap(const char *file, size_t *n, int *mapped)
{
	struct stat st;
	void *b;
	int fd;

	*mapped = 0;
	fd = fileopen(file, Fstream, &st);
	if(fd < 0)
		return NULL;
	if(S_ISREG(st.st_mode) && st.st_size > 0){
		b = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if(b != MAP_FAILED){
			close(fd);
			*mapped = 1;
			*n = st.st_size;
			return b;
		}
	}
	b = readfd(fd, &st, file, n);	/* /proc files, pipes */
	close(fd);
	return b;
}

void
kpunmap(unsigned char *b, size_t n, int mapped)
{
	if(mapped)
		munmap(b, n);
	else
		free(b);
}
