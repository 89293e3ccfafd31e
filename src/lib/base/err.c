/* A per-thread last-error message, set by failing library calls. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/base.h"

static _Thread_local char errbuf[512];

const char *
errstr(void)
{
	return errbuf;
}

void
werrstr(const char *fmt, ...)
{
	char msg[sizeof errbuf];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	oneline(errbuf, sizeof errbuf, msg);	/* a file's name may hold a newline */
}

char *
oneline(char *buf, size_t n, const char *s)
{
	static const char esc[] = "\a\b\t\n\v\f\rabtnvfr";
	const char *e;
	size_t k;
	unsigned char c;

	k = 0;
	for(; (c = (unsigned char)*s) != '\0' && k + 5 < n; s++){
		if(c >= 0x20 && c != 0x7f){
			buf[k++] = c;
			continue;
		}
		buf[k++] = '\\';
		if((e = c != 0 ? memchr(esc, c, 7) : NULL) != NULL)
			buf[k++] = e[7];
		else
			k += snprintf(buf + k, n - k, "%03o", c);
	}
	if(n > 0)
		buf[k < n ? k : n - 1] = '\0';
	return buf;
}
