/* Helpers of the fuzz harnesses (fuzz.h). */
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

FILE *
fuzznull(void)
{
	static FILE *f;

	if(f == NULL && (f = fopen("/dev/null", "w")) == NULL)
		fuzzfail("/dev/null");
	return f;
}

const char *
fuzzfile(const uint8_t *data, size_t size)
{
	static char path[64];
	static int fd = -1;

	if(fd < 0){
		fd = memfd_create("fuzz", 0);
		if(fd < 0)
			fuzzfail("memfd_create");
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if(ftruncate(fd, 0) < 0 || (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size))
		fuzzfail("write to memfd");
	return path;
}

Symtab *
fuzzsyms(void)
{
	static Symtab *t;
	char name[8];
	int i;

	if(t != NULL)
		return t;
	t = symnew();
	if(t == NULL)
		fuzzfail("symnew");
	for(i = 0; i < 16; i++){
		snprintf(name, sizeof name, "f%d", i);
		if(symadd(t, name, 0x1000 + 0x10 * i, 0x10, Rankglobal) < 0)
			fuzzfail("symadd");
	}
	if(symfinish(t, 0x1100) < 0)
		fuzzfail("symfinish");
	return t;
}

void
fuzzfail(const char *what)
{
	fprintf(stderr, "fuzz: %s\n", what);
	abort();
}
