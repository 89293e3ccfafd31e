// A call tree for prof -S (255-prof-svg), hot by construction: main
// calls cold, then hot, then warm, in 5 rounds (so a change of the
// machine's load falls on all three); each calls one instance of burn,
// which spins N units: hot 3, warm 2, cold 1. Calls: main 1, the others
// 5 each. So, in CPU time, hot's frame is about 3 times cold's, warm's
// 2 times, and the hottest path is main, hot, burn<3>. Names, as demangled (worked by hand from
// the Itanium ABI), hold XML's special characters:
//	_Z4burnILi3EEvv		void burn<3>()
//	_Z3hotRi		hot(int&)
//	_Z4warmv		warm()
//	_Z4coldv		cold()
// Prints the units spun (30).
#include <stdio.h>

enum { Unit = 6000000 };	// about 4 ms

static volatile long n;

// not instrumented: its time is its caller's
__attribute__((no_instrument_function)) static void
spin(int units)
{
	long i;

	for(i = 0; i < (long)units * Unit; i++)
		n++;
}

template<int N> __attribute__((noinline)) void
burn()
{
	spin(N);
}

__attribute__((noinline)) void hot(int &k) { burn<3>(); k += 3; }
__attribute__((noinline)) void warm() { burn<2>(); }
__attribute__((noinline)) void cold() { burn<1>(); }

int
main()
{
	int i, k;

	k = 0;
	for(i = 0; i < 5; i++){
		cold();
		hot(k);
		warm();
	}
	printf("%ld\n", n / Unit);
	return 0;
}
