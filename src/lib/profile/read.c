/* Reading a call-tree profile: the file's format told by its first bytes. */
#include <stdlib.h>
#include <string.h>

#include "proffile.h"

#include "profile/profile.h"

Prof *
profread(const char *file)
{
	return profreadfor(file, NULL);
}

Prof *
profreadfor(const char *file, const Prof *base)
{
	unsigned char *buf;
	size_t n;
	Prof *p;

	buf = readfile(file, &n);
	if(buf == NULL)
		return NULL;
	p = profparsefor(buf, n, base, file);
	free(buf);
	return p;
}

Prof *
profparsefor(const unsigned char *buf, size_t n, const Prof *base, const char *name)
{
	if(n >= 8 && memcmp(buf, PFMAGIC, 8) == 0)
		return pidparsefor(buf, n, base, name);
	if(isfront(buf, n))
		return frontparse(buf, n, name);
	return classicparse(buf, n, name);
}
