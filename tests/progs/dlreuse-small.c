/*
 * A small text for tests/progs/dlreuse.c, in an object about as big as
 * dlreuse-big.c's (the data): the loader then puts it where that one was.
 */
static char room[0x3e00] __attribute__((used));

int
bfn(int x)
{
	return x * 2 + room[x];
}
