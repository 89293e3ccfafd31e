/*
 * The module table written with the profile: the executable and the
 * shared objects loaded when it is written (dl_iterate_phdr), and those
 * dlclose unloaded before, as they were, so that prof still names their
 * routines. Where objects were unloaded from the same addresses, the
 * last one unloaded is kept.
 */
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <link.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "proffile.h"
#include "mods.h"
#include "rt.h"
#include "tree.h"

enum { Maxgone = 256 };

/* libc's, in a fully static program, where dlsym cannot find it */
extern int __dlclose(void *) __attribute__((weak));

static Mod gone[Maxgone];	/* objects dlclose unloaded, under thrlock */
static uint32_t ngone;

/* The GNU build-id among a module's notes, if any. */
static void
buildid(Mod *m, const struct dl_phdr_info *info)
{
	const ElfW(Phdr) *ph;
	const unsigned char *p, *end;
	const ElfW(Nhdr) *nh;
	int i;

	for(i = 0; i < info->dlpi_phnum; i++){
		ph = &info->dlpi_phdr[i];
		if(ph->p_type != PT_NOTE)
			continue;
		p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
		end = p + ph->p_memsz;
		while(p + sizeof *nh <= end){
			nh = (const ElfW(Nhdr) *)p;
			p += sizeof *nh + ((nh->n_namesz + 3) & ~3u);
			if(nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 && nh->n_descsz <= Maxid
			&& memcmp(nh + 1, "GNU", 4) == 0 && p + nh->n_descsz <= end){
				memcpy(m->id, p, nh->n_descsz);
				m->idlen = nh->n_descsz;
				return;
			}
			p += (nh->n_descsz + 3) & ~3u;
		}
	}
}

/*
 * The path of the file mapped at address a, from /proc/self/maps: the
 * loader's name of a module may be relative (LD_LIBRARY_PATH=.,
 * dlopen("./x.so")), and prof may run elsewhere. NULL if unknown.
 */
static char *
mappedpath(uint64_t a)
{
	char line[PATH_MAX + 256], *p, *path;
	unsigned long lo, hi;
	size_t n;
	FILE *f;

	f = fopen("/proc/self/maps", "re");
	if(f == NULL)
		return NULL;
	path = NULL;
	while(fgets(line, sizeof line, f) != NULL){
		if(sscanf(line, "%lx-%lx", &lo, &hi) != 2 || a < lo || a >= hi)
			continue;
		p = strchr(line, '/');
		if(p != NULL){
			n = strcspn(p, "\n");
			if(n > 10 && memcmp(p + n - 10, " (deleted)", 10) == 0)
				n -= 10;	/* replaced since: prof checks the build-id */
			p[n] = '\0';
			path = strdup(p);
		}
		break;
	}
	fclose(f);
	return path;
}

/* A module's path, absolute if it can be found; NULL for the vdso. */
static char *
modpath(const char *name, int exe, uint64_t lo)
{
	char buf[PATH_MAX];
	const char *s;
	char *p;
	ssize_t r;

	if(name != NULL && name[0] == '/')
		return strdup(name);
	if(name == NULL || name[0] == '\0'){
		if(!exe)
			return NULL;
		r = readlink("/proc/self/exe", buf, sizeof buf - 1);
		if(r > 0){
			buf[r] = '\0';
			return strdup(buf);
		}
	}
	p = mappedpath(lo);
	if(p != NULL)
		return p;
	s = exe ? (const char *)getauxval(AT_EXECFN) : name;
	return s != NULL ? strdup(s) : NULL;
}

static int
addmod(struct dl_phdr_info *info, size_t size, void *v)
{
	Mods *ms;
	Mod *m;
	uint64_t lo, hi, a;
	int i, exe;

	(void)size;
	ms = v;
	exe = ms->seen++ == 0;
	if(ms->n >= ms->cap)
		return 1;
	if(ms->quick && (exe || info->dlpi_name == NULL || info->dlpi_name[0] == '\0'))
		return 0;	/* never unloaded */
	lo = UINT64_MAX;
	hi = 0;
	for(i = 0; i < info->dlpi_phnum; i++)
		if(info->dlpi_phdr[i].p_type == PT_LOAD && (info->dlpi_phdr[i].p_flags & PF_X)){
			a = info->dlpi_addr + info->dlpi_phdr[i].p_vaddr;
			if(a < lo)
				lo = a;
			if(a + info->dlpi_phdr[i].p_memsz > hi)
				hi = a + info->dlpi_phdr[i].p_memsz;
		}
	if(hi == 0)
		return 0;
	m = &ms->m[ms->n];
	memset(m, 0, sizeof *m);
	m->path = ms->quick ? strdup(info->dlpi_name) : modpath(info->dlpi_name, exe, lo);
	if(m->path == NULL)
		return 0;	/* its pcs are written as addresses */
	if(exe)
		ms->exe = ms->n;
	m->bias = info->dlpi_addr;
	m->lo = lo;
	m->hi = hi;
	buildid(m, info);
	ms->n++;
	return 0;
}

/* The module holding pc: its index, or Pfnomod. */
uint32_t
modof(const Mods *ms, uint64_t pc)
{
	uint32_t i;

	for(i = 0; i < ms->n; i++)
		if(pc >= ms->m[i].lo && pc < ms->m[i].hi)
			return i;
	return Pfnomod;
}

/* Does m share addresses with any of the n modules at a? */
static int
overlaps(const Mod *a, uint32_t n, const Mod *m)
{
	uint32_t i;

	for(i = 0; i < n; i++)
		if(a[i].lo < m->hi && m->lo < a[i].hi)
			return 1;
	return 0;
}

/* How many objects are loaded, and how many were unloaded so far. */
typedef struct Count Count;
struct Count
{
	uint32_t n;
	unsigned long long subs;
};

static int
countmod(struct dl_phdr_info *info, size_t size, void *v)
{
	Count *c;

	c = v;
	c->n++;
	if(size >= offsetof(struct dl_phdr_info, dlpi_subs) + sizeof info->dlpi_subs)
		c->subs = info->dlpi_subs;
	return 0;
}

/*
 * The objects loaded now, with room for extra more: 0, or -1 (out of
 * memory). Quick: only those that can be unloaded, with their loader's
 * names (a dlclose cannot wait for /proc/self/maps).
 */
static int
readmods(Mods *ms, uint32_t extra, int quick)
{
	Count c;

	c.n = 0;
	c.subs = 0;
	dl_iterate_phdr(countmod, &c);
	ms->n = 0;
	ms->exe = Pfnomod;
	ms->seen = 0;
	ms->quick = quick;
	ms->subs = c.subs;
	ms->cap = c.n + 8 + extra;	/* objects loaded meanwhile: up to 8 */
	if(ms->cap > Maxmod)
		ms->cap = Maxmod;
	ms->m = malloc(ms->cap * sizeof *ms->m);
	if(ms->m == NULL)
		return -1;
	dl_iterate_phdr(addmod, ms);
	return 0;
}

/* The objects loaded now, and room for those unloaded (modsaddgone); under thrlock. */
int
modsloaded(Mods *ms)
{
	return readmods(ms, ngone, 0);
}

void
modsfree(Mods *ms)
{
	uint32_t i;

	for(i = 0; i < ms->n; i++)
		free(ms->m[i].path);
	free(ms->m);
	ms->m = NULL;
	ms->n = 0;
}

/*
 * The objects unloaded before, after those loaded; none where a loaded
 * one is (prof names a pc by address: the loaded one wins). Under thrlock.
 */
void
modsaddgone(Mods *ms)
{
	uint32_t i, nloaded;
	Mod *m;

	nloaded = ms->n;
	for(i = 0; i < ngone && ms->n < ms->cap; i++){
		if(overlaps(ms->m, nloaded, &gone[i]))
			continue;
		m = &ms->m[ms->n];
		*m = gone[i];
		m->path = strdup(gone[i].path);
		if(m->path != NULL)
			ms->n++;
	}
}

/* A profile begins: its trees hold no call of an object unloaded before. Under thrlock. */
void
modsforget(void)
{
	while(ngone > 0)
		free(gone[--ngone].path);
}

static int
samemod(const Mod *a, const Mod *b)
{
	return a->bias == b->bias && a->lo == b->lo && a->hi == b->hi && a->idlen == b->idlen
		&& memcmp(a->id, b->id, a->idlen) == 0 && strcmp(a->path, b->path) == 0;
}

/* Drop gone[i], keeping the others' order (oldest first). */
static void
dropgone(uint32_t i)
{
	free(gone[i].path);
	memmove(&gone[i], &gone[i + 1], (ngone - i - 1) * sizeof gone[0]);
	ngone--;
}

/* Keep m, unloaded (its path is taken): it replaces those unloaded from where it was. */
static void
keepgone(Mod *m)
{
	uint32_t i;

	for(i = 0; i < ngone; )
		if(overlaps(&gone[i], 1, m) || (i == 0 && ngone == Maxgone))
			dropgone(i);	/* unloaded from where m was; or the oldest, to make room */
		else
			i++;
	gone[ngone++] = *m;
	m->path = NULL;
}

/* A loader's name made absolute, if it is not; m->path is replaced. */
static void
absolute(Mod *m)
{
	char *p;

	if(m->path[0] == '/' || (p = realpath(m->path, NULL)) == NULL)
		return;	/* unresolved: prof says it cannot find the file */
	free(m->path);
	m->path = p;
}

/*
 * After a dlclose: the objects of before (read just before it) that are
 * loaded no more are kept. Frees before.
 */
void
modsgone(Mods *before)
{
	Mods now;
	uint32_t i, j;

	if(readmods(&now, 0, 1) < 0 || now.subs == before->subs){
		modsfree(&now);	/* nothing unloaded (the count is the loader's) */
		modsfree(before);
		return;
	}
	thrlock();
	for(i = 0; i < before->n; i++){
		for(j = 0; j < now.n && !samemod(&before->m[i], &now.m[j]); j++)
			;
		if(j == now.n){
			absolute(&before->m[i]);
			keepgone(&before->m[i]);
		}
	}
	thrunlock();
	modsfree(&now);
	modsfree(before);
}

/*
 * While a profile is made, an object dlclose unloads keeps its place in
 * the module table: its calls in the trees are still named.
 */
int
rtdlclose(void *h)
{
	int (*f)(void *);
	Mods before;
	int r, e;

	f = (int (*)(void *))dlsym(RTLD_NEXT, "dlclose");
	if(f == NULL)
		f = __dlclose;
	if(f == NULL)
		return -1;	/* no dlclose in the program: nothing was opened */
	if(!rt.on || readmods(&before, 0, 1) < 0){
		modsfree(&before);
		r = f(h);
		e = errno;
		cfaunloaded();
		errno = e;
		return r;
	}
	r = f(h);
	e = errno;
	modsgone(&before);
	cfaunloaded();
	errno = e;
	return r;
}
