/*
 * C++ names demangled by the C++ runtime's __cxa_demangle, found at run
 * time: the tools do not link libstdc++, and where it is missing names
 * stay as they are.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

#include "sym/sym.h"

typedef char *Demangler(const char *, char *, size_t *, int *);

static Demangler *cxademangle;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
findcxa(void)
{
	void *h;

	h = dlopen("libstdc++.so.6", RTLD_LAZY | RTLD_LOCAL);
	if(h != NULL)
		*(void **)&cxademangle = dlsym(h, "__cxa_demangle");
	/* h stays open: the demangler lives in it */
}

char *
demangle(const char *name)
{
	int status;
	char *s;

	/* Itanium ABI names only: _Z..., not C names */
	if(name[0] != '_' || name[1] != 'Z')
		return NULL;
	pthread_once(&once, findcxa);
	if(cxademangle == NULL)
		return NULL;
	s = cxademangle(name, NULL, NULL, &status);
	if(status != 0){
		free(s);
		return NULL;
	}
	return s;
}
