/*
 * A profile by names: its call paths as paths of function names, times
 * in nanoseconds. Profiles of two builds of a program compare this way
 * (their addresses do not), and so does a profile saved by names
 * (prof -N), which needs no binary to be read again: the baseline a CI
 * job keeps beside its sources.
 *
 * The saved form, text: a first line "prof names 1 UNIT", then one line
 * a call path, parents before children, "calls self-ns name;name;...",
 * the names as prof -F writes them.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "profile/profile.h"

#define NAMESMAGIC "prof names 1"

/* One more node of t, zeroed but for its parent and name; NULL if out of memory. */
static Nnode *
ntreeadd(Ntree *t, uint32_t parent, const char *name)
{
	Nnode *n;
	size_t cap;

	if(t->nnode == t->cap){
		cap = t->cap ? 2 * t->cap : 1024;
		if(cap > UINT32_MAX || (n = realloc(t->node, cap * sizeof *n)) == NULL)
			return NULL;
		t->node = n;
		t->cap = cap;
	}
	n = &t->node[t->nnode++];
	memset(n, 0, sizeof *n);
	n->parent = parent;
	n->name = name;
	n->depth = parent == Pnone ? 0 : t->node[parent].depth + 1;	/* the root's depth is 0 */
	return n;
}

static Ntree *
ntreenew(void)
{
	Ntree *t;

	if((t = calloc(1, sizeof *t)) == NULL || ntreeadd(t, Pnone, "") == NULL){
		ntreefree(t);
		return NULL;
	}
	return t;
}

void
ntreefree(Ntree *t)
{
	if(t == NULL)
		return;
	namesfree(&t->names);
	free(t->node);
	free(t->ofprof);
	free(t);
}

/* The name of pc as the reports give it; in t's storage if made here. NULL if out of memory. */
static const char *
pcname(Ntree *t, const Space *s, uint64_t pc)
{
	char buf[32];
	const char *n;
	long id;

	id = spacefind(s, pc);
	if(id >= 0)
		return spacesym(s, id)->name;
	n = spacename(s, pc, buf, sizeof buf);
	return namesave(&t->names, n, strlen(n));
}

/* Time t of p in ns: its units, or cycles of a counter of p->hz Hz (9front's). */
static uint64_t
nsof(const Prof *p, uint64_t t)
{
	if(p->hz != 0)
		return (uint64_t)((unsigned __int128)t * 1000000000u / p->hz);
	return t * p->unitns;
}

/* Add p's node i (under t's node up) and its subtree, depth first; -1 if out of memory. */
static int
ntreeaddsub(Ntree *t, const Prof *p, const Space *s, uint32_t i, uint32_t up, uint32_t *stack, uint32_t *ups)
{
	uint32_t sp, c, k;
	const char *name;
	Nnode *n;

	sp = 0;
	stack[sp] = i;
	ups[sp++] = up;
	while(sp > 0){
		sp--;
		i = stack[sp];
		up = ups[sp];
		if((name = pcname(t, s, p->node[i].pc)) == NULL || (n = ntreeadd(t, up, name)) == NULL)
			return -1;
		k = t->nnode - 1;
		n->calls = p->node[i].count;
		n->self = nsof(p, profself(p, i));
		n->time = nsof(p, p->node[i].time & p->mask);
		t->ofprof[i] = k;
		for(c = p->node[i].down; c != Pnone; c = p->node[c].right){
			stack[sp] = c;
			ups[sp++] = k;
		}
	}
	return 0;
}

Ntree *
ntreeof(const Prof *p, const Space *s)
{
	uint32_t *stack, *ups, c;
	Ntree *t;
	int r;

	t = ntreenew();
	stack = malloc(p->nnode * sizeof *stack);
	ups = malloc(p->nnode * sizeof *ups);
	if(t == NULL || stack == NULL || ups == NULL || (t->ofprof = malloc(p->nnode * sizeof *t->ofprof)) == NULL){
		free(stack);
		free(ups);
		ntreefree(t);
		werrstr("profile by names: out of memory");
		return NULL;
	}
	t->ofprof[0] = 0;
	t->node[0].time = nsof(p, p->node[0].time & p->mask);
	t->unitns = p->hz != 0 ? (p->hz < 1000000000u ? 1000000000u / p->hz : 1) : p->unitns;
	r = 0;
	for(c = p->node[0].down; c != Pnone && r == 0; c = p->node[c].right)
		r = ntreeaddsub(t, p, s, c, 0, stack, ups);
	free(stack);
	free(ups);
	if(r < 0){
		ntreefree(t);
		werrstr("profile by names: out of memory");
		return NULL;
	}
	return t;
}

/* A name as saved: its control characters (which no line could hold) as '?'. */
static void
putname(FILE *out, const char *s)
{
	for(; *s != '\0'; s++)
		fputc((unsigned char)*s < ' ' ? '?' : *s, out);
}

/* Write node i's path of names, "a;b;c". */
void
ntreepath(FILE *out, const Ntree *t, uint32_t i)
{
	uint32_t buf[64], *chain, n, k;

	n = t->node[i].depth + 1;
	chain = n <= 64 ? buf : malloc(n * sizeof *chain);
	if(chain == NULL){
		fputs("?", out);	/* out of memory: the path unsaid */
		return;
	}
	for(k = n; k > 0; i = t->node[i].parent)
		chain[--k] = i;
	for(k = 1; k < n; k++){
		if(k > 1)
			fputc(';', out);
		putname(out, t->node[chain[k]].name);
	}
	if(chain != buf)
		free(chain);
}

int
printnames(FILE *out, const Ntree *t)
{
	uint32_t i;

	fprintf(out, NAMESMAGIC " %" PRIu64 "\n", t->unitns);
	for(i = 1; i < t->nnode; i++){
		fprintf(out, "%" PRIu64 " %" PRIu64 " ", t->node[i].calls, t->node[i].self);
		ntreepath(out, t, i);
		fputc('\n', out);
	}
	return 0;
}

int
isnames(const unsigned char *buf, size_t n)
{
	return n >= sizeof NAMESMAGIC - 1 && memcmp(buf, NAMESMAGIC, sizeof NAMESMAGIC - 1) == 0;
}

/* The next field of line l (up to a space, or the end if last), advanced past it. */
static const char *
field(const char **l, const char *end, int last, size_t *n)
{
	const char *b, *e;

	b = *l;
	e = b;
	while(e < end && (last || *e != ' '))
		e++;
	*n = e - b;
	*l = e < end ? e + 1 : e;
	return b;
}

static int
number(const char *b, size_t n, uint64_t *v)
{
	size_t i;

	*v = 0;
	for(i = 0; i < n; i++){
		if(b[i] < '0' || b[i] > '9' || *v > (UINT64_MAX - 9) / 10)
			return -1;
		*v = 10 * *v + (uint64_t)(b[i] - '0');
	}
	return n > 0 ? 0 : -1;
}

/* Is node i's path of names the n bytes at p ("a;b")? */
static int
pathis(const Ntree *t, uint32_t i, const char *p, size_t n)
{
	const char *name;
	size_t k;

	for(; i != 0; i = t->node[i].parent){
		name = t->node[i].name;
		k = strlen(name);
		if(k > n || memcmp(p + n - k, name, k) != 0)
			return 0;
		n -= k;
		if(t->node[i].parent != 0){
			if(n == 0 || p[n - 1] != ';')
				return 0;
			n--;
		}
	}
	return n == 0;
}

/*
 * Add the path p (n bytes, "a;b;c") to t: its parent is on the path of
 * the node added last (lines come parents first). -1 if it is not there,
 * or out of memory.
 */
static int
namesline(Ntree *t, const char *p, size_t n, uint64_t calls, uint64_t self)
{
	const char *last;
	uint32_t depth, up;
	size_t i;
	Nnode *nd;

	depth = 1;
	last = p;
	for(i = 0; i < n; i++)
		if(p[i] == ';'){
			depth++;
			last = p + i + 1;
		}else if((unsigned char)p[i] < ' ')
			return -1;	/* no name has a control character (printnames writes ?) */
	up = t->nnode - 1;
	if(t->node[up].depth < depth - 1)
		return -1;
	while(t->node[up].depth > depth - 1)
		up = t->node[up].parent;
	if(last == p + n || !pathis(t, up, p, last == p ? 0 : (size_t)(last - 1 - p)))
		return -1;
	if((nd = ntreeadd(t, up, namesave(&t->names, last, p + n - last))) == NULL || nd->name == NULL)
		return -1;
	nd->calls = calls;
	nd->self = self;
	return 0;
}

/* Inclusive times: each node's self time and its descendants' (parents come first). */
static void
ntreetimes(Ntree *t)
{
	uint32_t i;

	for(i = 0; i < t->nnode; i++)
		t->node[i].time = t->node[i].self;
	for(i = t->nnode - 1; i > 0; i--)
		t->node[t->node[i].parent].time += t->node[i].time;
}

Ntree *
ntreeread(const unsigned char *buf, size_t n, const char *name)
{
	const char *l, *e, *le, *end, *f;
	uint64_t calls = 0, self = 0, unit;
	size_t k, line;
	Ntree *t;
	int bad;

	if((t = ntreenew()) == NULL){
		werrstr("%s: out of memory", name);
		return NULL;
	}
	end = (const char *)buf + n;
	l = (const char *)buf + sizeof NAMESMAGIC - 1;
	e = memchr(l, '\n', end - l);
	le = e != NULL && e > l && e[-1] == '\r' ? e - 1 : e;
	if(e == NULL || *l != ' ' || number(l + 1, le - l - 1, &unit) < 0 || unit == 0){
		werrstr("%s: line 1: not \"" NAMESMAGIC " UNIT\"", name);
		ntreefree(t);
		return NULL;
	}
	t->unitns = unit;
	bad = 0;
	for(line = 2, l = e + 1; l < end && !bad; line++, l = e + 1){
		if((e = memchr(l, '\n', end - l)) == NULL)
			e = end;
		le = e > l && e[-1] == '\r' ? e - 1 : e;	/* CRLF too */
		f = field(&l, le, 0, &k);
		bad = number(f, k, &calls) < 0;
		f = field(&l, le, 0, &k);
		bad = bad || number(f, k, &self) < 0;
		f = field(&l, le, 1, &k);
		bad = bad || namesline(t, f, k, calls, self) < 0;
	}
	if(bad){
		line--;
		werrstr("%s: line %zu: not \"calls self-ns path\" under a path before it", name, line);
		ntreefree(t);
		return NULL;
	}
	ntreetimes(t);
	return t;
}
