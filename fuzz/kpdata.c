/*
 * Kernel profile data (kpparse), as kprof reads it: the format guessed,
 * and forced to Plan 9 kpdata (kprof -9) and Linux /proc/profile (-l),
 * against two kernels (tests/605's System.map, with _etext and without),
 * then the sums and kprof's report.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static const char map[] =
	"ffffffff81000000 T _stext\n"
	"ffffffff81000000 T _text\n"
	"ffffffff81000000 T startup\n"
	"ffffffff81000040 T alpha\n"
	"ffffffff81000080 t beta\n"
	"ffffffff810000c0 W gamma\n"
	"ffffffff81000100 T _etext\n"
	"ffffffff81200000 D jiffies\n";

/* The kernel of map, with or without its _etext line. */
static Ksyms *
kernel(int etext)
{
	static Ksyms *k[2];
	char buf[sizeof map], *e;

	if(k[etext] != NULL)
		return k[etext];
	memcpy(buf, map, sizeof map);
	if(!etext){
		e = strstr(buf, "ffffffff81000100 T _etext\n");
		memmove(e, e + 26, strlen(e + 26) + 1);
	}
	k[etext] = ksymread(fuzzfile((const uint8_t *)buf, strlen(buf)));
	if(k[etext] == NULL)
		fuzzfail(errstr());
	return k[etext];
}

static void
report(const unsigned char *buf, size_t n, int format, const Ksyms *k)
{
	Space s = {0};
	Tickrow *rows;
	size_t nrows;
	Ticks *t;

	t = kpparse(buf, n, &format, k, "fuzz");
	if(t == NULL)
		return;
	if(format != Kpplan9 && format != Kplinux)
		fuzzfail("kpparse: no format");
	if(spaceadd(&s, k->tab, 0) < 0)
		fuzzfail("spaceadd");
	if(ticksums(t, &s, &rows, &nrows) == 0){
		fuzzsums(t, k->tab, rows, nrows);
		printkprof(fuzznull(), t, k->text, k->tab->sym[0].value, 4096, 0, rows, nrows);
		printkprof(fuzznull(), t, k->text, k->tab->sym[0].value, 4096, 100, rows, nrows);
		free(rows);
	}
	/* as kprof: Plan 9 kpdata over the table ended by etext, Plan 9's loop */
	if(format == Kpplan9){
		spaceetext(&s);
		if(ticksums(t, &s, &rows, &nrows) == 0){
			fuzzorder(rows, nrows);
			printkprof(fuzznull(), t, k->text, k->tab->sym[0].value, 4096, 0, rows, nrows);
			free(rows);
		}
	}
	spacefree(&s);
	ticksfree(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int formats[] = {Kpauto, Kpplan9, Kplinux};
	unsigned char *buf;
	int i, e;

	/* kpparse wants the 4-byte alignment that kpmap gives */
	buf = malloc(size ? size : 1);
	if(buf == NULL)
		return 0;
	memcpy(buf, data, size);
	for(e = 0; e < 2; e++)
		for(i = 0; i < 3; i++)
			report(buf, size, formats[i], kernel(e));
	free(buf);
	return 0;
}
