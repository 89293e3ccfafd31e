/*
 * C++ names (demangle: libstdc++'s __cxa_demangle, found at run time), as
 * symelf hands it every name of a symbol table: any bytes, up to a NUL.
 * libstdc++ is not instrumented, so libFuzzer sees no coverage in it: the
 * mutations of the seeds are blind there, but a crash still shows.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *name, *s;

	name = malloc(size + 1);
	if(name == NULL)
		return 0;
	memcpy(name, data, size);
	name[size] = '\0';
	s = demangle(name);
	if(s != NULL && s[0] == '\0')
		fuzzfail("demangle: an empty name");
	free(s);
	free(name);
	return 0;
}
