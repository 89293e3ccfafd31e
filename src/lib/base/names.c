/*
 * Name storage: strings copied into large blocks that are freed together,
 * for tables of many short names (symbol tables, profiles by names) that
 * never free one name alone.
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

enum { Blocksize = 64 * 1024 };

/* Remember a malloc'd block. 0 or -1. */
static int
keepblock(Names *ns, char *b)
{
	char **nb;

	nb = realloc(ns->blocks, (ns->nblocks + 1) * sizeof *nb);
	if(nb == NULL)
		return -1;
	ns->blocks = nb;
	ns->blocks[ns->nblocks++] = b;
	return 0;
}

const char *
namesave(Names *ns, const char *s, size_t n)
{
	char *b;

	if(n + 1 > ns->left){
		/* a long name gets a block of its own; the current one stays */
		b = malloc(n + 1 > Blocksize / 4 ? n + 1 : Blocksize);
		if(b == NULL || keepblock(ns, b) < 0){
			free(b);
			return NULL;
		}
		if(n + 1 > Blocksize / 4){
			memcpy(b, s, n);
			b[n] = '\0';
			return b;
		}
		ns->next = b;
		ns->left = Blocksize;
	}
	b = ns->next;
	memcpy(b, s, n);
	b[n] = '\0';
	ns->next += n + 1;
	ns->left -= n + 1;
	return b;
}

void
namesfree(Names *ns)
{
	size_t i;

	for(i = 0; i < ns->nblocks; i++)
		free(ns->blocks[i]);
	free(ns->blocks);
	memset(ns, 0, sizeof *ns);
}
