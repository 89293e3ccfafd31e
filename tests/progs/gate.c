/*
 * README's regression gate example: work() calls hot() HOT times (1000
 * unless the build says otherwise); a change that doubles the hot calls
 * is the build with -DHOT=2000.
 */
#ifndef HOT
#define HOT 1000
#endif

static volatile unsigned long sink;

void
hot(void)
{
	for(int i = 0; i < 1000; i++)
		sink += i;
}

void
work(void)
{
	for(int i = 0; i < HOT; i++)
		hot();
}

int
main(void)
{
	work();
	return 0;
}
