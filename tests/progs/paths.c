/*
 * More call paths than a small buffer holds (413-rt-profsize): main calls
 * a1 .. a8 once each, in order, and each a_i calls leaf 3 times: 17 nodes.
 * With profsize=5 the buffer holds main, a1, a1->leaf, a2, a2->leaf; the
 * calls of a3 .. a8 and of their leaf are not recorded: 6 x 4 = 24 lost.
 * Recorded: main 1, a1 1, a2 1, leaf 6. Prints "24", exits with status 7.
 */
#include <stdio.h>

static volatile int n;

__attribute__((noinline)) static void leaf(void) { n++; }
__attribute__((noinline)) static void a1(void) { leaf(); leaf(); leaf(); }
__attribute__((noinline)) static void a2(void) { leaf(); leaf(); leaf(); }
__attribute__((noinline)) static void a3(void) { leaf(); leaf(); leaf(); }
__attribute__((noinline)) static void a4(void) { leaf(); leaf(); leaf(); }
__attribute__((noinline)) static void a5(void) { leaf(); leaf(); leaf(); }
__attribute__((noinline)) static void a6(void) { leaf(); leaf(); leaf(); }
__attribute__((noinline)) static void a7(void) { leaf(); leaf(); leaf(); }
__attribute__((noinline)) static void a8(void) { leaf(); leaf(); leaf(); }

int
main(void)
{
	a1();
	a2();
	a3();
	a4();
	a5();
	a6();
	a7();
	a8();
	printf("%d\n", n);
	return 7;
}
