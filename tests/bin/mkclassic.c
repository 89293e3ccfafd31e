/*
 * mkclassic: write a Plan 9 prof.out from text, for the tests.
 * Each input line is one record, in order from record 0:
 *	down right pc count time
 * numbers in C syntax (0x.. hex), "-" for no link (0xFFFF), negative
 * times as 32-bit two's complement. Blank lines and lines starting
 * with # are skipped.
 * mkclassic -9 FREQ: 9front's prof.out instead: "pr\x0f", the byte 2
 * (as its runtime writes), FREQ as 8 bytes, then 20-byte records whose
 * times are 8 bytes (negative ones as 64-bit two's complement).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
put(unsigned long long v, int nbytes)
{
	while(nbytes-- > 0)
		putchar((int)(v >> (8 * nbytes) & 0xFF));
}

static unsigned long long
field(const char *s)
{
	if(strcmp(s, "-") == 0)
		return 0xFFFF;
	return (unsigned long long)strtoll(s, NULL, 0);
}

int
main(int argc, char **argv)
{
	char line[512], f[5][64];
	int timesize;

	timesize = 4;
	if(argc == 3 && strcmp(argv[1], "-9") == 0){
		timesize = 8;
		fwrite("pr\x0f\x02", 1, 4, stdout);
		put(strtoull(argv[2], NULL, 0), 8);
	}else if(argc != 1){
		fprintf(stderr, "usage: mkclassic [-9 freq] < records\n");
		return 2;
	}

	while(fgets(line, sizeof line, stdin) != NULL){
		if(line[0] == '#' || strspn(line, " \t\n") == strlen(line))
			continue;
		if(sscanf(line, "%63s %63s %63s %63s %63s", f[0], f[1], f[2], f[3], f[4]) != 5){
			fprintf(stderr, "mkclassic: bad line: %s", line);
			return 1;
		}
		put(field(f[0]), 2);
		put(field(f[1]), 2);
		put(field(f[2]), 4);
		put(field(f[3]), 4);
		put(field(f[4]), timesize);
	}
	return 0;
}
