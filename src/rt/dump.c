/*
 * Writing prof.<pid> (layout in proffile.h, described in prof(5)):
 * every thread's tree, pcs made module-relative through the module
 * table. Written to a temporary name and renamed, never following a
 * symlink; failure is one line on standard error and nothing else.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "proffile.h"
#include "clock.h"
#include "mods.h"
#include "rt.h"

enum { Bufsize = 1 << 16 };

typedef struct Out Out;
struct Out
{
	int fd;
	int err;
	size_t n;
	unsigned char buf[Bufsize];
};

/*
 * The runtime's writes must not end the program: SIGXFSZ (past a file
 * size limit) and SIGPIPE (standard error a pipe nobody reads) are
 * blocked while it writes, and one that its write raised is taken back.
 * One pending before is the program's and stays.
 */
typedef struct Quiet Quiet;
struct Quiet
{
	sigset_t old;
	sigset_t before;
};

static const int quietsigs[] = { SIGXFSZ, SIGPIPE };

static void
quietbegin(Quiet *q)
{
	sigset_t s;
	int i;

	sigemptyset(&s);
	for(i = 0; i < 2; i++)
		sigaddset(&s, quietsigs[i]);
	pthread_sigmask(SIG_BLOCK, &s, &q->old);
	sigpending(&q->before);
}

static void
quietend(Quiet *q)
{
	struct timespec zero = { 0, 0 };
	sigset_t now, one;
	int i, e;

	e = errno;
	sigpending(&now);
	for(i = 0; i < 2; i++)
		if(sigismember(&now, quietsigs[i]) && !sigismember(&q->before, quietsigs[i])){
			sigemptyset(&one);
			sigaddset(&one, quietsigs[i]);
			/* the system call: libc's sigtimedwait is the runtime's wrapper */
			syscall(SYS_rt_sigtimedwait, &one, NULL, &zero, _NSIG / 8);
		}
	pthread_sigmask(SIG_SETMASK, &q->old, NULL);
	errno = e;
}

static size_t
append(char *buf, size_t n, size_t max, const char *s)
{
	while(*s != '\0' && n < max)
		buf[n++] = *s++;
	return n;
}

/* One line on standard error; no stdio, no malloc: a signal handler may call it. */
void
rtsay(const char *a, const char *b, const char *c)
{
	char line[512];
	size_t n;
	Quiet q;

	n = append(line, 0, sizeof line - 1, "prof: ");
	n = append(line, n, sizeof line - 1, a);
	n = append(line, n, sizeof line - 1, b);
	n = append(line, n, sizeof line - 1, c);
	line[n++] = '\n';
	quietbegin(&q);
	if(write(2, line, n) < 0)
		n = 0;	/* nowhere to say it */
	quietend(&q);
}

static void
flush(Out *o)
{
	size_t done;
	ssize_t r;

	for(done = 0; done < o->n && !o->err; done += r){
		r = write(o->fd, o->buf + done, o->n - done);
		if(r < 0 && errno == EINTR)
			r = 0;
		else if(r <= 0)
			o->err = r < 0 ? errno : EIO;
	}
	o->n = 0;
}

static void
put(Out *o, const void *p, size_t n)
{
	const unsigned char *c;

	for(c = p; n > 0; n--){
		if(o->n == Bufsize)
			flush(o);
		o->buf[o->n++] = *c++;
	}
}

static void
put32(Out *o, uint32_t v)
{
	unsigned char b[4] = { v, v >> 8, v >> 16, v >> 24 };

	put(o, b, 4);
}

static void
put64(Out *o, uint64_t v)
{
	put32(o, (uint32_t)v);
	put32(o, (uint32_t)(v >> 32));
}

/* A call still active in another thread at the dump: its node's time so far. */
typedef struct Act Act;
struct Act
{
	uint32_t node;
	uint64_t time;
};

/* The active calls of one thread, sorted by node. */
typedef struct Acts Acts;
struct Acts
{
	Act *a;		/* malloc'd; NULL if none */
	uint32_t n;
	uint64_t *incl;	/* Mticks: each node's ticks and its descendants' (malloc'd) */
};

/* The trees to write. */
typedef struct Snap Snap;
struct Snap
{
	Thr **t;
	uint32_t *nnode;
	Acts *act;
	uint32_t n;
	uint64_t lost;		/* calls not recorded */
	uint64_t deep;		/* of them, nested deeper than Maxdepth */
};

/* The calling thread's active calls get their time so far. */
static void
chargeactive(void)
{
	uint64_t now;
	Frame *f;
	Thr *t;

	t = thr;
	if(t == NULL || t->gen != rt.gen || rt.mech == Mticks)
		return;	/* Mticks: the calls' ticks are in their nodes already */
	now = clocknow(t);
	for(f = t->top; f != t->stack; f--){
		if(f->node != NULL)
			f->node->time += now - f->t0;
		f->t0 = now;
	}
	t->tlast = now;
}

/*
 * The newest child of node i among the first nn nodes, 0 if none. A
 * thread still running may have prepended nodes made since the
 * snapshot: they are newer, so they come first in the chain, and each
 * links on to the older ones (hook.c links a node in after filling it).
 */
static uint32_t
downof(const Thr *t, uint32_t i, uint32_t nn)
{
	uint32_t c;

	for(c = __atomic_load_n(&nodeat(t, i)->down, __ATOMIC_ACQUIRE); c >= nn; c = nodeat(t, c)->right)
		;
	return c;
}

/* The time of node i's calls still active in another thread. */
static uint64_t
activetime(const Acts *as, uint32_t i)
{
	uint32_t lo, hi, m;

	lo = 0;
	hi = as->n;
	while(lo < hi){
		m = lo + (hi - lo) / 2;
		if(as->a[m].node < i)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < as->n && as->a[lo].node == i ? as->a[lo].time : 0;
}

static uint64_t
nodetime(const Thr *t, const Acts *as, uint32_t i)
{
	if(as->incl != NULL)
		return as->incl[i];
	return nodeat(t, i)->time + activetime(as, i);
}

static uint64_t
roottime(const Thr *t, const Acts *as, uint32_t nn)
{
	uint64_t sum;
	uint32_t c;

	sum = 0;
	for(c = downof(t, 0, nn); c != 0; c = nodeat(t, c)->right)
		sum += nodetime(t, as, c);
	return sum;
}

/* Node n's calls, which its parent keeps. */
static uint64_t
countof(const Thr *t, const Node *n)
{
	const Kid *k;

	k = find(nodeat(t, n->parent), n->pc);
	return k != NULL ? k->count : 0;
}

static void
putnodes(Out *o, const Mods *ms, const Thr *t, const Acts *as, uint32_t nn, uint32_t base, double unit)
{
	const Node *nd;
	uint32_t i, mod, down;
	uint64_t time;

	for(i = 0; i < nn; i++){
		nd = nodeat(t, i);
		down = downof(t, i, nn);
		put32(o, down != 0 ? base + down : Pfnolink);
		put32(o, nd->right != 0 && nd->right < nn ? base + nd->right : Pfnolink);	/* older: always < i */
		mod = i == 0 ? Pfnomod : modof(ms, nd->pc);
		put32(o, mod);
		put32(o, 0);
		put64(o, i == 0 ? 0 : mod == Pfnomod ? nd->pc : nd->pc - ms->m[mod].bias);
		put64(o, i == 0 ? 0 : countof(t, nd));
		time = i == 0 ? roottime(t, as, nn) : nodetime(t, as, i);
		put64(o, (uint64_t)(time * unit + 0.5));
	}
}

static void
putfile(Out *o, const Mods *ms, const Snap *sn)
{
	uint32_t i, k, base, total, exe;
	const Mod *m;
	double unit;
	static const char zero[8];

	unit = clockunitns();
	if(rt.mech == Mticks)
		unit = 1;	/* ticks are stored as ticks, unitns says how long */
	total = 0;
	for(k = 0; k < sn->n; k++)
		total += sn->nnode[k];
	exe = ms->exe;
	put(o, PFMAGIC, 8);
	put32(o, Pfversion);
	put32(o, rt.proftype);
	put32(o, rt.mech);
	put32(o, rt.profsize);
	put64(o, rt.mech == Mticks ? (uint64_t)clockunitns() : 1);
	put64(o, sn->lost);
	put32(o, ms->n);
	put32(o, sn->n);
	put32(o, total);
	put32(o, exe);
	for(i = 0; i < ms->n; i++){
		m = &ms->m[i];
		put64(o, m->bias);
		put32(o, strlen(m->path));
		put32(o, m->idlen);
		put(o, m->path, strlen(m->path));
		put(o, m->id, m->idlen);
		put(o, zero, (8 - (strlen(m->path) + m->idlen) % 8) % 8);
	}
	base = 0;
	for(k = 0; k < sn->n; k++){
		put32(o, sn->t[k]->tid);
		put32(o, base);
		base += sn->nnode[k];
	}
	base = 0;
	for(k = 0; k < sn->n; k++){
		putnodes(o, ms, sn->t[k], &sn->act[k], sn->nnode[k], base, unit);
		base += sn->nnode[k];
	}
	flush(o);
}

/* Rename from to to unless to exists: 0, or -1 with errno (EEXIST if it does). */
static int
noreplace(const char *from, const char *to)
{
	if(syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if(errno != EINVAL && errno != ENOSYS)
		return -1;
	/* no RENAME_NOREPLACE here: a hard link is not made over a file either */
	if(link(from, to) < 0)
		return -1;
	unlink(from);
	return 0;
}

/*
 * The written file tmp becomes name; or, numbered, the first name.<n>
 * (n from 1) that is free, never replacing a file, and name is set to
 * it. 0, or an errno.
 */
static int
place(const char *tmp, char *name, size_t size, int numbered)
{
	char base[64];
	int n;

	if(!numbered)
		return rename(tmp, name) < 0 ? errno : 0;
	snprintf(base, sizeof base, "%s", name);
	for(n = 1; n < 1000000; n++){
		snprintf(name, size, "%s.%d", base, n);
		if(noreplace(tmp, name) == 0)
			return 0;
		if(errno != EEXIST)
			return errno;
	}
	return EEXIST;
}

/*
 * Write the profile to name (see place): 0, or -1 after saying why on
 * standard error.
 */
static int
writefile(const Mods *ms, const Snap *sn, char *name, size_t size, int numbered)
{
	char tmp[96];
	Quiet q;
	Out *o;
	int i;

	o = malloc(sizeof *o);
	if(o == NULL){
		rtsay(name, ": ", "out of memory");
		return -1;
	}
	memset(o, 0, offsetof(Out, buf));
	o->fd = -1;
	quietbegin(&q);
	for(i = 0; i < 100 && o->fd < 0; i++){
		snprintf(tmp, sizeof tmp, ".%s.%u.tmp", name, (unsigned)(cycles() ^ i * 7919u) & 0xFFFFFF);
		o->fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if(o->fd < 0 && errno != EEXIST)
			break;
	}
	if(o->fd < 0){
		quietend(&q);
		rtsay(name, ": ", strerror(errno));
		free(o);
		return -1;
	}
	putfile(o, ms, sn);
	if(close(o->fd) < 0 && !o->err)
		o->err = errno;
	if(!o->err)
		o->err = place(tmp, name, size, numbered);
	if(o->err)
		unlink(tmp);
	quietend(&q);
	if(o->err){
		rtsay(name, ": ", strerror(o->err));
		free(o);
		return -1;
	}
	free(o);
	return 0;
}

static int
bynode(const void *a, const void *b)
{
	const Act *x = a, *y = b;

	return x->node < y->node ? -1 : x->node > y->node;
}

/*
 * The calls another thread, still running, has active now (of its
 * first nn nodes): they are charged their time so far, as the calling
 * thread's are (chargeactive). Its stack changes as we read it, so a
 * frame read half-way through a push or pop may pair one call's node
 * with another's start: the error is the time of a hook, and nodes and
 * times are checked to be in range.
 */
static void
otheractive(Thr *t, uint32_t nn, Acts *as)
{
	uint64_t now, t0;
	uintptr_t d, i;
	uint32_t k;
	Frame *top;
	Node *node;

	as->a = NULL;
	as->n = 0;
	now = clockother(t);
	top = __atomic_load_n(&t->top, __ATOMIC_ACQUIRE);
	d = top - t->stack;
	if(d == 0 || d > Maxdepth || (as->a = malloc(d * sizeof *as->a)) == NULL)
		return;
	for(i = 1; i <= d; i++){
		node = t->stack[i].node;
		t0 = t->stack[i].t0;
		if(node != NULL && (k = nodeidx(t, node)) > 0 && k < nn && t0 <= now){
			as->a[as->n].node = k;
			as->a[as->n].time = now - t0;
			as->n++;
		}
	}
	qsort(as->a, as->n, sizeof *as->a, bynode);
}

/*
 * Mticks: the time of each of the first nn nodes of t, its own ticks and
 * its descendants' (a node's parent is older than it). NULL if out of memory.
 */
static uint64_t *
inclusive(const Thr *t, uint32_t nn)
{
	uint64_t *v;
	uint32_t i;

	v = malloc((nn + 1) * sizeof *v);
	if(v == NULL)
		return NULL;
	for(i = 0; i < nn; i++)
		v[i] = nodeat(t, i)->time;
	for(i = nn; i-- > 1; )
		v[nodeat(t, i)->parent] += v[i];
	return v;
}

/* Oldest thread first. */
static void
snapreverse(Snap *sn)
{
	uint32_t i, j, nn;
	Thr *t;
	Acts a;

	for(i = 0, j = sn->n; i + 1 < j; i++){
		j--;
		t = sn->t[i], sn->t[i] = sn->t[j], sn->t[j] = t;
		nn = sn->nnode[i], sn->nnode[i] = sn->nnode[j], sn->nnode[j] = nn;
		a = sn->act[i], sn->act[i] = sn->act[j], sn->act[j] = a;
	}
}

/*
 * The trees of this generation, oldest thread first, and the size of
 * each now: threads still running may add nodes while we write.
 */
static int
snapshot(Snap *sn)
{
	uint32_t k, nt;
	Thr *t, *h;

	sn->n = 0;
	sn->lost = sn->deep = 0;
	nt = 0;
	for(t = thrlist(); t != NULL; t = t->next)
		nt++;
	sn->t = malloc((nt + 1) * sizeof *sn->t);
	sn->nnode = malloc((nt + 1) * sizeof *sn->nnode);
	sn->act = calloc(nt + 1, sizeof *sn->act);
	if(sn->t == NULL || sn->nnode == NULL || sn->act == NULL)
		return -1;
	/* newest first, as listed; a thread starting its tree over may finish it as we look */
	for(h = thrlist(); h != NULL && sn->n < nt; h = h->next)
		if((t = thrview(h))->gen == rt.gen && t->cap != 0){
			k = sn->n++;
			sn->t[k] = t;
			sn->nnode[k] = t->nnode;
			sn->lost += t->lost;
			sn->deep += t->deep;
			if(rt.mech == Mticks){
				if((sn->act[k].incl = inclusive(t, sn->nnode[k])) == NULL)
					return -1;
			}else if(t != thr)
				otheractive(t, sn->nnode[k], &sn->act[k]);
		}
	snapreverse(sn);
	return 0;
}

static void
snapfree(Snap *sn)
{
	uint32_t k;

	if(sn->act != NULL)
		for(k = 0; k < sn->n; k++){
			free(sn->act[k].a);
			free(sn->act[k].incl);
		}
	free(sn->t);
	free(sn->nnode);
	free(sn->act);
}

static int
dump(char *name, size_t size, int numbered)
{
	char msg[160];
	Mods ms;
	Snap sn;
	int e, r;

	e = errno;
	chargeactive();
	sn.t = NULL;
	sn.nnode = NULL;
	sn.act = NULL;
	sn.n = 0;
	thrlock();
	if(modsloaded(&ms) < 0 || snapshot(&sn) < 0){
		thrunlock();
		rtsay("dump: ", "", "out of memory");
		modsfree(&ms);
		snapfree(&sn);
		errno = e;
		return -1;
	}
	modsaddgone(&ms);
	r = writefile(&ms, &sn, name, size, numbered);
	thrunlock();
	if(sn.lost > sn.deep){
		snprintf(msg, sizeof msg, "%llu Prof errors: calls not recorded, buffer full at $profsize %u nodes per thread; raise or unset it",
			(unsigned long long)(sn.lost - sn.deep), rt.profsize);
		rtsay(msg, "", "");
	}
	if(rt.nomem){
		snprintf(msg, sizeof msg, "calls not recorded: out of memory for the call trees");
		rtsay(msg, "", "");
	}
	if(sn.deep > 0){
		snprintf(msg, sizeof msg, "%llu Prof errors: calls not recorded, nested deeper than %d calls",
			(unsigned long long)sn.deep, Maxdepth);
		rtsay(msg, "", "");
	}
	modsfree(&ms);
	snapfree(&sn);
	errno = e;
	return r;
}

/*
 * Writing the profile is no cancellation point: a thread cancelled in
 * it would leave the registry locked and the file half made.
 */
static int
dumpas(char *name, size_t size, int numbered)
{
	int r, cs;

	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &cs);
	r = dump(name, size, numbered);
	pthread_setcancelstate(cs, NULL);
	return r;
}

/* Write prof.<pid>, replacing it. */
int
profdump(void)
{
	char name[64];

	snprintf(name, sizeof name, "prof.%d", rt.pid);
	return dumpas(name, sizeof name, 0);
}

/*
 * Write the first free prof.<pid>.<n> (an image about to exec; the new
 * image of the same pid writes prof.<pid>), its name into name.
 */
int
profdumpnext(char *name, size_t size)
{
	snprintf(name, size, "prof.%d", rt.pid);
	return dumpas(name, size, 1);
}
