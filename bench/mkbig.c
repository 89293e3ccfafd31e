/*
 * mkbig: a prof.<pid> file of n call-tree nodes for bench/bigprof.sh.
 *	mkbig binary n [seed [depth]] < addresses > prof.big
 * The addresses (hex, one per line: nm's text symbols of binary) are the
 * routines; node i > 0 is a child of a node among the 1000 before it, so
 * the tree is both wide and deep (about n/500 levels). One thread; every
 * node 1 call and 1 ms, the root the sum. Another seed (a number) draws
 * another tree, for comparing two (bench/bigprof.sh). With depth, paths
 * are at most depth calls deep, as real programs' are: a node drawn too
 * deep passes the child to its ancestor at depth-1, one with a child of
 * every routine to the newest node's nearest ancestor with room; and
 * siblings are distinct routines, else prof would merge them into one
 * path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proffile.h"

static unsigned long long seed = 88172645463325252ull;

static unsigned long long
rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

/* The parent for node i drawn as p: p, or an ancestor, not at depth nor with naddr children. */
static size_t
room(size_t p, size_t i, size_t depth, size_t naddr, const uint32_t *up, const uint32_t *dep, const uint32_t *nkid)
{
	while(dep[p] >= depth)
		p = up[p];
	if(nkid[p] < naddr)
		return p;
	for(p = i - 1; p > 0 && (dep[p] >= depth || nkid[p] >= naddr); p = up[p])
		;
	return p;
}

int
main(int argc, char *argv[])
{
	unsigned long long *addr, a;
	size_t naddr, cap, n, i, p, len, depth;
	uint32_t *up, *dep, *nkid, *kidbase;
	Pfnode *node;
	Pfhdr h;
	Pfmod m;
	Pfthr t;
	static const char zero[8];

	if(argc < 3 || argc > 5 || (n = strtoul(argv[2], NULL, 10)) < 1 || n > 0xFFFFFFF0u){
		fprintf(stderr, "usage: mkbig binary nodes [seed [depth]] < addresses\n");
		return 2;
	}
	if(argc >= 4)
		seed += strtoull(argv[3], NULL, 10);
	depth = argc > 4 ? strtoul(argv[4], NULL, 10) : 0;
	addr = NULL;
	naddr = cap = 0;
	while(scanf("%llx", &a) == 1){
		if(naddr == cap && (addr = realloc(addr, (cap = cap ? 2 * cap : 1024) * sizeof *addr)) == NULL)
			return 1;
		addr[naddr++] = a;
	}
	node = calloc(n, sizeof *node);
	up = calloc(n, sizeof *up);
	dep = calloc(n, sizeof *dep);
	nkid = calloc(n, sizeof *nkid);
	kidbase = calloc(n, sizeof *kidbase);
	if(naddr == 0 || node == NULL || up == NULL || dep == NULL || nkid == NULL || kidbase == NULL){
		fprintf(stderr, "mkbig: no addresses, or no memory\n");
		return 1;
	}
	node[0].down = node[0].right = Pfnolink;
	node[0].mod = 0;
	node[0].time = n - 1;
	for(i = 1; i < n; i++){
		p = i - 1 - rnd() % (i < 1000 ? i : 1000);
		if(depth > 0 && (p = room(p, i, depth, naddr, up, dep, nkid)) == 0 && nkid[0] >= naddr){
			fprintf(stderr, "mkbig: no room for node %zu\n", i);
			return 1;
		}
		up[i] = (uint32_t)p;
		dep[i] = dep[p] + 1;
		if(depth > 0)
			kidbase[i] = (uint32_t)rnd();
		node[i].down = Pfnolink;
		node[i].right = node[p].down;
		node[p].down = (uint32_t)i;
		node[i].mod = 0;
		if(depth > 0)
			node[i].off = addr[(kidbase[p] + nkid[p]++) % naddr];
		else
			node[i].off = addr[rnd() % naddr];
		node[i].count = 1;
		node[i].time = 1;
	}
	/* inclusive times: children come after their parents */
	for(i = n - 1; i > 0; i--)
		for(p = node[i].down; p != Pfnolink; p = node[p].right)
			node[i].time += node[p].time;
	len = strlen(argv[1]);
	memset(&h, 0, sizeof h);
	memcpy(h.magic, PFMAGIC, 8);
	h.version = Pfversion;
	h.proftype = Pfuser;
	h.mechanism = Mthreadcpu;
	h.profsize = (uint32_t)n;
	h.unitns = 1000000;
	h.nmod = 1;
	h.nthread = 1;
	h.nnode = (uint32_t)n;
	h.exemod = 0;
	m.bias = 0;
	m.pathlen = (uint32_t)len;
	m.idlen = 0;
	t.tid = 1;
	t.root = 0;
	fwrite(&h, sizeof h, 1, stdout);
	fwrite(&m, sizeof m, 1, stdout);
	fwrite(argv[1], 1, len, stdout);
	fwrite(zero, 1, (8 - len % 8) % 8, stdout);
	fwrite(&t, sizeof t, 1, stdout);
	fwrite(node, sizeof *node, n, stdout);
	free(node);
	free(up);
	free(dep);
	free(nkid);
	free(kidbase);
	free(addr);
	return fflush(stdout) != 0;
}
