/*
 * The files the tools write (tprof -o, kprof -o): made under a temporary
 * name in the same directory and renamed when whole, so the name holds
 * the complete file or what it held before, never an empty or partial
 * one; the temporary is removed on every failure, also at exit(3). A
 * name that exists and is not a regular file (/dev/null, a FIFO) is
 * written as it is: renaming over it would replace it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"

static char *pending;	/* the temporary of the Outfile being made, removed at exit */

static void
atexitclean(void)
{
	if(pending != NULL)
		unlink(pending);
}

/* The temporary for name: ".base.XXXXXX" in name's directory; malloc'd. */
static char *
tmpname(const char *name)
{
	const char *slash;
	size_t dir;
	char *t;

	slash = strrchr(name, '/');
	dir = slash != NULL ? (size_t)(slash - name + 1) : 0;
	t = malloc(strlen(name) + 9);
	if(t != NULL){
		memcpy(t, name, dir);
		t[dir] = '.';
		strcpy(t + dir + 1, name + dir);
		strcat(t, ".XXXXXX");
	}
	return t;
}

/* Open the existing non-regular file name for writing, never blocking (a FIFO with no reader). */
static int
opendirect(Outfile *o, const char *name)
{
	int fl;

	o->fd = open(name, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if(o->fd < 0 || (fl = fcntl(o->fd, F_GETFL)) < 0 || fcntl(o->fd, F_SETFL, fl & ~O_NONBLOCK) < 0){
		werrstr("%s: %s", name, strerror(errno));
		if(o->fd >= 0)
			close(o->fd);
		return -1;
	}
	return 0;
}

int
outcreate(Outfile *o, const char *name)
{
	static int registered;
	struct stat st;
	mode_t mask;

	memset(o, 0, sizeof *o);
	o->name = name;
	if(stat(name, &st) == 0 && !S_ISREG(st.st_mode)){
		if(S_ISDIR(st.st_mode)){
			werrstr("%s: is a directory", name);
			return -1;
		}
		return opendirect(o, name);
	}
	if((o->tmp = tmpname(name)) == NULL){
		werrstr("%s: out of memory", name);
		return -1;
	}
	if(!registered && atexit(atexitclean) == 0)
		registered = 1;
	o->fd = mkostemp(o->tmp, O_CLOEXEC);
	if(o->fd < 0){
		werrstr("%s: %s", name, strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	pending = o->tmp;
	mask = umask(0);
	umask(mask);
	fchmod(o->fd, 0666 & ~mask);	/* as creat(2) would have made it */
	return 0;
}

int
outcommit(Outfile *o, const void *buf, size_t n)
{
	const char *p;
	ssize_t w;
	int err;

	err = 0;
	for(p = buf; n > 0 && err == 0; ){
		w = write(o->fd, p, n);
		if(w < 0 && errno != EINTR)
			err = errno;
		else if(w > 0){
			p += w;
			n -= w;
		}
	}
	if(close(o->fd) < 0 && err == 0)
		err = errno;
	o->fd = -1;
	if(err == 0 && o->tmp != NULL && rename(o->tmp, o->name) < 0)
		err = errno;
	if(err != 0){
		werrstr("%s: %s", o->name, strerror(err));
		outabort(o);
		return -1;
	}
	pending = NULL;
	free(o->tmp);
	o->tmp = NULL;
	return 0;
}

void
outabort(Outfile *o)
{
	if(o->fd >= 0)
		close(o->fd);
	o->fd = -1;
	if(o->tmp != NULL){
		unlink(o->tmp);
		if(pending == o->tmp)
			pending = NULL;
		free(o->tmp);
		o->tmp = NULL;
	}
}
