/*
 * The byte order of tick arrays. Plan 9's /proc/pid/profile is the
 * kernel's array as it lies in memory, in the profiled machine's order
 * (tprof converts it with libmach's machdata->swal); kpdata is always
 * big-endian (devkprof). ticks9parse reads big-endian: an array of the
 * other order is swapped on its way in; ticks9image swaps its own on the
 * way out when Ticks.little says so.
 */

#include "tick/tick.h"

void
ticksswap(unsigned char *buf, size_t n)
{
	unsigned char c;
	size_t i;

	for(i = 0; i + 4 <= n; i += 4){
		c = buf[i];
		buf[i] = buf[i + 3];
		buf[i + 3] = c;
		c = buf[i + 1];
		buf[i + 1] = buf[i + 2];
		buf[i + 2] = c;
	}
}

/* Word i of buf, big-endian if big. */
static uint64_t
word(const unsigned char *p, int big)
{
	if(big)
		return (uint64_t)p[0] << 24 | (uint64_t)p[1] << 16 | (uint64_t)p[2] << 8 | p[3];
	return (uint64_t)p[3] << 24 | (uint64_t)p[2] << 16 | (uint64_t)p[1] << 8 | p[0];
}

/* Read in the order big, is word 0 the sum of the others? Its value in *total. */
static int
addsup(const unsigned char *buf, size_t n, int big, uint64_t *total)
{
	uint64_t sum;
	size_t i;

	sum = 0;
	for(i = 4; i + 4 <= n; i += 4)
		sum += word(buf + i, big);
	*total = n >= 4 ? word(buf, big) : 0;
	return sum == *total;
}

int
ticksbig(const unsigned char *buf, size_t n, int bigendian)
{
	uint64_t tb, tl;
	int b, l;

	b = addsup(buf, n, 1, &tb);
	l = addsup(buf, n, 0, &tl);
	if(b != l)
		return b;
	if(tb != tl)
		return tb < tl;
	return bigendian;
}
