/*
 * A program whose functions are known by construction: the globals are in
 * .dynsym (built -rdynamic), the statics only in .symtab, so a stripped
 * copy shows only the globals unless its debug file is found.
 * Calls: main 1, visible 2, hidden1 3 (2 from visible, 1 from hidden2),
 * hidden2 1, alsohidden 1.
 */
static int __attribute__((noinline)) hidden1(int x) { return x * 3 + 1; }
static int __attribute__((noinline)) hidden2(int x) { return hidden1(x) ^ 5; }
static int __attribute__((noinline)) alsohidden(int x) { return x - 7; }
int __attribute__((noinline)) visible(int x) { return hidden1(x) + 2; }

int
main(int argc, char **argv)
{
	int s;

	(void)argv;
	s = visible(argc) + visible(argc + 1);
	s += hidden2(argc) + alsohidden(argc);
	return s == 12345;
}
