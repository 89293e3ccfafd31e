/*
 * chain (453-rt-exec-names): three images of one pid. "chain a [stale]"
 * prints its pid, calls one once and execs itself as "chain b"; with
 * "stale" it first writes prof.<pid>.1 itself ("stale", as if left by an
 * earlier process of that pid). "chain b" calls two twice and execs
 * "count 4" (tests/progs/count.c, profiled, from the same directory),
 * which calls work 4 times and prints its pid. By construction:
 *	image a: main 1, one 1
 *	image b: main 1, two 2
 *	count: main 1, work 4
 * If an exec fails, prints "exec failed" and exits 3.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int sink;

__attribute__((noinline)) static void
one(void)
{
	sink++;
}

__attribute__((noinline)) static void
two(void)
{
	sink++;
}

int
main(int argc, char *argv[])
{
	char name[64];
	FILE *f;

	if(argc > 1 && strcmp(argv[1], "a") == 0){
		printf("%d\n", (int)getpid());
		fflush(stdout);
		if(argc > 2 && strcmp(argv[2], "stale") == 0){
			snprintf(name, sizeof name, "prof.%d.1", (int)getpid());
			if((f = fopen(name, "w")) != NULL){
				fputs("stale\n", f);
				fclose(f);
			}
		}
		one();
		execl("/proc/self/exe", "chain", "b", (char *)NULL);
	}else if(argc > 1 && strcmp(argv[1], "b") == 0){
		two();
		two();
		execl("./count", "count", "4", (char *)NULL);
	}
	printf("exec failed\n");
	return 3;
}
