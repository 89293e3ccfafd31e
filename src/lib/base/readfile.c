/*
 * Opening and reading the files the tools are given. Every open is
 * without blocking (O_NONBLOCK), so a FIFO with no writer cannot hang a
 * tool; the type is checked on the open file (no race with a rename),
 * and only then does the descriptor block again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"

enum { Maxfile = 1u << 30 };	/* no profile we read is bigger */

int
fileopen(const char *file, int kind, struct stat *st)
{
	int fd, fl;

	if(kind == Fstream && strcmp(file, "-") == 0)
		fd = fcntl(0, F_DUPFD_CLOEXEC, 3);
	else
		fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if(fd < 0 || fstat(fd, st) < 0){
		werrstr("%s: %s", file, strerror(errno));
		goto fail;
	}
	if(S_ISDIR(st->st_mode)){
		werrstr("%s: is a directory", file);
		goto fail;
	}
	if(!S_ISREG(st->st_mode) && (kind == Fregular || !(S_ISFIFO(st->st_mode) || S_ISSOCK(st->st_mode)))){
		werrstr("%s: not a regular file", file);
		goto fail;
	}
	if((fl = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0){
		werrstr("%s: %s", file, strerror(errno));
		goto fail;
	}
	return fd;
fail:
	if(fd >= 0)
		close(fd);
	return -1;
}

unsigned char *
readfd(int fd, const struct stat *st, const char *file, size_t *n)
{
	unsigned char *buf, *nb;
	size_t have, cap;
	ssize_t r;

	if(S_ISREG(st->st_mode) && st->st_size > Maxfile){
		werrstr("%s: file too large", file);
		return NULL;
	}
	/* st_size is a hint: /proc files say 0 and grow while read */
	cap = S_ISREG(st->st_mode) && st->st_size > 0 ? (size_t)st->st_size + 1 : 65536;
	buf = malloc(cap);
	have = 0;
	while(buf != NULL){
		if(have == cap){
			if(cap > Maxfile){
				werrstr("%s: file too large", file);
				free(buf);
				return NULL;
			}
			cap = cap > Maxfile / 2 ? Maxfile + 1 : 2 * cap;
			if((nb = realloc(buf, cap)) == NULL)
				break;
			buf = nb;
		}
		r = read(fd, buf + have, cap - have);
		if(r < 0 && errno == EINTR)
			continue;
		if(r < 0){
			werrstr("%s: %s", file, strerror(errno));
			free(buf);
			return NULL;
		}
		if(r == 0){
			*n = have;
			return buf;
		}
		have += r;
	}
	free(buf);
	werrstr("%s: out of memory", file);
	return NULL;
}

unsigned char *
readfile(const char *file, size_t *n)
{
	unsigned char *buf;
	struct stat st;
	int fd;

	fd = fileopen(file, Fstream, &st);
	if(fd < 0)
		return NULL;
	buf = readfd(fd, &st, file, n);
	close(fd);
	return buf;
}
