/* The loaded objects: the module table a profile names pcs by (mods.c). */
#ifndef MODS_H
#define MODS_H

#include <stdint.h>

#include "rt.h"

/* The module table: a loaded object's executable span and identity. */
enum { Maxmod = 4096, Maxid = 64 };

typedef struct Mod Mod;
struct Mod
{
	char *path;		/* malloc'd */
	uint64_t bias;
	uint64_t lo, hi;	/* the executable segments' span, run-time addresses */
	unsigned char id[Maxid];
	uint32_t idlen;
};

typedef struct Mods Mods;
struct Mods
{
	Mod *m;			/* malloc'd, cap */
	uint32_t n;
	uint32_t exe;		/* the executable's index, or Pfnomod */
	uint32_t cap;		/* room in m */
	int seen;		/* modules dl_iterate_phdr has shown: the first is the executable */
	int quick;		/* only those that can be unloaded, by their loader's names */
	unsigned long long subs;	/* objects unloaded so far, as the loader counts them */
};

/* mods.c */
RT int modsloaded(Mods *ms);
RT void modsaddgone(Mods *ms);
RT void modsgone(Mods *before);
RT void modsforget(void);
RT void modsfree(Mods *ms);
RT uint32_t modof(const Mods *ms, uint64_t pc);

#endif
