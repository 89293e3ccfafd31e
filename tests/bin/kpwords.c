/*
 * kpwords: write 32-bit words from text, for the kprof tests.
 *	kpwords -b	big-endian (Plan 9 kpdata)
 *	kpwords -l	little-endian (Linux /proc/profile on this machine)
 * Input: numbers in C syntax (0x.. hex), separated by white space; a
 * line starting with # is skipped. "N*V" writes V N times.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
put(unsigned long v, int big)
{
	int i;

	for(i = 0; i < 4; i++)
		putchar((int)(v >> (big ? 24 - 8 * i : 8 * i) & 0xFF));
}

int
main(int argc, char **argv)
{
	char w[128], *star;
	unsigned long n, v;
	int big, c;

	if(argc != 2 || (strcmp(argv[1], "-b") != 0 && strcmp(argv[1], "-l") != 0)){
		fprintf(stderr, "usage: kpwords -b|-l\n");
		return 2;
	}
	big = argv[1][1] == 'b';
	while(scanf("%127s", w) == 1){
		if(w[0] == '#'){
			while((c = getchar()) != EOF && c != '\n')
				;
			continue;
		}
		star = strchr(w, '*');
		n = star != NULL ? strtoul(w, NULL, 0) : 1;
		v = strtoul(star != NULL ? star + 1 : w, NULL, 0);
		while(n-- > 0)
			put(v, big);
	}
	return 0;
}
