/* Processes through /proc: their executables, threads and mappings. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "live/live.h"

/* A list of ints being built. */
typedef struct Ints Ints;
struct Ints
{
	int *v;
	size_t n, cap;
};

static int
intsadd(Ints *l, int x)
{
	int *nv;
	size_t cap;

	if(l->n == l->cap){
		cap = l->cap ? 2 * l->cap : 64;
		nv = realloc(l->v, cap * sizeof *nv);
		if(nv == NULL){
			werrstr("process list: out of memory");
			return -1;
		}
		l->v = nv;
		l->cap = cap;
	}
	l->v[l->n++] = x;
	return 0;
}

static int
intcmp(const void *a, const void *b)
{
	int x, y;

	x = *(const int *)a;
	y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The number a /proc directory entry names, or -1. */
static int
numname(const char *s)
{
	long v;
	char *e;

	if(!isdigit((unsigned char)s[0]))
		return -1;
	errno = 0;
	v = strtol(s, &e, 10);
	if(*e != '\0' || errno != 0 || v <= 0 || v > INT_MAX)
		return -1;
	return (int)v;
}

/* The value of field "name:" in /proc/pid/status (its first number), or -1. */
static long
statusfield(int pid, const char *name)
{
	char path[64], line[256];
	size_t n;
	long v;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", pid);
	f = fopen(path, "r");
	if(f == NULL)
		return -1;
	v = -1;
	n = strlen(name);
	while(fgets(line, sizeof line, f) != NULL)
		if(strncmp(line, name, n) == 0 && line[n] == ':'){
			v = strtol(line + n + 1, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

/* The state letter of pid (R, S, Z...) or 0 if it is gone. */
static int
procstate(int pid)
{
	char path[64], buf[512], *p;
	FILE *f;
	size_t n;

	snprintf(path, sizeof path, "/proc/%d/stat", pid);
	f = fopen(path, "r");
	if(f == NULL)
		return 0;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');	/* the command name may hold anything */
	return p != NULL && p[1] == ' ' ? p[2] : 0;
}

/* Why /proc/pid/exe could not be read, as the error. */
static void
exeerror(int pid, int err)
{
	long uid;
	int st;

	if(err == EACCES || err == EPERM){
		uid = statusfield(pid, "Uid");
		if(uid >= 0 && (uid_t)uid != geteuid())
			werrstr("pid %d: owned by uid %ld, not you (uid %ld); run tprof as uid %ld or as root",
				pid, uid, (long)geteuid(), uid);
		else
			werrstr("pid %d: %s", pid, strerror(err));
		return;
	}
	st = procstate(pid);
	if(st == 0)
		werrstr("pid %d: no such process", pid);
	else if(st == 'Z' || st == 'X')
		werrstr("pid %d: exited", pid);
	else if(err == ENOENT)
		werrstr("pid %d: no executable (a kernel thread?)", pid);
	else
		werrstr("pid %d: %s", pid, strerror(err));
}

/* The file of x as pid's mappings name it (overlayfs shows the file below). */
static void
mapident(int pid, Text *x)
{
	size_t i, n;
	Map *m;

	x->mdev = x->dev;
	x->mino = x->ino;
	if(readmaps(pid, &m, &n) < 0)
		return;
	for(i = 0; i < n; i++)
		if(m[i].ino != 0 && strcmp(m[i].path, x->path) == 0){
			x->mdev = m[i].dev;
			x->mino = m[i].ino;
			break;
		}
	freemaps(m, n);
}

int
textof(int pid, Text *x)
{
	char path[64], buf[PATH_MAX];
	struct stat st;
	ssize_t n;

	memset(x, 0, sizeof *x);
	snprintf(path, sizeof path, "/proc/%d/exe", pid);
	if(pid <= 0 || stat(path, &st) < 0){
		exeerror(pid, pid <= 0 ? ESRCH : errno);
		return -1;
	}
	n = readlink(path, buf, sizeof buf - 1);
	if(n < 0){
		exeerror(pid, errno);
		return -1;
	}
	buf[n] = '\0';
	x->path = strdup(buf);
	if(x->path == NULL){
		werrstr("pid %d: out of memory", pid);
		return -1;
	}
	x->dev = st.st_dev;
	x->ino = st.st_ino;
	mapident(pid, x);
	return 0;
}

void
textfree(Text *x)
{
	free(x->path);
	x->path = NULL;
}

int
textprocs(const Text *x, int **pids, size_t *n)
{
	char path[64];
	struct dirent *d;
	struct stat st;
	Ints l = {0};
	DIR *dir;
	int pid;

	dir = opendir("/proc");
	if(dir == NULL){
		werrstr("/proc: %s", strerror(errno));
		return -1;
	}
	while((d = readdir(dir)) != NULL){
		if((pid = numname(d->d_name)) < 0 || pid == getpid())
			continue;
		snprintf(path, sizeof path, "/proc/%d/exe", pid);
		if(stat(path, &st) == 0 && st.st_dev == x->dev && st.st_ino == x->ino
		&& intsadd(&l, pid) < 0){
			closedir(dir);
			free(l.v);
			return -1;
		}
	}
	closedir(dir);
	if(l.n > 1)
		qsort(l.v, l.n, sizeof l.v[0], intcmp);
	*pids = l.v;
	*n = l.n;
	return 0;
}

int
proctasks(int pid, int **tids, size_t *n)
{
	char path[64];
	struct dirent *d;
	Ints l = {0};
	DIR *dir;
	int tid;

	snprintf(path, sizeof path, "/proc/%d/task", pid);
	dir = opendir(path);
	if(dir == NULL){
		werrstr("pid %d: %s", pid, errno == ENOENT ? "no such process" : strerror(errno));
		return -1;
	}
	while((d = readdir(dir)) != NULL)
		if((tid = numname(d->d_name)) >= 0 && intsadd(&l, tid) < 0){
			closedir(dir);
			free(l.v);
			return -1;
		}
	closedir(dir);
	*tids = l.v;
	*n = l.n;
	return 0;
}

/* Parse one line of /proc/pid/maps into m if it is an executable mapping. 1, 0 (skip) or -1. */
static int
mapline(char *line, Map *m)
{
	unsigned long long start, end, off, ino;
	unsigned maj, min;
	char perm[8], *p;
	int pos;

	if(sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perm, &off,
		&maj, &min, &ino, &pos) < 7)
		return 0;
	if(strchr(perm, 'x') == NULL)
		return 0;
	p = line + pos;
	p[strcspn(p, "\n")] = '\0';
	m->start = start;
	m->end = end;
	m->off = off;
	m->dev = ino != 0 ? makedev(maj, min) : 0;
	m->ino = ino;
	m->path = strdup(*p != '\0' ? p : "[anon]");
	return m->path == NULL ? -1 : 1;
}

int
readmaps(int pid, Map **maps, size_t *n)
{
	char path[64], *line;
	size_t cap, lcap;
	Map *m, *nm;
	FILE *f;
	int r;

	snprintf(path, sizeof path, "/proc/%d/maps", pid);
	f = fopen(path, "r");
	if(f == NULL){
		werrstr("pid %d: maps: %s", pid, strerror(errno));
		return -1;
	}
	m = NULL;
	*n = cap = lcap = 0;
	line = NULL;
	while(getline(&line, &lcap, f) > 0){
		if(*n == cap){
			cap = cap ? 2 * cap : 32;
			nm = realloc(m, cap * sizeof *m);
			if(nm == NULL)
				goto nomem;
			m = nm;
		}
		r = mapline(line, &m[*n]);
		if(r < 0)
			goto nomem;
		*n += r;
	}
	free(line);
	fclose(f);
	*maps = m;	/* /proc lists them by address */
	return 0;
nomem:
	free(line);
	fclose(f);
	freemaps(m, *n);
	werrstr("pid %d: maps: out of memory", pid);
	return -1;
}

void
freemaps(Map *m, size_t n)
{
	size_t i;

	for(i = 0; i < n; i++)
		free(m[i].path);
	free(m);
}
