/*
 * pgcount: count the calls a gcc -pg program makes, for bench/runtime.sh.
 * Linked into a separate -pg build of the program (compiled without -pg
 * itself), its mcount replaces glibc's: it only counts (touching no
 * register but the flags, as mcount must), so gmon.out gets no arcs.
 * At exit it prints "pg calls N" on stderr: the calls gprof's mcount
 * (and uftrace's) really handles, including those whose caller is not
 * compiled with -pg (main; a comparator called by qsort), which gprof's
 * call graph leaves out.
 */
#include <stdio.h>

__attribute__((visibility("hidden"))) unsigned long long pgcalls;

__asm__(
	".text\n"
	".globl mcount\n"
	".type mcount, @function\n"
	"mcount:\n"
	"\tincq pgcalls(%rip)\n"
	"\tret\n"
	".size mcount, .-mcount\n");

__attribute__((destructor)) static void
pgend(void)
{
	fprintf(stderr, "pg calls %llu\n", pgcalls);
}
