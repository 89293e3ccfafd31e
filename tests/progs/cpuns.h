/*
 * cpuns: the calling thread's CPU time in ns, for the test programs that
 * use known amounts of it. Not instrumented: they call it thousands of
 * times. Needs <time.h>.
 */
__attribute__((no_instrument_function)) static long long
cpuns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
