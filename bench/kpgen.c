/*
 * kpgen: a kernel's System.map and /proc/profile, for bench/kprof.sh.
 *	kpgen nsym mbytes map profile
 * The map: _text and _stext at 0xffffffff81000000, nsym text symbols at
 * 16-byte-aligned pseudo-random gaps filling the text (names in no
 * alphabetical order), _etext, a data symbol. The profile: word 0 the bucket size 4, then mbytes MB of
 * buckets less one word, a quarter of them nonzero (1 to 100).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* xorshift64*: the same sequence every run */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

int
main(int argc, char **argv)
{
	uint64_t seed, base, a, text, gap;
	uint32_t w;
	size_t nb, i;
	long nsym;
	FILE *m, *p;

	if(argc != 5 || (nsym = atol(argv[1])) < 1 || atol(argv[2]) < 1){
		fprintf(stderr, "usage: kpgen nsym mbytes map profile\n");
		return 2;
	}
	m = fopen(argv[3], "w");
	p = fopen(argv[4], "w");
	if(m == NULL || p == NULL){
		perror("kpgen");
		return 1;
	}
	static const char *stem[] = {
		"do_sys", "ext4", "tcp_v4", "__x64_sys", "vfs", "mm_page", "sched", "irq",
	};

	seed = 88172645463325252ULL;
	nb = (size_t)atol(argv[2]) * 1024 * 1024 / 4 - 1;
	base = 0xffffffff81000000ULL;
	text = (uint64_t)nb * 4;
	gap = text / (uint64_t)nsym / 16;	/* mean gap in 16-byte units */
	fprintf(m, "%016llx T _text\n%016llx T _stext\n", (unsigned long long)base, (unsigned long long)base);
	a = base;
	for(i = 0; i < (size_t)nsym; i++){
		/* names in no order, as a kernel's: a pseudo-random stem, made unique by i */
		fprintf(m, "%016llx %c %s_%08llx_%zu\n", (unsigned long long)a, i % 4 == 1 ? 't' : 'T',
			stem[rnd(&seed) % 8], (unsigned long long)(rnd(&seed) & 0xFFFFFFFF), i);
		a += 16 * (1 + rnd(&seed) % (2 * gap - 1));
		if(a >= base + text - 16)
			a = base + text - 16 * (nsym - i);	/* not past the end: squeeze the rest */
	}
	fprintf(m, "%016llx T _etext\n%016llx D jiffies\n", (unsigned long long)(base + text),
		(unsigned long long)(base + text + 4096));
	w = 4;
	fwrite(&w, 4, 1, p);
	for(i = 0; i < nb; i++){
		w = rnd(&seed) % 4 == 0 ? 1 + rnd(&seed) % 100 : 0;
		fwrite(&w, 4, 1, p);
	}
	if(fclose(m) != 0 || fclose(p) != 0){
		perror("kpgen");
		return 1;
	}
	return 0;
}
