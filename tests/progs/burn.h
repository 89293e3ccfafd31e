/*
 * burn: ns of CPU time in user mode, for the test programs that charge
 * known CPU time to a routine (the clock is read through the kernel: not
 * too often). Instrumented: it is a routine of the profile. Needs
 * cpuns.h.
 */
static volatile unsigned long burnsink;

__attribute__((noinline)) static void
burn(long long ns)
{
	long long t0;
	long i;

	t0 = cpuns();
	do
		for(i = 0; i < 10000; i++)
			burnsink += i * i;
	while(cpuns() - t0 < ns);
}
