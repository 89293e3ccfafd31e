/*
 * Kernel symbol tables (ksymread: System.map, kallsyms, an ELF vmlinux),
 * as kprof reads them, then a Plan 9 kpdata and a /proc/profile placed on
 * what was read, summed and reported. Checks what ksymread promises: the
 * symbols sorted, within [text, etext).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* kpdata over 256 bytes of text (tests/601's), and a /proc/profile of 4-byte buckets. */
static uint32_t kp9[34], kplinux[66];

static void
mkdata(void)
{
	size_t i;

	kp9[0] = 0x64000000;	/* 100, big-endian */
	kp9[1] = 0x0a000000;
	for(i = 2; i < 34; i++)
		kp9[i] = i % 5 == 0 ? 0x03000000 : 0;
	kplinux[0] = 4;
	for(i = 1; i < 66; i++)
		kplinux[i] = i % 3;
}

static void
report(const Ksyms *k, const uint32_t *w, size_t nw)
{
	Space s = {0};
	Tickrow *rows;
	size_t nrows;
	Ticks *t;
	int format;

	format = Kpauto;
	t = kpparse((const unsigned char *)w, nw * 4, &format, k, "kpdata");
	if(t == NULL)
		return;
	if(spaceadd(&s, k->tab, 0) < 0)
		fuzzfail("spaceadd");
	if(ticksums(t, &s, &rows, &nrows) == 0){
		fuzzsums(t, k->tab, rows, nrows);
		printkprof(fuzznull(), t, k->text, k->tab->sym[0].value, 4096, 0, rows, nrows);
		free(rows);
	}
	spacefree(&s);
	ticksfree(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const Symtab *t;
	Ksyms *k;
	size_t i;

	if(kp9[0] == 0)
		mkdata();
	k = ksymread(fuzzfile(data, size));
	if(k == NULL)
		return 0;
	t = k->tab;
	if(t == NULL || t->nsym == 0)
		fuzzfail("ksymread: a kernel with no symbols");
	for(i = 0; i < t->nsym; i++){
		if(i > 0 && t->sym[i].value <= t->sym[i - 1].value)
			fuzzfail("ksymread: symbols not sorted");
		if(t->sym[i].value < k->text || t->sym[i].value >= k->etext)
			fuzzfail("ksymread: a symbol outside [text, etext)");
		if(t->sym[i].name == NULL)
			fuzzfail("ksymread: a symbol with no name");
	}
	report(k, kp9, 34);
	report(k, kplinux, 66);
	ksymfree(k);
	return 0;
}
