/*
 * tprof-dlswap (tests/514): an object unloaded and another loaded at its
 * addresses while sampled. Opens argv[1] and runs its spin() until it
 * has used -s seconds of CPU time (argv[3], default 0.4), dlcloses it,
 * opens argv[2] and runs its spin() as long. Both objects are built from
 * tests/progs/tprof-spin.c, so the second is loaded where the first was.
 * First it spins 0.1 s in its own text (a report needs counts there).
 * Prints "same base" or "other base" (whether it was), and "cpu N".
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

static long
cpums(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000L +
		(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
}

static volatile unsigned long sink;

/* Spin ms of CPU time here. */
static void
local(long ms)
{
	unsigned long i, x;
	long end;

	end = cpums() + ms;
	x = sink;
	while(cpums() < end)
		for(i = 0; i < 100000; i++)
			x = x * 2862933555777941757ul + i;
	sink = x;
}

/* Open path, run its spin for ms of CPU time; its load base, 0 on error. */
static ElfW(Addr)
run(const char *path, long ms, int close)
{
	struct link_map *lm;
	void (*spin)(void);
	ElfW(Addr) base;
	long end;
	void *h;

	h = dlopen(path, RTLD_NOW);
	if(h == NULL || (spin = (void (*)(void))dlsym(h, "spin")) == NULL)
		return 0;
	end = cpums() + ms;
	while(cpums() < end)
		spin();
	base = dlinfo(h, RTLD_DI_LINKMAP, &lm) == 0 ? lm->l_addr : 0;
	if(close)
		dlclose(h);
	return base;
}

int
main(int argc, char *argv[])
{
	ElfW(Addr) a, b;
	long ms;

	if(argc < 3)
		return 2;
	ms = (long)(1000 * (argc > 3 ? atof(argv[3]) : 0.4));
	local(100);
	a = run(argv[1], ms, 1);
	b = run(argv[2], ms, 0);
	if(a == 0 || b == 0)
		return 1;
	printf("%s base\ncpu %ld\n", a == b ? "same" : "other", cpums());
	return 0;
}
