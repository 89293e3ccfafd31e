/* prof: display the profile of an instrumented program. */
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proffile.h"
#include "proftools.h"

static void
usage(void)
{
	fprintf(stderr, "usage: prof [-CdFrS] [program] [profile ...]\n");
	exit(2);
}

static void
fatal(void)
{
	fprintf(stderr, "prof: %s\n", errstr());
	exit(1);
}

/* $tabstop as Plan 9 reads it: any C integer syntax, used only if positive. */
static int
tabstop(void)
{
	char *s;
	long t;

	s = getenv("tabstop");
	if(s == NULL)
		return 4;
	t = strtol(s, NULL, 0);
	if(t <= 0)
		return 4;
	return t > INT_MAX ? INT_MAX : (int)t;
}

/*
 * Is name prof.<pid> or prof.<pid>.<n> (written by an image of pid that
 * exec'd)? Its place among the files of its pid: n, or above all for
 * prof.<pid>, which the last image writes.
 */
static int
isprofile(const char *name, unsigned long *pid, unsigned long *seq)
{
	const char *p;
	char *end;

	if(strncmp(name, "prof.", 5) != 0 || !isdigit((unsigned char)name[5]))
		return 0;
	*pid = strtoul(name + 5, &end, 10);
	*seq = ULONG_MAX;
	if(*end == '\0')
		return 1;
	p = end + 1;
	if(*end != '.' || !isdigit((unsigned char)*p))
		return 0;
	*seq = strtoul(p, &end, 10);
	return *end == '\0';
}

/*
 * prof.out, or else the newest prof.<pid> or prof.<pid>.<n> here (said
 * on stderr): the last modified; of a pid's files modified at once, the
 * last image's.
 */
static const char *
defprofile(void)
{
	static char best[NAME_MAX + 1];
	struct timespec bt = {0};
	unsigned long bpid = 0, bseq = 0, pid, seq;
	struct dirent *d;
	struct stat st;
	DIR *dir;

	if(access("prof.out", F_OK) == 0 || (dir = opendir(".")) == NULL)
		return "prof.out";
	best[0] = '\0';
	while((d = readdir(dir)) != NULL){
		if(!isprofile(d->d_name, &pid, &seq) || stat(d->d_name, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		if(best[0] == '\0' || st.st_mtim.tv_sec > bt.tv_sec
		|| (st.st_mtim.tv_sec == bt.tv_sec && st.st_mtim.tv_nsec > bt.tv_nsec)
		|| (st.st_mtim.tv_sec == bt.tv_sec && st.st_mtim.tv_nsec == bt.tv_nsec && pid == bpid && seq > bseq)){
			bt = st.st_mtim;
			bpid = pid;
			bseq = seq;
			snprintf(best, sizeof best, "%s", d->d_name);
		}
	}
	closedir(dir);
	if(best[0] == '\0')
		return "prof.out";
	fprintf(stderr, "prof: using %s\n", best);
	return best;
}

/* The symbols of module i of p: the program's (prog, if loaded) for the executable's. */
static Symtab *
modsyms(Prof *p, uint32_t i, const char *program, Symtab *prog)
{
	const char *path;
	Pmod *m;
	Symtab *t;

	m = &p->mod[i];
	path = i == p->exemod && program != NULL ? program : m->path;
	t = i == p->exemod && prog != NULL ? prog : symelf(path);
	if(t == NULL){
		if(i == p->exemod)
			fatal();
		fprintf(stderr, "prof: %s; its functions show as #addresses\n", errstr());
		return NULL;
	}
	if(m->idlen > 0 && (t->idlen != m->idlen || memcmp(t->buildid, m->buildid, m->idlen) != 0))
		fprintf(stderr, "prof: %s: not the file profiled (build-id differs)\n", path);
	return t;
}

/*
 * Place the symbol tables the profile needs into s; tabs keeps them for
 * freeing. prog is program's table if already loaded.
 */
static void
loadsyms(Prof *p, const char *program, Symtab *prog, Space *s, Symtab ***tabs, size_t *ntabs)
{
	uint32_t i;
	Symtab *t;

	*tabs = calloc(p->format == Plinux ? p->nmod + 1 : 1, sizeof **tabs);
	*ntabs = 0;
	if(*tabs == NULL){
		fprintf(stderr, "prof: out of memory\n");
		exit(1);
	}
	if(p->format == Pclassic){
		t = prog != NULL ? prog : symelf(program);
		if(t == NULL)
			fatal();
		(*tabs)[(*ntabs)++] = t;
		if(spaceadd(s, t, 0) < 0)
			fatal();
		spaceetext(s);	/* Plan 9's table ends with etext, which names every pc past the text */
		return;
	}
	if(prog != NULL && p->exemod == Pnone)
		(*tabs)[(*ntabs)++] = prog;	/* unused, but to be freed */
	for(i = 0; i < p->nmod; i++){
		if(!p->mod[i].used && i != p->exemod)
			continue;
		t = modsyms(p, i, program, prog);
		if(t == NULL)
			continue;
		(*tabs)[(*ntabs)++] = t;
		if(spaceadd(s, t, p->mod[i].bias) < 0)
			fatal();
	}
}

/* What the reader should know about how the profile was taken. */
static void
caveats(const Prof *p, const char *profile)
{
	const char *c;

	c = profcaveat(p);
	if(c != NULL)
		fprintf(stderr, "prof: %s: %s\n", profile, c);
	if(p->lost > 0 && p->profsize > 0)
		fprintf(stderr, "prof: %s: %llu calls not recorded: the buffer of %u nodes per thread was full"
			" (raise or unset $profsize) or they were nested deeper than %d calls\n",
			profile, (unsigned long long)p->lost, p->profsize, Pfmaxdepth);
	else if(p->lost > 0)
		fprintf(stderr, "prof: %s: %llu calls not recorded: memory for the call trees ran out"
			" or they were nested deeper than %d calls\n",
			profile, (unsigned long long)p->lost, Pfmaxdepth);
}

int
main(int argc, char *argv[])
{
	const char *program, *profile;
	int c, dflag, rflag, Fflag, Cflag, Sflag, r, k;
	Space space = {0};
	Symtab **tabs, *prog;
	size_t ntabs, i;
	Prof *p, *q;

	dflag = rflag = Fflag = Cflag = Sflag = 0;
	opterr = 0;
	while((c = getopt(argc, argv, "CdFrS")) != -1)
		switch(c){
		case 'C':
			Cflag = 1;
			break;
		case 'F':
			Fflag = 1;
			break;
		case 'd':
			dflag = 1;
			break;
		case 'r':
			rflag = 1;
			break;
		case 'S':
			Sflag = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	/* one report; -r changes only -d's (Plan 9 reads rflag only in its graph walk) */
	if(Cflag + Fflag + Sflag + dflag > 1)
		usage();
	/* as Plan 9: a program named is read first */
	prog = NULL;
	if(argc > 0 && (prog = symelf(argv[0])) == NULL)
		fatal();
	profile = argc > 1 ? argv[1] : defprofile();
	p = profread(profile);
	if(p == NULL)
		fatal();
	/* more profiles: their sum */
	for(k = 2; k < argc; k++){
		q = profreadfor(argv[k], p);
		if(q == NULL || (p = profmerge(p, profile, q, argv[k])) == NULL)
			fatal();
	}
	/* our format records the executable: a.out is only the default if it is here */
	program = argc > 0 ? argv[0] : "a.out";
	if(argc == 0 && p->format == Plinux && access(program, F_OK) != 0)
		program = NULL;
	loadsyms(p, program, prog, &space, &tabs, &ntabs);
	caveats(p, profile);
	if(Fflag)
		r = printfolded(stdout, p, &space);
	else if(Sflag)
		r = printflame(stdout, p, &space, program);
	else if(Cflag)
		r = printcallgrind(stdout, p, &space, program);
	else if(dflag)
		r = printgraph(stdout, p, &space, rflag, tabstop());
	else
		r = printflat(stdout, p, &space);
	if(r < 0)
		fatal();
	spacefree(&space);
	for(i = 0; i < ntabs; i++)
		symfree(tabs[i]);
	free(tabs);
	proffree(p);
	if(fflush(stdout) != 0 || ferror(stdout)){
		fprintf(stderr, "prof: standard output: write error\n");
		return 1;
	}
	return 0;
}
