/* A per-thread last-error message, set by failing library calls. */
#include <stdarg.h>
#include <stdio.h>

#include "proftools.h"

static _Thread_local char errbuf[512];

const char *
errstr(void)
{
	return errbuf;
}

void
werrstr(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(errbuf, sizeof errbuf, fmt, ap);
	va_end(ap);
}
