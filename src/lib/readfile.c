/* Whole-file reads for the parsers. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proftools.h"

enum { Maxfile = 1u << 30 };	/* no profile we read is bigger */

unsigned char *
readfile(const char *file, size_t *n)
{
	struct stat st;
	unsigned char *buf;
	size_t have, cap;
	ssize_t r;
	int fd;

	fd = open(file, O_RDONLY);
	if(fd < 0){
		werrstr("%s: %s", file, strerror(errno));
		return NULL;
	}
	if(fstat(fd, &st) < 0){
		werrstr("%s: %s", file, strerror(errno));
		close(fd);
		return NULL;
	}
	if(S_ISDIR(st.st_mode)){
		werrstr("%s: is a directory", file);
		close(fd);
		return NULL;
	}
	/* st_size is a hint: /proc files say 0 and grow while read */
	cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
	if(cap > Maxfile)
		cap = Maxfile;
	buf = malloc(cap);
	have = 0;
	while(buf != NULL){
		if(have == cap){
			if(cap >= Maxfile){
				werrstr("%s: file too large", file);
				goto fail;
			}
			cap *= 2;
			if(cap > Maxfile)
				cap = Maxfile;
			unsigned char *nb = realloc(buf, cap);
			if(nb == NULL)
				break;
			buf = nb;
		}
		r = read(fd, buf + have, cap - have);
		if(r < 0 && errno == EINTR)
			continue;
		if(r < 0){
			werrstr("%s: %s", file, strerror(errno));
			goto fail;
		}
		if(r == 0){
			close(fd);
			*n = have;
			return buf;
		}
		have += r;
	}
	werrstr("%s: out of memory", file);
fail:
	free(buf);
	close(fd);
	return NULL;
}
