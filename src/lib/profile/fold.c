/* prof -F: the call tree as folded stacks, the input of flame graph tools. */
#include <inttypes.h>
#include <stdlib.h>

#include "profile/profile.h"

int
printfolded(FILE *out, const Prof *p, const Space *s)
{
	uint32_t *stack, *depth, *path, sp, i, d, k, c;
	uint64_t self;
	char buf[32];

	stack = malloc(p->nnode * sizeof *stack);
	depth = malloc(p->nnode * sizeof *depth);
	path = malloc(p->nnode * sizeof *path);
	if(stack == NULL || depth == NULL || path == NULL){
		free(stack);
		free(depth);
		free(path);
		werrstr("folded stacks: out of memory");
		return -1;
	}
	/* depth first, children oldest first (they are chained newest first) */
	sp = 0;
	for(c = p->node[0].down; c != Pnone; c = p->node[c].right){
		stack[sp] = c;
		depth[sp++] = 0;
	}
	while(sp > 0){
		i = stack[--sp];
		d = depth[sp];
		path[d] = i;
		self = profself(p, i) * p->unitns;
		if(self > 0){
			for(k = 0; k <= d; k++){
				if(k > 0)
					fputc(';', out);
				fputs(spacename(s, p->node[path[k]].pc, buf, sizeof buf), out);
			}
			fprintf(out, " %" PRIu64 "\n", self);
		}
		for(c = p->node[i].down; c != Pnone; c = p->node[c].right){
			stack[sp] = c;
			depth[sp++] = d + 1;
		}
	}
	free(stack);
	free(depth);
	free(path);
	return 0;
}
