/*
 * An object unloaded, another loaded at its addresses (444-rt-dlclose-
 * reuse): main opens argv[1] (tests/progs/dlreuse-big.c: a big text, afar
 * at its end), calls afar once and dlcloses it; then opens argv[2]
 * (tests/progs/dlreuse-small.c) and calls bfn twice. By construction:
 *	main 1, afar 1, bfn 2, and no pad routine called
 * Prints "same base" or "other base": whether the second object was
 * loaded where the first was (the case the test is about).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>

/* The load base of object h. */
static ElfW(Addr)
base(void *h)
{
	struct link_map *lm;

	return dlinfo(h, RTLD_DI_LINKMAP, &lm) == 0 ? lm->l_addr : 0;
}

int
main(int argc, char *argv[])
{
	int (*fa)(int), (*fb)(int);
	ElfW(Addr) abase;
	void *a, *b;

	if(argc < 3)
		return 2;
	a = dlopen(argv[1], RTLD_NOW);
	if(a == NULL || (fa = (int (*)(int))dlsym(a, "afar")) == NULL)
		return 1;
	fa(1);
	abase = base(a);
	dlclose(a);
	b = dlopen(argv[2], RTLD_NOW);
	if(b == NULL || (fb = (int (*)(int))dlsym(b, "bfn")) == NULL)
		return 1;
	fb(1);
	fb(2);
	printf("%s base\n", base(b) == abase ? "same" : "other");
	return 0;
}
