/*
 * C++ frames for the unwinder's tests (tests/805): "unw-except 1" stops
 * (int3) in hot called by a destructor run while an exception is in
 * flight: main -> catcher -> unwinding, whose callee threw; unwinding's
 * cleanup (its landing pad) destroys its Guard: ~Guard -> hot. The
 * frames between the throw and the landing pad are gone by then (the
 * unwinder resumes in unwinding's frame). "unw-except 2" stops in hot
 * called from catcher's catch block: main -> catcher -> hot. GCC puts
 * landing pads and catch blocks apart (name.cold), with their own CFI.
 */
#include <cstdlib>
#include <stdexcept>

volatile int sink;
int which;

extern "C" __attribute__((noinline)) void
hot(int n)
{
	if(n == which)
		__asm__ volatile("int3");
	sink += n;
}

struct Guard
{
	~Guard();
};

__attribute__((noipa)) Guard::~Guard()
{
	hot(1);
	sink++;
}

__attribute__((noinline)) void
thrower()
{
	throw std::runtime_error("thrown");
}

__attribute__((noinline)) void
unwinding()
{
	Guard g;

	thrower();
	sink++;
}

__attribute__((noinline)) void
catcher()
{
	try{
		unwinding();
	}catch(const std::exception &){
		hot(2);
	}
	sink++;
}

int
main(int argc, char **argv)
{
	which = argc > 1 ? atoi(argv[1]) : 0;
	catcher();
	return 0;
}
