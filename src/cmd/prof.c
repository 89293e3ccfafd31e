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
#include "base/base.h"
#include "sym/sym.h"
#include "profile/profile.h"

static int failstatus = 1;	/* the exit status of an error: 2 with -g, whose 1 is a breach */

static void
usage(void)
{
	fprintf(stderr, "usage: prof [-CdFNPrS] [-b baseline [-g limits]] [program] [profile ...]\n");
	exit(2);
}

static void
fatal(void)
{
	fprintf(stderr, "prof: %s\n", errstr());
	exit(failstatus);
}

static void
failwith(const char *object, const char *reason)
{
	fprintf(stderr, "prof: %s: %s\n", object, reason);
	exit(failstatus);
}

/* Standard output flushed: status, or failstatus if it could not be written. */
static int
flushout(int status)
{
	if(fflush(stdout) != 0 || ferror(stdout)){
		fprintf(stderr, "prof: standard output: write error\n");
		return failstatus;
	}
	return status;
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

/*
 * The default program: a.out, or with $objtype set the loader's output
 * for it, as Plan 9's prof (8.out for an objtype it does not know).
 */
static const char *
defprogram(void)
{
	static const char *out[][2] = {
		{"386", "8.out"}, {"68020", "2.out"}, {"alpha", "7.out"}, {"amd64", "6.out"},
		{"arm", "5.out"}, {"mips", "v.out"}, {"power", "q.out"}, {"sparc", "k.out"},
		{"spim", "0.out"},
	};
	const char *o;
	size_t i;

	o = getenv("objtype");
	if(o == NULL)
		return "a.out";
	for(i = 0; i < sizeof out / sizeof out[0]; i++)
		if(strcmp(o, out[i][0]) == 0)
			return out[i][1];
	return "8.out";
}

/* The symbols of module i of p: the program's (prog, if loaded) for the executable's. */
static Symtab *
modsyms(Prof *p, uint32_t i, const char *program, Symtab *prog)
{
	const char *path;
	char q[512];
	Pmod *m;
	Symtab *t;

	m = &p->mod[i];
	path = i == p->exemod && program != NULL ? program : m->path;
	t = i == p->exemod && prog != NULL ? prog : symprog(path, NULL);
	if(t == NULL){
		if(i == p->exemod)
			fatal();
		fprintf(stderr, "prof: %s; its functions show as #addresses\n", errstr());
		return NULL;
	}
	if(m->idlen > 0 && (t->idlen != m->idlen || memcmp(t->buildid, m->buildid, m->idlen) != 0))
		fprintf(stderr, "prof: %s: not the file profiled (build-id differs)\n", oneline(q, sizeof q, path));
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

	*tabs = calloc(p->format == Ppid ? p->nmod + 1 : 1, sizeof **tabs);
	*ntabs = 0;
	if(*tabs == NULL){
		fprintf(stderr, "prof: out of memory\n");
		exit(failstatus);
	}
	if(p->format != Ppid){
		t = prog != NULL ? prog : symprog(program, NULL);
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
	if(p->lost > 0 && p->proftype == Pfstacks)
		fprintf(stderr, "prof: %s: %llu samples lost: the kernel's buffer was full\n",
			profile, (unsigned long long)p->lost);
	else if(p->lost > 0 && p->profsize > 0)
		fprintf(stderr, "prof: %s: %llu calls not recorded: the buffer of %u nodes per thread was full"
			" (raise or unset $profsize) or they were nested deeper than %d calls\n",
			profile, (unsigned long long)p->lost, p->profsize, Pfmaxdepth);
	else if(p->lost > 0)
		fprintf(stderr, "prof: %s: %llu calls not recorded: memory for the call trees ran out"
			" or they were nested deeper than %d calls\n",
			profile, (unsigned long long)p->lost, Pfmaxdepth);
}

/*
 * One side of a comparison (-b), or what -N saves: profiles summed and
 * named by their symbols, or a profile saved by names.
 */
typedef struct Side Side;
struct Side
{
	Prof *p;
	Space space;
	Symtab **tabs;
	size_t ntabs;
	Ntree *t;
};

/*
 * Read the n files into s: a profile saved by names (alone), or
 * profiles summed, named by program (prog: its table, if loaded; a
 * prof.<pid> names its own modules when program is NULL).
 */
static void
sideread(Side *s, char **files, int n, const char *program, Symtab *prog)
{
	unsigned char *buf;
	size_t len;
	Prof *q;
	int k;

	memset(s, 0, sizeof *s);
	if((buf = readfile(files[0], &len)) == NULL)
		fatal();
	if(isnames(buf, len)){
		s->t = ntreeread(buf, len, files[0]);
		free(buf);
		if(s->t == NULL)
			fatal();
		if(n > 1)
			failwith(files[1], "a profile saved by names is not summed with others");
		return;
	}
	s->p = profparsefor(buf, len, NULL, files[0]);
	free(buf);
	if(s->p == NULL)
		fatal();
	for(k = 1; k < n; k++)
		if((q = profreadfor(files[k], s->p)) == NULL || (s->p = profmerge(s->p, files[0], q, files[k])) == NULL)
			fatal();
	if(program == NULL && s->p->format != Ppid)
		failwith(files[0], "a Plan 9 prof.out is named by a program: give one");
	loadsyms(s->p, program, prog, &s->space, &s->tabs, &s->ntabs);
	caveats(s->p, files[0]);
	if((s->t = ntreeof(s->p, &s->space)) == NULL)
		fatal();
}

static void
sidefree(Side *s)
{
	size_t i;

	ntreefree(s->t);
	spacefree(&s->space);
	for(i = 0; i < s->ntabs; i++)
		symfree(s->tabs[i]);
	free(s->tabs);
	proffree(s->p);
}

/* The options that choose the output. */
typedef struct Opts Opts;
struct Opts
{
	int dflag, rflag, Fflag, Cflag, Sflag, Nflag, Pflag;
	char **base;		/* -b's files */
	int nbase;
	const char *gate;	/* -g's limits */
};

/*
 * -S with -b: the new profile's flame graph coloured by the change of
 * each path's self time from the baseline (flamegraph.pl's differential
 * graph).
 */
static int
diffflame(const Side *after, const Diff *d, const char *program, const char *base)
{
	Flamebase fb;
	int r;

	fb.name = base;
	if(flamebase(&fb, after->p, after->t, d) < 0)
		return -1;
	r = printflame(stdout, after->p, &after->space, program, &fb);
	free(fb.self);
	return r;
}

/*
 * -b and -g: the profiles (the program's, else its default) compared
 * with the baseline's; the changes, their folded difference, the
 * differential flame graph, or the breaches of the gate (exit status 1
 * if any).
 */
static int
compare(const Opts *o, int argc, char *argv[], Symtab *prog)
{
	char *deflt[1];
	Side before, after;
	const char *program;
	Diff *d;
	Gate g;
	long nb;
	int r;

	if(o->gate != NULL && gateparse(o->gate, &g) < 0)
		fatal();
	program = argc > 0 ? argv[0] : NULL;
	deflt[0] = (char *)defprofile();
	sideread(&after, argc > 1 ? argv + 1 : deflt, argc > 1 ? argc - 1 : 1, program, prog);
	if(o->Sflag && after.p == NULL){
		/* freed, for the leak checkers: the table is not the side's */
		sidefree(&after);
		symfree(prog);
		failwith(argc > 1 ? argv[1] : deflt[0], "a profile saved by names has no calls to draw: give the profile");
	}
	sideread(&before, o->base, o->nbase, program, NULL);
	if((d = profdiff(before.t, after.t)) == NULL)
		fatal();
	nb = 0;
	if(o->gate != NULL)
		r = (nb = diffgate(stdout, d, &g)) < 0 ? -1 : 0;
	else if(o->Fflag)
		r = printdifffolded(stdout, d);
	else if(o->Sflag)
		r = diffflame(&after, d, program, o->base[0]);
	else
		r = printdiff(stdout, d, o->dflag || o->rflag);
	if(r < 0)
		fatal();
	difffree(d);
	sidefree(&before);
	sidefree(&after);
	return nb > 0;
}

/* -N: the profiles (the program's, else its default) saved by names. */
static void
savenames(int argc, char *argv[], Symtab *prog)
{
	char *deflt[1];
	Side s;

	deflt[0] = (char *)defprofile();
	sideread(&s, argc > 1 ? argv + 1 : deflt, argc > 1 ? argc - 1 : 1, argc > 0 ? argv[0] : NULL, prog);
	if(printnames(stdout, s.t) < 0)
		fatal();
	sidefree(&s);
}

/* When file was written, in ns since 1970; 0 if unknown. */
static int64_t
written(const char *file)
{
	struct stat st;

	if(stat(file, &st) < 0)
		return 0;
	return (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
}

/* Parse the options into o; the arguments left. */
static int
options(int argc, char *argv[], Opts *o)
{
	int c;

	memset(o, 0, sizeof *o);
	if((o->base = calloc(argc, sizeof *o->base)) == NULL)
		failwith("options", "out of memory");
	opterr = 0;
	while((c = getopt(argc, argv, "b:CdFg:NPrS")) != -1)
		switch(c){
		case 'b':
			o->base[o->nbase++] = optarg;
			break;
		case 'C':
			o->Cflag = 1;
			break;
		case 'F':
			o->Fflag = 1;
			break;
		case 'd':
			o->dflag = 1;
			break;
		case 'g':
			o->gate = optarg;
			break;
		case 'N':
			o->Nflag = 1;
			break;
		case 'P':
			o->Pflag = 1;
			break;
		case 'r':
			o->rflag = 1;
			break;
		case 'S':
			o->Sflag = 1;
			break;
		default:
			usage();
		}
	/* one report; -r changes only -d's (Plan 9 reads rflag only in its graph walk) */
	if(o->Cflag + o->Fflag + o->Sflag + o->Nflag + o->Pflag + o->dflag > 1)
		usage();
	/* a comparison: its report, -d's paths, -F's difference, -S's graph or -g's breaches */
	if(o->nbase > 0 && (o->Cflag || o->Nflag || o->Pflag || (o->gate != NULL && (o->Fflag || o->Sflag || o->dflag || o->rflag))))
		usage();
	if(o->gate != NULL && o->nbase == 0)
		usage();
	if(o->gate != NULL)
		failstatus = 2;	/* 1 says the gate found a breach */
	return optind;
}

int
main(int argc, char *argv[])
{
	const char *program, *profile;
	Space space = {0};
	Symtab **tabs, *prog;
	size_t ntabs, i;
	Prof *p, *q;
	int r, k, n;
	Opts o;

	n = options(argc, argv, &o);
	argc -= n;
	argv += n;
	/* as Plan 9: a program named is read first */
	prog = NULL;
	if(argc > 0 && (prog = symprog(argv[0], NULL)) == NULL)
		fatal();
	if(o.nbase > 0){
		r = compare(&o, argc, argv, prog);
		free(o.base);
		return flushout(r);
	}
	free(o.base);
	if(o.Nflag){
		savenames(argc, argv, prog);
		return flushout(0);
	}
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
	/* our format records the executable: the default is used only if it is here */
	program = argc > 0 ? argv[0] : defprogram();
	if(argc == 0 && p->format == Ppid && access(program, F_OK) != 0)
		program = NULL;
	loadsyms(p, program, prog, &space, &tabs, &ntabs);
	caveats(p, profile);
	if(o.Fflag)
		r = printfolded(stdout, p, &space);
	else if(o.Sflag)
		r = printflame(stdout, p, &space, program, NULL);
	else if(o.Cflag)
		r = printcallgrind(stdout, p, &space, program);
	else if(o.Pflag)
		r = printpprof(stdout, p, &space, program, written(profile));
	else if(o.dflag)
		r = printgraph(stdout, p, &space, o.rflag, tabstop());
	else
		r = printflat(stdout, p, &space);
	if(r < 0)
		fatal();
	spacefree(&space);
	for(i = 0; i < ntabs; i++)
		symfree(tabs[i]);
	free(tabs);
	proffree(p);
	return flushout(0);
}
