/*
 * Plan 9's /proc/pid/profile layout (ticks9parse), as tprof -f reads it,
 * against functions f0..f15 from 0x1000 (base 0x1000, tprof's TEXT): the
 * sums per symbol through one table and through two, tprof's report, and
 * the image written back, which must be the input.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Space one = {0}, two = {0}, nine = {0};
	Tickrow *rows;
	unsigned char *img;
	size_t n, nimg;
	Ticks *t;

	t = ticks9parse(data, size, 0x1000, "fuzz");
	if(t == NULL)
		return 0;
	img = ticks9image(t, &nimg);
	if(img == NULL)
		fuzzfail("ticks9image");
	if(nimg != size || memcmp(img, data, size) != 0)
		fuzzfail("ticks9image: not the image parsed");
	free(img);
	if(spaceadd(&one, fuzzsyms(), 0) < 0)
		fuzzfail("spaceadd");
	if(ticksums(t, &one, &rows, &n) == 0){
		fuzzsums(t, fuzzsyms(), rows, n);
		printtprof(fuzznull(), t, 0x1000, rows, n);
		free(rows);
	}
	/* as tprof: the table ended by etext, Plan 9's loop */
	if(spaceadd(&nine, fuzzsyms(), 0) < 0)
		fuzzfail("spaceadd");
	spaceetext(&nine);
	if(ticksums(t, &nine, &rows, &n) == 0){
		fuzzorder(rows, n);
		printtprof(fuzznull(), t, 0x1000, rows, n);
		free(rows);
	}
	if(spaceadd(&two, fuzzsyms(), 0) < 0 || spaceadd(&two, fuzzsyms(), 0x100) < 0)
		fuzzfail("spaceadd");
	if(ticksums(t, &two, &rows, &n) == 0)
		free(rows);
	spacefree(&one);
	spacefree(&two);
	spacefree(&nine);
	ticksfree(t);
	return 0;
}
