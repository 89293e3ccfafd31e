/*
 * bigstack: start a thread with a 256 MB stack, for the test programs
 * that nest calls over a million deep. Not instrumented: it is not in
 * their counts. Needs <pthread.h>.
 */
__attribute__((no_instrument_function)) static int
startbig(pthread_t *t, void *(*fn)(void *))
{
	pthread_attr_t a;
	int r;

	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 256 << 20);
	r = pthread_create(t, &a, fn, NULL);
	pthread_attr_destroy(&a);
	return r;
}
