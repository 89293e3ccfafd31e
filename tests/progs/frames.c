/*
 * Frames of any size and stale return addresses (445-rt-frames). main
 * calls big4k (a 4 KB frame), big64k (64 KB) and, in a thread with a
 * 256 MB stack, big1m (1 MB); each calls leaf 1000 times, and leaf
 * burns about 20 us of CPU, so each big function's time is its leaves'.
 * Then host is called twice from one site in mid, the second time one
 * level deeper, after plant left copies of host's return address where
 * host's uninitialised locals are (host overwrites them after its entry
 * hook); host calls inl, inlined in it (its hooks kept), which calls
 * leaf once. By construction (prof -dr):
 *	main 1
 *	. big4k 1	. leaf 1000
 *	. big64k 1	. leaf 1000
 *	. mid 2	. host 1	. inl 1	. leaf 1
 *		. mid 1	. plant 1
 *			. host 1	. inl 1	. leaf 1
 *	thread 1	. big1m 1	. leaf 1000
 * Prints "done".
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#include "bigstack.h"

static volatile uint64_t sink;
static volatile uint64_t hostsite;	/* host's return address, as host saw it */

__attribute__((noinline)) static void
leaf(void)
{
	int i;

	for(i = 0; i < 4000; i++)
		sink += i;
}

#define BIG(name, size) \
__attribute__((noinline)) static void \
name(void) \
{ \
	volatile char b[size]; \
	int i; \
 \
	b[0] = 0; \
	for(i = 0; i < 1000; i++) \
		leaf(); \
	sink += b[0]; \
}

BIG(big4k, 4096)
BIG(big64k, 65536)
BIG(big1m, 1 << 20)

static inline __attribute__((always_inline)) void
inl(void)
{
	leaf();
}

__attribute__((noinline)) static void
host(void)
{
	volatile uint64_t junk[64];
	int i;

	hostsite = (uint64_t)(uintptr_t)__builtin_return_address(0);
	for(i = 0; i < 64; i++)	/* the stale copies go now, after host's entry hook */
		junk[i] = 0;
	inl();
	sink += junk[0];
}

/* Fill the stack below the caller's frame, where host's will be, with host's return address. */
__attribute__((noinline)) static void
plant(void)
{
	volatile uint64_t a[512];
	int i;

	for(i = 0; i < 512; i++)
		a[i] = hostsite;
	sink += a[7] & 0;
}

/*
 * host from one call site, so with one return address; on a path of
 * its own each time (mid's depth k), so a profiler meets each first.
 */
__attribute__((noinline)) static void
mid(int k, int planting)
{
	if(k > 0){
		mid(k - 1, planting);
		return;
	}
	if(planting)
		plant();
	host();
}

static void *
thread(void *v)
{
	big1m();
	return v;
}

int
main(void)
{
	pthread_t t;

	big4k();
	big64k();
	mid(0, 0);
	mid(1, 1);
	if(startbig(&t, thread) != 0 || pthread_join(t, NULL) != 0)
		return 1;
	printf("done\n");
	return 0;
}
