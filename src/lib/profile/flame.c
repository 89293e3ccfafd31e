/*
 * prof -S: the call tree as a flame graph, a self-contained SVG (no
 * fonts, styles or scripts fetched). Each call path is a frame as wide
 * as its inclusive time, standing on its caller (root at the bottom, as
 * Gregg's flame graphs); siblings first called leftmost. Recursion shows
 * as raw paths, as -F. A frame's <title> is its tooltip. The picture is
 * whole without script; the script embedded (flamejs.c) zooms, searches
 * and shows details. With a baseline, frames are coloured by the change
 * of their self time as flamegraph.pl colours a differential graph.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "profile/profile.h"
#include "proffile.h"

enum
{
	Width = 1200,	/* of the picture, px */
	Pad = 10,	/* left and right margins */
	Top = 44,	/* above the frames: the title */
	Bottom = 10,
	Status = 20,	/* below the frames: the script's status line */
	Fh = 16,	/* frame height */
	Fs = 12,	/* font size */
};

#define Cw	7.3	/* width of a character of the monospace font at Fs, about */
#define Minw	0.1	/* narrower frames (and what stands on them) are not drawn */

typedef struct Frame Frame;
struct Frame
{
	double x, w;
	uint32_t depth;
};

/* What the times measured: "proftype user", as $proftype is set; into buf. */
static const char *
measure(const Prof *p, char *buf, size_t n)
{
	if(p->format == Pclassic)
		return "Plan 9 prof.out";
	if(p->format == P9front)
		return "9front prof.out";
	snprintf(buf, n, "proftype %s", proftypename(p->proftype));
	return buf;
}

/* A time of p in ns (9front's are cycles). */
static uint64_t
nsof(const Prof *p, uint64_t t)
{
	double ns;

	t &= p->mask;
	if(p->format != P9front)
		return t * p->unitns;
	ns = (double)t * 1e9 / p->hz;
	return ns < 0x1p64 ? (uint64_t)ns : UINT64_MAX;
}

/* s, at most n bytes of it, as XML character data; bytes XML 1.0 or ASCII lacks become '?'. */
static void
xmlput(FILE *out, const char *s, size_t n)
{
	size_t i;

	for(i = 0; i < n && s[i] != '\0'; i++)
		switch(s[i]){
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		default:
			fputc((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7F ? '?' : s[i], out);
		}
}

/* ns in a unit that keeps it short: "12.3 ms". */
static char *
fmttime(char *buf, size_t n, uint64_t ns)
{
	if(ns < 1000)
		snprintf(buf, n, "%" PRIu64 " ns", ns);
	else if(ns < 1000000)
		snprintf(buf, n, "%.1f us", ns / 1e3);
	else if(ns < 1000000000)
		snprintf(buf, n, "%.1f ms", ns / 1e6);
	else
		snprintf(buf, n, "%.2f s", ns / 1e9);
	return buf;
}

/* Gregg's "hot" palette, picked by a hash of the name: the same name, the same colour. */
static void
colour(const char *name, int *r, int *g, int *b)
{
	uint32_t h;

	h = 2166136261u;
	for(; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	*r = 205 + (int)(h % 51);
	*g = (int)((h >> 8) % 231);
	*b = (int)((h >> 16) % 56);
}

/*
 * Place the frames: f[i] for node i, x and w in px; w is 0 for nodes not
 * drawn. Children share their parent's width in proportion to their
 * times, scaled down if their sum (mod mask) exceeds it. Returns the
 * greatest depth drawn.
 */
static uint32_t
layout(const Prof *p, Frame *f, uint32_t *stack)
{
	uint32_t sp, i, c, maxd;
	uint64_t sum;
	double scale, right;

	for(i = 0; i < p->nnode; i++)
		f[i].w = 0;
	f[0].x = Pad;
	f[0].w = Width - 2 * Pad;
	f[0].depth = 0;
	maxd = 0;
	sp = 0;
	stack[sp++] = 0;
	while(sp > 0){
		i = stack[--sp];
		if(f[i].depth > maxd)
			maxd = f[i].depth;
		sum = 0;
		for(c = p->node[i].down; c != Pnone; c = p->node[c].right)
			sum += p->node[c].time & p->mask;
		if(sum == 0)
			continue;
		scale = f[i].w / (double)((p->node[i].time & p->mask) > sum ? (p->node[i].time & p->mask) : sum);
		/* chained newest first: lay them out from the right edge of their run */
		right = f[i].x + sum * scale;
		for(c = p->node[i].down; c != Pnone; c = p->node[c].right){
			f[c].w = (p->node[c].time & p->mask) * scale;
			f[c].x = right - f[c].w;
			f[c].depth = f[i].depth + 1;
			right = f[c].x;
			if(f[c].w >= Minw)
				stack[sp++] = c;
			else
				f[c].w = 0;
		}
	}
	return maxd;
}

/*
 * flamegraph.pl's differential colours: d, a change of self time, on a
 * scale of max > 0 (a greater |d| taken as max): white if none, else red
 * (grew) or blue (shrank), from a pale 210 in the other channels down to
 * 0 at max.
 */
static void
diffcolour(int64_t d, uint64_t max, int *r, int *g, int *b)
{
	uint64_t a;
	int v;

	a = d < 0 ? 0 - (uint64_t)d : (uint64_t)d;
	if(a > max)
		a = max;
	v = (int)(210.0 * (double)(max - a) / (double)max);
	*r = *g = *b = 255;
	if(d > 0)
		*g = *b = v;
	else if(d < 0)
		*r = *g = v;
}

/* The tooltip's end with a baseline: "; self 12.3 ms, was 4.5 ms". */
static void
diffnote(FILE *out, uint64_t self, uint64_t was)
{
	char tb[32], wb[32];

	fprintf(out, "; self %s, was %s", fmttime(tb, sizeof tb, self), fmttime(wb, sizeof wb, was));
}

/* One frame: tooltip, box and, if it fits, its name (cut short with ".." if need be). */
static void
frame(FILE *out, const Prof *p, uint32_t i, const Frame *f, double y, const char *name, uint64_t total,
	const Flamebase *base)
{
	char tb[32];
	uint64_t t, self;
	size_t n, fit;
	int r, g, b;

	t = nsof(p, p->node[i].time);
	self = nsof(p, profself(p, i));
	fputs("<g><title>", out);
	xmlput(out, name, strlen(name));
	fprintf(out, ": %s, %.1f%%", fmttime(tb, sizeof tb, t), total > 0 ? 100.0 * t / total : 0.0);
	if(i != 0 && p->proftype == Pfstacks)	/* times are in sampling periods */
		fprintf(out, ", %" PRIu64 " sample%s", p->node[i].time, p->node[i].time == 1 ? "" : "s");
	else if(i != 0)
		fprintf(out, ", %" PRIu64 " call%s", p->node[i].count & p->mask,
			(p->node[i].count & p->mask) == 1 ? "" : "s");
	if(base != NULL)
		diffnote(out, self, base->self[i]);
	fputs("</title>", out);
	if(base != NULL)
		diffcolour((int64_t)(self - base->self[i]), base->maxdelta > 0 ? base->maxdelta : 1, &r, &g, &b);
	else
		colour(name, &r, &g, &b);
	fprintf(out, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%d\" fill=\"rgb(%d,%d,%d)\" rx=\"2\"/>",
		f->x, y, f->w, Fh - 1, r, g, b);
	n = strlen(name);
	fit = f->w > 6 ? (size_t)((f->w - 6) / Cw) : 0;
	if(fit >= 3){
		fprintf(out, "<text x=\"%.2f\" y=\"%.1f\">", f->x + 3, y + Fh - 4.5);
		if(n <= fit)
			xmlput(out, name, n);
		else{
			xmlput(out, name, fit - 2);
			fputs("..", out);
		}
		fputs("</text>", out);
	}
	fputs("</g>\n", out);
}

int
flamebase(Flamebase *fb, const Prof *p, const Ntree *t, const Diff *d)
{
	const Dpath *dp;
	uint64_t max, c;
	uint32_t i;

	if((fb->self = malloc(p->nnode * sizeof *fb->self)) == NULL){
		werrstr("differential flame graph: out of memory");
		return -1;
	}
	for(i = 0; i < p->nnode; i++)
		fb->self[i] = d->path[d->of[1][t->ofprof[i]]].self[0];
	/* the root (all) is no path: neutral */
	fb->self[0] = nsof(p, profself(p, 0));
	/* the scale: the greatest change of any path, those of one side only too */
	max = 0;
	for(i = 1; i < d->npath; i++){
		dp = &d->path[i];
		c = dp->self[1] > dp->self[0] ? dp->self[1] - dp->self[0] : dp->self[0] - dp->self[1];
		if(c > max)
			max = c;
	}
	fb->maxdelta = max;
	return 0;
}

/* The script, and the constants of the picture it reads (see flamejs.c). */
static void
script(FILE *out, int h)
{
	fputs("<script type=\"text/ecmascript\"><![CDATA[\n", out);
	fprintf(out, "var P = {width: %d, height: %d, pad: %d, fh: %d, cw: %.1f};\n", Width, h, Pad, Fh, Cw);
	fputs(flamescript, out);
	fputs("]]></script>\n", out);
}

int
printflame(FILE *out, const Prof *p, const Space *s, const char *cmd, const Flamebase *base)
{
	uint32_t *stack, maxd, i, c, sp;
	uint64_t total;
	Frame *f;
	double y0;
	int h;
	char buf[32], tb[32], mb[32];

	f = malloc(p->nnode * sizeof *f);
	stack = malloc(p->nnode * sizeof *stack);
	if(f == NULL || stack == NULL){
		free(f);
		free(stack);
		werrstr("flame graph: out of memory");
		return -1;
	}
	maxd = layout(p, f, stack);
	h = Top + (int)(maxd + 1) * Fh + Bottom + Status;
	total = nsof(p, p->node[0].time);
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n",
		Width, h, Width, h);
	fprintf(out, "<style>text { font-family: monospace; font-size: %dpx; fill: #000; pointer-events: none; }\n"
		"rect:hover { stroke: #000; stroke-width: 0.5; }</style>\n", Fs);
	fprintf(out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#f8f8f0\"/>\n", Width, h);
	fprintf(out, "<text x=\"%d\" y=\"24\" style=\"font-size: %dpx\">", Pad, Fs + 4);
	xmlput(out, cmd != NULL ? cmd : "profile", strlen(cmd != NULL ? cmd : "profile"));
	fprintf(out, ": %s, total %s", measure(p, mb, sizeof mb), fmttime(tb, sizeof tb, total));
	if(base != NULL){
		fputs("; self time against ", out);
		xmlput(out, base->name != NULL ? base->name : "the baseline", SIZE_MAX);
		fputs(": red grew, blue shrank", out);
	}
	fputs("</text>\n", out);
	/* depth first from the root, so a frame follows the one it stands on */
	y0 = Top + (double)maxd * Fh;
	sp = 0;
	stack[sp++] = 0;
	while(sp > 0){
		i = stack[--sp];
		frame(out, p, i, &f[i], y0 - (double)f[i].depth * Fh, i == 0 ? "all" : spacename(s, p->node[i].pc, buf, sizeof buf), total, base);
		for(c = p->node[i].down; c != Pnone; c = p->node[c].right)
			if(f[c].w > 0)
				stack[sp++] = c;
	}
	script(out, h);
	fputs("</svg>\n", out);
	free(f);
	free(stack);
	return 0;
}
