/*
 * slowinit (464-rt-ucontext-args), a shared object: its constructor,
 * which the loader runs holding its lock, writes a byte to the first
 * descriptor of $slowinit ("W R") and waits for one from the second.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((constructor)) static void
slowinit(void)
{
	const char *s;
	int w, r;
	char c;

	s = getenv("slowinit");
	if(s == NULL || sscanf(s, "%d %d", &w, &r) != 2)
		return;
	if(write(w, "x", 1) == 1 && read(r, &c, 1) == 1)
		return;
}
