/*
 * mkclassic: write a Plan 9 prof.out from text, for the tests.
 * Each input line is one record, in order from record 0:
 *	down right pc count time
 * numbers in C syntax (0x.. hex), "-" for no link (0xFFFF), negative
 * times as 32-bit two's complement. Blank lines and lines starting
 * with # are skipped.
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
main(void)
{
	char line[512], f[5][64];

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
		put(field(f[4]), 4);
	}
	return 0;
}
