/* tprof-spin (tests/514): a shared object whose spin() burns CPU in its own text. */
volatile unsigned long spinsink;

void spin(void);

void
spin(void)
{
	unsigned long i, x;

	x = spinsink;
	for(i = 0; i < 100000; i++)
		x = x * 2862933555777941757ul + i;
	spinsink = x;
}
