/*
 * The profile is written while other threads are making new call paths
 * (425-rt-busy-exit). 8 threads, thread k running tk (t0 .. t7, so each
 * thread's tree is apart in prof's merged tree), which calls loop, which
 * calls walk forever; walk calls one of r0 .. r7 at random, and r_x at
 * depth d < 8 (walk's calls are at depth 2) calls one of them again at
 * random. In prof's tree (tk at depth 0, loop 1, walk 2), every call of
 * walk or of an r at depth 3 .. 8 has called exactly one child,
 * but the one call of each in progress on its thread's path, and new
 * paths keep appearing (8^7 of them). Meanwhile main calls m 5 times,
 * sleeps 100 ms and returns, writing the profile as the threads run. By
 * construction main's part is exact: main 1, m 5. Prints "ok".
 */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

enum { Nthread = 8, Depth = 8 };

typedef void Rfn(unsigned *, int);
static Rfn r0, r1, r2, r3, r4, r5, r6, r7;
static Rfn *const r[8] = { r0, r1, r2, r3, r4, r5, r6, r7 };
static volatile int sink;

/* the next of a thread's pseudo-random numbers, 0 .. 7 */
__attribute__((no_instrument_function)) static int
pick(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 7;
}

#define R(k) __attribute__((noinline)) static void \
	r##k(unsigned *s, int d) { if(d < Depth) r[pick(s)](s, d + 1); }
R(0) R(1) R(2) R(3) R(4) R(5) R(6) R(7)

__attribute__((noinline)) static void
walk(unsigned *s)
{
	r[pick(s)](s, 2);
}

static void
loop(unsigned s)
{
	for(;;)
		walk(&s);
}

#define T(k) static void *t##k(void *v) { loop(k + 1); return v; }
T(0) T(1) T(2) T(3) T(4) T(5) T(6) T(7)
static void *(*const t[Nthread])(void *) = { t0, t1, t2, t3, t4, t5, t6, t7 };

__attribute__((noinline)) static void
m(void)
{
	sink++;
}

int
main(void)
{
	struct timespec ts = { 0, 100000000 };
	pthread_t th;
	int i;

	for(i = 0; i < Nthread; i++)
		if(pthread_create(&th, NULL, t[i], NULL) != 0)
			return 1;
	for(i = 0; i < 5; i++)
		m();
	nanosleep(&ts, NULL);
	printf("ok\n");
	return 0;
}
