/*
 * failio.so (457-rt-write-errors), by LD_PRELOAD: the profile's writes
 * fail as a failing disk or a full one makes them. Only descriptors of
 * a file named .prof.* (the runtime's temporary file) are touched:
 * $failio is the error (EIO or ENOSPC), $failat where it comes: "write"
 * (every write(2), after the first 100 bytes went through) or "close"
 * (close(2) closes the file and then fails, as NFS may report a lost
 * write).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static size_t written;

/* Is fd the runtime's temporary file? */
static int
ours(int fd)
{
	char path[64], to[4096], *b;
	ssize_t n;

	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	n = readlink(path, to, sizeof to - 1);
	if(n <= 0)
		return 0;
	to[n] = '\0';
	b = strrchr(to, '/');
	return b != NULL && strncmp(b + 1, ".prof.", 6) == 0;
}

static int
err(const char *at)
{
	const char *e, *a;

	e = getenv("failio");
	a = getenv("failat");
	if(e == NULL || a == NULL || strcmp(a, at) != 0)
		return 0;
	return strcmp(e, "ENOSPC") == 0 ? ENOSPC : EIO;
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	ssize_t (*real)(int, const void *, size_t) = dlsym(RTLD_NEXT, "write");
	int e;

	if((e = err("write")) != 0 && ours(fd)){
		if(written < 100){
			n = n < 100 - written ? n : 100 - written;
			written += n;
			return real(fd, buf, n);
		}
		errno = e;
		return -1;
	}
	return real(fd, buf, n);
}

int
close(int fd)
{
	int (*real)(int) = dlsym(RTLD_NEXT, "close");
	int e;

	if((e = err("close")) != 0 && ours(fd)){
		real(fd);
		errno = e;
		return -1;
	}
	return real(fd);
}
