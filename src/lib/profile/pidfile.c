/* Our prof.<pid> format (include/proffile.h, prof(5)): checked parse. */
#include <stdlib.h>
#include <string.h>

#include "proffile.h"
#include "profile/profile.h"

enum
{
	Hdrsize = 56,
	Modsize = 16,
	Thrsize = 8,
	Nodesize = 40,
	Maxmods = 65536,
	Maxpath = 4096,
	Maxidlen = 64,
};

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t
le64(const unsigned char *p)
{
	return le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* The module table at *off; 0, or -1 if it does not fit in n bytes. */
static int
readmods(Prof *p, const unsigned char *buf, size_t n, size_t *off, const char *name)
{
	const unsigned char *m;
	uint32_t i, plen, ilen;
	size_t len;

	/* a module takes 24 bytes at least: a count the file cannot hold is not believed */
	if(p->nmod > (n - *off) / (Modsize + 8)){
		werrstr("%s: %u modules: truncated or corrupt", name, p->nmod);
		return -1;
	}
	p->mod = calloc(p->nmod ? p->nmod : 1, sizeof *p->mod);
	if(p->mod == NULL){
		werrstr("%s: out of memory", name);
		return -1;
	}
	for(i = 0; i < p->nmod; i++){
		if(n - *off < Modsize)
			goto bad;
		m = buf + *off;
		plen = le32(m + 8);
		ilen = le32(m + 12);
		if(plen == 0 || plen > Maxpath || ilen > Maxidlen)
			goto bad;
		len = Modsize + plen + ilen;
		len += (8 - (plen + ilen) % 8) % 8;
		if(n - *off < len)
			goto bad;
		p->mod[i].bias = le64(m);
		p->mod[i].path = malloc(plen + 1);
		if(p->mod[i].path == NULL){
			werrstr("%s: out of memory", name);
			return -1;
		}
		memcpy(p->mod[i].path, m + Modsize, plen);
		p->mod[i].path[plen] = '\0';
		memcpy(p->mod[i].buildid, m + Modsize + plen, ilen);
		p->mod[i].idlen = ilen;
		*off += len;
	}
	return 0;
bad:
	werrstr("%s: module %u: truncated or corrupt", name, i);
	return -1;
}

static int
readheader(Prof *p, const unsigned char *buf, size_t n, const char *name)
{
	if(n < Hdrsize){
		werrstr("%s: truncated header", name);
		return -1;
	}
	if(le32(buf + 8) != Pfversion){
		werrstr("%s: format version %u, this prof reads %d", name, le32(buf + 8), Pfversion);
		return -1;
	}
	p->proftype = le32(buf + 12);
	p->mechanism = le32(buf + 16);
	p->profsize = le32(buf + 20);
	p->unitns = le64(buf + 24);
	p->lost = le64(buf + 32);
	p->nmod = le32(buf + 40);
	p->nthread = le32(buf + 44);
	p->exemod = le32(buf + 52);
	if(p->unitns == 0 || p->unitns > 1000000000 || p->nmod > Maxmods
	|| (p->exemod != Pfnomod && p->exemod >= p->nmod)){
		werrstr("%s: corrupt header", name);
		return -1;
	}
	return 0;
}

/* File link l as an index of the nodes shifted by one; past the end stays past it. */
static uint32_t
linkof(uint32_t l, uint32_t nnode)
{
	if(l == Pfnolink)
		return Pnone;
	return l >= nnode ? nnode + 1 : l + 1;
}

/*
 * Nodes, with a node 0 added whose children are the thread roots;
 * checked, then the threads merged.
 */
static Prof *
readnodes(Prof *hdr, const unsigned char *buf, size_t n, size_t off, uint32_t nnode, const char *name)
{
	const unsigned char *r, *th;
	uint32_t i, mod, root, prev;
	Pnode *raw;
	Prof *p;

	if(nnode >= Pnone - 1 || hdr->nthread > nnode
	|| (n - off) / Nodesize < nnode || n - off != (size_t)hdr->nthread * Thrsize + (size_t)nnode * Nodesize){
		werrstr("%s: size does not match its %u threads and %u nodes: truncated or corrupt", name, hdr->nthread, nnode);
		return NULL;
	}
	raw = malloc(((size_t)nnode + 1) * sizeof *raw);
	if(raw == NULL){
		werrstr("%s: out of memory", name);
		return NULL;
	}
	th = buf + off;
	r = th + (size_t)hdr->nthread * Thrsize;
	for(i = 0; i < nnode; i++, r += Nodesize){
		raw[i + 1].down = linkof(le32(r), nnode);
		raw[i + 1].right = linkof(le32(r + 4), nnode);
		mod = le32(r + 8);
		if(mod != Pfnomod && mod >= hdr->nmod){
			free(raw);
			werrstr("%s: node %u: module %u out of range", name, i, mod);
			return NULL;
		}
		raw[i + 1].pc = le64(r + 16) + (mod == Pfnomod ? 0 : hdr->mod[mod].bias);
		if(mod != Pfnomod)
			hdr->mod[mod].used = 1;
		raw[i + 1].count = le64(r + 24);
		raw[i + 1].time = le64(r + 32);
	}
	/* thread roots, chained as the children of the new node 0 */
	memset(&raw[0], 0, sizeof raw[0]);
	raw[0].down = raw[0].right = Pnone;
	prev = 0;
	for(i = 0; i < hdr->nthread; i++){
		root = le32(th + (size_t)i * Thrsize + 4);
		if(root >= nnode){
			free(raw);
			werrstr("%s: thread %u: root %u out of range", name, i, root);
			return NULL;
		}
		raw[root + 1].right = Pnone;
		if(prev == 0)
			raw[0].down = root + 1;
		else
			raw[prev].right = root + 1;
		prev = root + 1;
	}
	p = profcheck(raw, nnode + 1, UINT64_MAX, hdr->unitns, 1, name);
	free(raw);
	return p == NULL ? NULL : profmergeroots(p, name);
}

/*
 * Place the modules of hdr that base also has where base has them, so
 * the two profiles' pcs can be merged. 0, or -1 if the executables are
 * two builds.
 */
static int
rebase(Prof *hdr, const Prof *base, const char *name)
{
	const Pmod *a, *b;
	uint32_t i, j;

	if(hdr->exemod != Pfnomod && base->exemod != Pnone){
		a = &base->mod[base->exemod];
		b = &hdr->mod[hdr->exemod];
		if(a->idlen > 0 && b->idlen > 0 && (a->idlen != b->idlen || memcmp(a->buildid, b->buildid, a->idlen) != 0)){
			werrstr("%s: profiles another build of the program (%s: build-id differs)", name, b->path);
			return -1;
		}
	}
	for(i = 0; i < hdr->nmod; i++){
		j = modmatch(base, &hdr->mod[i], i == hdr->exemod);
		if(j != Pnone)
			hdr->mod[i].bias = base->mod[j].bias;
	}
	return 0;
}

Prof *
pidparse(const unsigned char *buf, size_t n, const char *name)
{
	return pidparsefor(buf, n, NULL, name);
}

Prof *
pidparsefor(const unsigned char *buf, size_t n, const Prof *base, const char *name)
{
	Prof hdr, *p;
	size_t off;
	uint32_t i;

	memset(&hdr, 0, sizeof hdr);
	p = NULL;
	if(readheader(&hdr, buf, n, name) < 0)
		return NULL;
	off = Hdrsize;
	if(readmods(&hdr, buf, n, &off, name) < 0)
		goto out;
	if(base != NULL && base->format == Ppid && rebase(&hdr, base, name) < 0)
		goto out;
	p = readnodes(&hdr, buf, n, off, le32(buf + 48), name);
	if(p == NULL)
		goto out;
	p->format = Ppid;
	p->mod = hdr.mod;
	p->nmod = hdr.nmod;
	p->exemod = hdr.exemod == Pfnomod ? Pnone : hdr.exemod;
	p->proftype = hdr.proftype;
	p->mechanism = hdr.mechanism;
	p->profsize = hdr.profsize;
	p->lost = hdr.lost;
	p->nthread = hdr.nthread;
	return p;
out:
	for(i = 0; hdr.mod != NULL && i < hdr.nmod; i++)
		free(hdr.mod[i].path);
	free(hdr.mod);
	return NULL;
}
