/*
 * mkstacks: make a profile of sampled stacks (prof.<pid>, proftype
 * stacks) from text with the library's builder (profile/stacks.c), for
 * the tests. Usage: mkstacks PERIODNS < text > file. Lines:
 *	mod PATH BIAS [exe]	a module (numbered from 0 in order)
 *	WEIGHT FRAME ...	WEIGHT samples of this stack, root first;
 *				a frame is MOD:OFF, or :ADDR for no module
 *	lost N			N samples lost
 * numbers in C syntax (0x.. hex); blank lines and # lines skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proffile.h"
#include "profile/profile.h"

enum { Maxframes = 256 };

static void
die(const char *what)
{
	fprintf(stderr, "mkstacks: %s\n", what);
	exit(1);
}

static void
addmod(Stacks *s, char *args)
{
	char path[1024], exe[8];
	unsigned long long bias;
	Pmod m;
	int n;

	memset(&m, 0, sizeof m);
	exe[0] = '\0';
	n = sscanf(args, "%1023s %lli %7s", path, &bias, exe);
	if(n < 2)
		die("mod PATH BIAS [exe]");
	m.path = path;
	m.bias = bias;
	if(stacksmod(s, &m, strcmp(exe, "exe") == 0) == Pnone)
		die(errstr());
}

static void
addstack(Stacks *s, char *line)
{
	Stframe f[Maxframes];
	unsigned long long w;
	char *tok, *colon;
	size_t n;

	tok = strtok(line, " \t\n");
	w = strtoull(tok, NULL, 0);
	n = 0;
	while((tok = strtok(NULL, " \t\n")) != NULL && n < Maxframes){
		colon = strchr(tok, ':');
		if(colon == NULL)
			die("a frame is MOD:OFF or :ADDR");
		f[n].mod = colon == tok ? Pnone : (uint32_t)strtoul(tok, NULL, 0);
		f[n].off = strtoull(colon + 1, NULL, 0);
		n++;
	}
	if(stacksadd(s, f, n, w) < 0)
		die(errstr());
}

int
main(int argc, char **argv)
{
	char line[4096];
	unsigned char *img;
	size_t n;
	Stacks *s;

	if(argc != 2)
		die("usage: mkstacks PERIODNS < text > file");
	s = stacksnew(strtoull(argv[1], NULL, 0), Mperfclock);
	if(s == NULL)
		die(errstr());
	while(fgets(line, sizeof line, stdin) != NULL){
		if(line[0] == '#' || strspn(line, " \t\n") == strlen(line))
			continue;
		if(strncmp(line, "mod ", 4) == 0)
			addmod(s, line + 4);
		else if(strncmp(line, "lost ", 5) == 0)
			stackslost(s, strtoull(line + 5, NULL, 0));
		else
			addstack(s, line);
	}
	img = stacksimage(s, &n);
	if(img == NULL)
		die(errstr());
	if(fwrite(img, 1, n, stdout) != n || fflush(stdout) != 0)
		die("write error");
	free(img);
	stacksfree(s);
	return 0;
}
