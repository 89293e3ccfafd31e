/*
 * What a comparison of two profiles (diff.c) prints: the report of the
 * changes per function or per call path, the folded difference for
 * flame graph tools, and the breaches of a regression gate.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "profile/profile.h"

/* A function's or a path's figures, before (0) and after (1). */
typedef struct Row Row;
struct Row
{
	const char *name;	/* a function's; NULL for a path */
	uint32_t path;		/* a path's index in the Diff */
	uint64_t calls[2];
	uint64_t time[2];	/* ns: a function's self time, a path's inclusive time */
};

static uint64_t
absdiff(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

/* Largest change of time first, then of calls; then by name, or path order. */
static int
rowcmp(const void *va, const void *vb)
{
	const Row *a, *b;
	uint64_t x, y;

	a = va;
	b = vb;
	x = absdiff(a->time[0], a->time[1]);
	y = absdiff(b->time[0], b->time[1]);
	if(x != y)
		return x > y ? -1 : 1;
	x = absdiff(a->calls[0], a->calls[1]);
	y = absdiff(b->calls[0], b->calls[1]);
	if(x != y)
		return x > y ? -1 : 1;
	if(a->name != NULL && b->name != NULL)
		return strcmp(a->name, b->name);
	return (a->path > b->path) - (a->path < b->path);
}

static int
byname(const void *va, const void *vb)
{
	return strcmp(((const Row *)va)->name, ((const Row *)vb)->name);
}

/* The rows by function (self times, calls summed over the paths to it): *n of them. NULL if out of memory. */
static Row *
funcrows(const Diff *d, size_t *n)
{
	uint32_t i;
	size_t k;
	Row *r;
	int s;

	if((r = calloc(d->npath, sizeof *r)) == NULL)
		return NULL;
	for(i = 1; i < d->npath; i++){
		r[i - 1].name = d->path[i].name;
		for(s = 0; s < 2; s++){
			r[i - 1].calls[s] = d->path[i].calls[s];
			r[i - 1].time[s] = d->path[i].self[s];
		}
	}
	qsort(r, d->npath - 1, sizeof *r, byname);
	*n = 0;
	for(k = 0; k + 1 < d->npath; k++){
		if(*n > 0 && strcmp(r[*n - 1].name, r[k].name) == 0)
			for(s = 0; s < 2; s++){
				r[*n - 1].calls[s] += r[k].calls[s];
				r[*n - 1].time[s] += r[k].time[s];
			}
		else
			r[(*n)++] = r[k];
	}
	return r;
}

/* The rows by call path (inclusive times): *n of them. NULL if out of memory. */
static Row *
pathrows(const Diff *d, size_t *n)
{
	uint32_t i;
	Row *r;
	int s;

	if((r = calloc(d->npath, sizeof *r)) == NULL)
		return NULL;
	*n = 0;
	for(i = 1; i < d->npath; i++, (*n)++){
		r[*n].path = i;
		for(s = 0; s < 2; s++){
			r[*n].calls[s] = d->path[i].calls[s];
			r[*n].time[s] = d->path[i].time[s];
		}
	}
	return r;
}

static Row *
rows(const Diff *d, int paths, size_t *n)
{
	Row *r;

	r = paths ? pathrows(d, n) : funcrows(d, n);
	if(r == NULL)
		werrstr("compare: out of memory");
	return r;
}

static void
rowname(FILE *out, const Diff *d, const Row *r)
{
	if(r->name != NULL)
		fputs(r->name, out);
	else
		diffpath(out, d, r->path);
}

/* "+N", "-N" or "0": the change from a to b. */
static char *
change(char *buf, size_t n, uint64_t a, uint64_t b)
{
	snprintf(buf, n, "%s%" PRIu64, b > a ? "+" : b < a ? "-" : "", absdiff(a, b));
	return buf;
}

/* The same of times in ns, as ms with 3 decimals. */
static char *
mschange(char *buf, size_t n, uint64_t a, uint64_t b)
{
	snprintf(buf, n, "%s%.3f", b > a ? "+" : b < a ? "-" : "", absdiff(a, b) / 1e6);
	return buf;
}

int
printdiff(FILE *out, const Diff *d, int paths)
{
	char c[32], t[40];
	size_t n, i;
	Row *r;

	if((r = rows(d, paths, &n)) == NULL)
		return -1;
	qsort(r, n, sizeof *r, rowcmp);
	fprintf(out, "%10s %10s %10s %12s %12s %12s  %s\n",
		"calls was", "calls now", "change", "ms was", "ms now", "change", paths ? "path" : "name");
	for(i = 0; i < n; i++){
		fprintf(out, "%10" PRIu64 " %10" PRIu64 " %10s %12.3f %12.3f %12s  ",
			r[i].calls[0], r[i].calls[1], change(c, sizeof c, r[i].calls[0], r[i].calls[1]),
			r[i].time[0] / 1e6, r[i].time[1] / 1e6, mschange(t, sizeof t, r[i].time[0], r[i].time[1]));
		rowname(out, d, &r[i]);
		fputc('\n', out);
	}
	free(r);
	return 0;
}

int
printdifffolded(FILE *out, const Diff *d)
{
	uint32_t i;

	for(i = 1; i < d->npath; i++){
		if(d->path[i].self[0] == 0 && d->path[i].self[1] == 0)
			continue;
		diffpath(out, d, i);
		fprintf(out, " %" PRIu64 " %" PRIu64 "\n", d->path[i].self[0], d->path[i].self[1]);
	}
	return 0;
}

/*
 * Parse a gate's limits, a comma list of: calls (any change of a
 * function's or a path's calls), calls=R (calls more than R times
 * before), time=P (time up more than P per cent), min=MS (changes of
 * time under MS milliseconds never count). 0, or -1 with the error set.
 */
int
gateparse(const char *spec, Gate *g)
{
	const char *p, *e;
	char *end;
	double v;
	size_t n;

	memset(g, 0, sizeof *g);
	g->timepct = -1;
	for(p = spec; *p != '\0'; p = *e == ',' ? e + 1 : e){
		e = p + strcspn(p, ",");
		n = strcspn(p, ",=");
		v = 0;
		if(p[n] == '='){
			v = strtod(p + n + 1, &end);
			if(end != e || end == p + n + 1 || !(v >= 0) || v > 1e15)
				break;
		}
		if(n == 5 && strncmp(p, "calls", 5) == 0 && p[n] != '=')
			g->calls = Gateany;
		else if(n == 5 && strncmp(p, "calls", 5) == 0 && v >= 1){
			g->calls = Gateratio;
			g->ratio = v;
		}else if(n == 4 && strncmp(p, "time", 4) == 0 && p[n] == '=')
			g->timepct = v;
		else if(n == 3 && strncmp(p, "min", 3) == 0 && p[n] == '=')
			g->minns = (uint64_t)(v * 1e6);
		else
			break;
	}
	if(*p != '\0' || *spec == '\0' || (g->calls == Gatenone && g->timepct < 0)){
		werrstr("%s: not calls, calls=RATIO (at least 1), time=PERCENT or min=MS, comma-separated", spec);
		return -1;
	}
	return 0;
}

/* Does r breach g's limit on calls? */
static int
callsbreach(const Gate *g, const Row *r)
{
	if(g->calls == Gateany)
		return r->calls[0] != r->calls[1];
	if(g->calls == Gateratio)
		return (double)r->calls[1] > g->ratio * (double)r->calls[0];
	return 0;
}

/* Does r breach g's limit on time? */
static int
timebreach(const Gate *g, const Row *r)
{
	if(g->timepct < 0 || r->time[1] <= r->time[0] || r->time[1] - r->time[0] < g->minns)
		return 0;
	return (double)r->time[1] > (1 + g->timepct / 100) * (double)r->time[0];
}

/* Print the breaches of rows r (n of them) of d: their number. */
static long
breaches(FILE *out, const Diff *d, const Gate *g, const Row *r, size_t n)
{
	long nb;
	size_t i;

	nb = 0;
	for(i = 0; i < n; i++){
		if(callsbreach(g, &r[i])){
			fprintf(out, "calls: %s ", r[i].name != NULL ? "function" : "path");
			rowname(out, d, &r[i]);
			fprintf(out, ": %" PRIu64 " -> %" PRIu64 "\n", r[i].calls[0], r[i].calls[1]);
			nb++;
		}
		if(timebreach(g, &r[i])){
			fprintf(out, "time: %s ", r[i].name != NULL ? "function" : "path");
			rowname(out, d, &r[i]);
			fprintf(out, ": %.3f -> %.3f ms\n", r[i].time[0] / 1e6, r[i].time[1] / 1e6);
			nb++;
		}
	}
	return nb;
}

long
diffgate(FILE *out, const Diff *d, const Gate *g)
{
	long nb, k;
	size_t n;
	Row *r;
	int paths;

	nb = 0;
	for(paths = 0; paths < 2; paths++){
		if((r = rows(d, paths, &n)) == NULL)
			return -1;
		qsort(r, n, sizeof *r, rowcmp);
		k = breaches(out, d, g, r, n);
		free(r);
		nb += k;
	}
	return nb;
}
