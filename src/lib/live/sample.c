/*
 * The perf sampler: a software cpu-clock event on every thread, one
 * sample per period of the thread's CPU time, read from a ring buffer
 * per CPU.
 *
 * New threads and processes: the events are inherited (attr.inherit), so
 * the threads and processes a sampled thread creates are sampled from
 * their first instruction, into the same rings, and PERF_RECORD_FORK and
 * _EXIT say which threads those are. Processes that start the program
 * on their own are found by scanning /proc every 100 ms (such a process
 * may go unsampled for that long); the scan also tells when none is
 * left. The kernel will not mmap an inherited per-thread event (all the
 * children would write one buffer), so, as perf record -p does, each
 * thread has an event per CPU and the events of a CPU share its ring.
 *
 * Records are sorted by time before use, since a process may fork on
 * one CPU and its child run on another; mappings come from
 * PERF_RECORD_MMAP2, so pcs are placed even after a process is gone.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "live/live.h"

typedef struct Ring Ring;
typedef struct Thr Thr;
typedef struct Rec Rec;
typedef struct Perf Perf;

struct Ring
{
	int fd;			/* the CPU's first event, -1 until there is one */
	struct perf_event_mmap_page *pg;
	char *data;
	uint64_t size;		/* of the data area, a power of 2 */
	size_t maplen;
	int hup;		/* poll says hang-up: poll it no more */
};

/* A thread known to be sampled; fd and id set if we opened its events. */
struct Thr
{
	int tid;		/* 0: free slot; -1: deleted */
	int *fd;		/* one per CPU */
	uint64_t *id;
};

/* A record of the current batch: its time and place in the arena. */
struct Rec
{
	uint64_t time;
	size_t off;
};

struct Perf
{
	Sampling *s;
	int *cpu;
	size_t ncpu;
	Ring *ring;		/* one per CPU */
	size_t pages;		/* data pages per ring */
	int exclk;		/* exclude_kernel */
	int opened;		/* some event is open */
	Thr *thr;		/* open addressing by tid */
	size_t nthr, thrcap;
	char *arena;
	size_t alen, acap;
	Rec *rec;
	size_t nrec, reccap;
};

/*
 * Sample records: ip, pid and tid, time, event id; other records end with
 * the last three. The id is the event's, or for an inherited copy its
 * original's (the kernel swaps copies between threads at context switches,
 * so a copy's own id tells nothing).
 */
enum
{
	Sampletype = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME | PERF_SAMPLE_ID,
	Scanns = 100 * 1000 * 1000,
	Maxpages = 1024,
};

struct Sample
{
	struct perf_event_header h;
	uint64_t ip;
	uint32_t pid, tid;
	uint64_t time;
	uint64_t id;
};

struct Task		/* PERF_RECORD_FORK and _EXIT */
{
	struct perf_event_header h;
	uint32_t pid, ppid, tid, ptid;
	uint64_t time;
};

struct Mmap2
{
	struct perf_event_header h;
	uint32_t pid, tid;
	uint64_t addr, len, pgoff;
	uint32_t maj, min;
	uint64_t ino, gen;
	uint32_t prot, flags;
	char file[];
};

/* The online CPUs, from /sys (a list like 0-3,6), else all configured. 0 or -1. */
static int
cpus(Perf *p)
{
	char buf[4096], *s, *e;
	long a, b, n;
	FILE *f;

	n = sysconf(_SC_NPROCESSORS_CONF);
	if(n < 1)
		n = 1;
	buf[0] = '\0';
	f = fopen("/sys/devices/system/cpu/online", "r");
	if(f != NULL){
		if(fgets(buf, sizeof buf, f) == NULL)
			buf[0] = '\0';
		fclose(f);
	}
	p->cpu = malloc(4096 * sizeof *p->cpu);
	if(p->cpu == NULL)
		return -1;
	for(s = buf; *s >= '0' && *s <= '9' && p->ncpu < 4096; s = e + (*e == ',')){
		a = b = strtol(s, &e, 10);
		if(*e == '-')
			b = strtol(e + 1, &e, 10);
		for(; a <= b && p->ncpu < 4096; a++)
			p->cpu[p->ncpu++] = (int)a;
	}
	for(a = 0; p->ncpu == 0 && a < n && a < 4096; a++)
		p->cpu[a] = (int)a;
	if(p->ncpu == 0)
		p->ncpu = n < 4096 ? (size_t)n : 4096;
	return 0;
}

static size_t
tidhash(int tid, size_t cap)
{
	return ((uint64_t)(unsigned)tid * 0x9E3779B97F4A7C15u >> 24) & (cap - 1);
}

/* The thread tid, or NULL. */
static Thr *
thrfind(Perf *p, int tid)
{
	size_t h;

	if(p->thrcap == 0)
		return NULL;
	for(h = tidhash(tid, p->thrcap); p->thr[h].tid != 0; h = (h + 1) & (p->thrcap - 1))
		if(p->thr[h].tid == tid)
			return &p->thr[h];
	return NULL;
}

/* Rebuild the table with room to spare, dropping deleted slots. 0 or -1. */
static int
thrgrow(Perf *p)
{
	Thr *t, *old;
	size_t i, cap, h, n;

	n = 0;
	for(i = 0; i < p->thrcap; i++)
		n += p->thr[i].tid > 0;
	for(cap = 64; cap < 4 * (n + 1); cap *= 2)
		;
	t = calloc(cap, sizeof *t);
	if(t == NULL)
		return -1;
	old = p->thr;
	for(i = 0; i < p->thrcap; i++){
		if(old[i].tid <= 0)
			continue;
		for(h = tidhash(old[i].tid, cap); t[h].tid != 0; h = (h + 1) & (cap - 1))
			;
		t[h] = old[i];
	}
	free(old);
	p->thr = t;
	p->thrcap = cap;
	p->nthr = n;
	return 0;
}

/* Thread tid, added if new; NULL if out of memory. */
static Thr *
thradd(Perf *p, int tid)
{
	Thr *t;
	size_t h;

	if((t = thrfind(p, tid)) != NULL)
		return t;
	if(2 * (p->nthr + 1) > p->thrcap && thrgrow(p) < 0)
		return NULL;
	for(h = tidhash(tid, p->thrcap); p->thr[h].tid > 0; h = (h + 1) & (p->thrcap - 1))
		;
	t = &p->thr[h];
	if(t->tid == 0)
		p->nthr++;	/* deleted slots stay counted until thrgrow */
	t->tid = tid;
	t->fd = NULL;
	t->id = NULL;
	return t;
}

/* Is fd some ring's own? */
static int
ringfd(const Perf *p, int fd)
{
	size_t c;

	for(c = 0; c < p->ncpu; c++)
		if(p->ring[c].fd == fd)
			return 1;
	return 0;
}

/* Forget thread t, closing its events (not those whose rings others write). */
static void
thrdel(Perf *p, Thr *t)
{
	size_t c;

	if(t->fd != NULL)
		for(c = 0; c < p->ncpu; c++)
			if(t->fd[c] >= 0 && !ringfd(p, t->fd[c]))
				close(t->fd[c]);
	free(t->fd);
	free(t->id);
	t->fd = NULL;
	t->id = NULL;
	t->tid = -1;
}

static int
perfopen(const Perf *p, int tid, int cpu)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = PERF_TYPE_SOFTWARE;
	a.config = PERF_COUNT_SW_CPU_CLOCK;
	a.sample_period = p->s->period;
	a.sample_type = Sampletype;
	a.disabled = 1;		/* until its output is set */
	a.inherit = 1;
	a.exclude_kernel = p->exclk;
	a.exclude_hv = p->exclk;
	a.mmap = 1;
	a.mmap2 = 1;
	a.comm = 1;
	a.comm_exec = 1;
	a.task = 1;
	a.sample_id_all = 1;
	a.watermark = 1;
	a.wakeup_watermark = p->pages * 4096 / 4;
	return (int)syscall(SYS_perf_event_open, &a, tid, cpu, -1, PERF_FLAG_FD_CLOEXEC);
}

/* The first number in file, or -1000. */
static long
readnum(const char *file)
{
	char buf[64];
	FILE *f;
	long v;

	f = fopen(file, "r");
	if(f == NULL)
		return -1000;
	v = fgets(buf, sizeof buf, f) != NULL ? strtol(buf, NULL, 10) : -1000;
	fclose(f);
	return v;
}

/* Do we hold capability cap (effective)? */
static int
hascap(int cap)
{
	char line[256];
	unsigned long long m;
	FILE *f;
	int has;

	has = 0;
	f = fopen("/proc/self/status", "r");
	if(f == NULL)
		return 0;
	while(fgets(line, sizeof line, f) != NULL)
		if(sscanf(line, "CapEff: %llx", &m) == 1)
			has = (m >> cap) & 1;
	fclose(f);
	return has;
}

enum { Capsysadmin = 21, Capperfmon = 38 };

/* Say why perf_event_open failed with err, and how to fix it. Srefused. */
static int
refused(int err, int tid)
{
	long par;
	int priv;

	par = readnum("/proc/sys/kernel/perf_event_paranoid");
	priv = hascap(Capperfmon) || hascap(Capsysadmin);
	if((err == EACCES || err == EPERM) && !priv && par >= 3)
		werrstr("perf_event_open: %s: perf events are off for users (kernel.perf_event_paranoid is %ld); "
			"fix: sysctl kernel.perf_event_paranoid=2, or give tprof CAP_PERFMON", strerror(err), par);
	else if(err == EACCES || err == EPERM)
		werrstr("perf_event_open: thread %d: %s: refused by a seccomp filter or security module "
			"(kernel.perf_event_paranoid is %ld, not the cause); fix: allow perf_event_open "
			"(e.g. docker --security-opt seccomp=unconfined)", tid, strerror(err), par);
	else if(err == ENOSYS)
		werrstr("perf_event_open: %s: a kernel without perf events, or a seccomp filter refusing it",
			strerror(err));
	else
		werrstr("perf_event_open: cpu-clock: %s", strerror(err));
	return Srefused;
}

/* Map fd's ring as r, with fewer pages if the locked-memory limit says no. 0 or -1. */
static int
ringmap(Perf *p, Ring *r, int fd)
{
	size_t pages;
	void *m;

	for(pages = p->pages; pages >= 1; pages /= 2){
		m = mmap(NULL, (pages + 1) * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if(m != MAP_FAILED){
			r->fd = fd;
			r->pg = m;
			r->data = (char *)m + 4096;
			r->size = pages * 4096;
			r->maplen = (pages + 1) * 4096;
			return 0;
		}
		if(errno != EPERM && errno != ENOMEM)
			break;
	}
	if(errno == EPERM)
		werrstr("perf ring buffer: %s: over the locked-memory limit (kernel.perf_event_mlock_kb is %ld); "
			"fix: raise it, or ulimit -l", strerror(errno), readnum("/proc/sys/kernel/perf_event_mlock_kb"));
	else
		werrstr("perf ring buffer: %s", strerror(errno));
	return -1;
}

/* Give fd, tid's event on the c'th CPU, a ring and start it. 0 or -1. */
static int
output(Perf *p, size_t c, int fd, Thr *t)
{
	Ring *r;

	r = &p->ring[c];
	if(r->fd < 0){
		if(ringmap(p, r, fd) < 0)
			return -1;
	}else if(ioctl(fd, PERF_EVENT_IOC_SET_OUTPUT, r->fd) < 0){
		werrstr("perf: set output: %s", strerror(errno));
		return -1;
	}
	if(ioctl(fd, PERF_EVENT_IOC_ID, &t->id[c]) < 0 || ioctl(fd, PERF_EVENT_IOC_ENABLE, 0) < 0){
		werrstr("perf: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Open an event for tid on the c'th CPU; at the first, learn whether kernel samples are allowed. */
static int
open1(Perf *p, int tid, size_t c)
{
	int fd;

	fd = perfopen(p, tid, p->cpu[c]);
	if(fd < 0 && (errno == EACCES || errno == EPERM) && !p->opened && !p->exclk){
		/* perf_event_paranoid 2: our own processes, in user mode only */
		p->exclk = 1;
		fd = perfopen(p, tid, p->cpu[c]);
		if(fd >= 0)
			p->s->nokernel = 1;
		else
			p->exclk = 0;
	}
	return fd;
}

/* Sample thread tid on every CPU. 0 (also if it is gone), -1, or Srefused. */
static int
attach(Perf *p, int tid)
{
	size_t c;
	int fd;
	Thr *t;

	t = thradd(p, tid);
	if(t == NULL || t->fd != NULL)
		return t == NULL ? (werrstr("perf: out of memory"), -1) : 0;
	t->fd = malloc(p->ncpu * sizeof *t->fd);
	t->id = calloc(p->ncpu, sizeof *t->id);
	if(t->fd == NULL || t->id == NULL){
		thrdel(p, t);
		werrstr("perf: out of memory");
		return -1;
	}
	for(c = 0; c < p->ncpu; c++)
		t->fd[c] = -1;
	for(c = 0; c < p->ncpu; c++){
		if((fd = open1(p, tid, c)) < 0){
			if(errno == ENODEV)
				continue;	/* an offline CPU */
			thrdel(p, t);
			if(!p->opened && errno != ESRCH)
				return refused(errno, tid);
			if(errno == EMFILE || errno == ENFILE){
				werrstr("perf_event_open: %s; fix: raise the limit (ulimit -n)", strerror(errno));
				return -1;
			}
			return 0;	/* gone, or not ours to sample */
		}
		t->fd[c] = fd;
		if(output(p, c, fd, t) < 0){
			thrdel(p, t);
			return -1;
		}
		p->opened = 1;
	}
	return 0;
}

/* Sample every thread of pid, including threads it starts meanwhile. 0, -1 or Srefused. */
static int
attachproc(Perf *p, int pid)
{
	size_t i, n, fresh, round;
	int *tid, r;

	/* until a listing shows no thread we have not tried (bounded: a fork bomb never settles) */
	for(round = 0; round < 100; round++){
		if(proctasks(pid, &tid, &n) < 0)
			return 0;	/* gone */
		fresh = 0;
		r = 0;
		for(i = 0; i < n && r == 0; i++)
			if(thrfind(p, tid[i]) == NULL){
				r = attach(p, tid[i]);
				fresh += thrfind(p, tid[i]) != NULL;
			}
		free(tid);
		if(r < 0 || fresh == 0)
			return r;
	}
	return 0;
}

/* Room for n more bytes in the arena and one more record. 0 or -1. */
static int
batchroom(Perf *p, size_t n)
{
	size_t cap;
	void *v;

	if(p->alen + n > p->acap){
		for(cap = p->acap ? 2 * p->acap : 1 << 16; cap < p->alen + n; cap *= 2)
			;
		if((v = realloc(p->arena, cap)) == NULL)
			return -1;
		p->arena = v;
		p->acap = cap;
	}
	if(p->nrec == p->reccap){
		cap = p->reccap ? 2 * p->reccap : 4096;
		if((v = realloc(p->rec, cap * sizeof *p->rec)) == NULL)
			return -1;
		p->rec = v;
		p->reccap = cap;
	}
	return 0;
}

/* Copy n bytes from offset pos of r's data area (which wraps) to dst. */
static void
ringcopy(const Ring *r, uint64_t pos, void *dst, size_t n)
{
	size_t o, k;

	o = pos & (r->size - 1);
	k = r->size - o < n ? r->size - o : n;
	memcpy(dst, r->data + o, k);
	memcpy((char *)dst + k, r->data, n - k);
}

/* A record's time: in the sample itself, else at the end (sample_id_all). */
static uint64_t
rectime(const struct perf_event_header *h)
{
	uint64_t t;

	if(h->type == PERF_RECORD_SAMPLE)
		return ((const struct Sample *)h)->time;
	if(h->size < sizeof *h + 16)
		return 0;
	memcpy(&t, (const char *)h + h->size - 16, sizeof t);
	return t;
}

/* Move r's records to the batch. 0, or -1 if out of memory (the rest stay in r). */
static int
readring(Perf *p, Ring *r)
{
	struct perf_event_header h;
	uint64_t head, tail;
	Rec *rec;

	head = __atomic_load_n(&r->pg->data_head, __ATOMIC_ACQUIRE);
	tail = r->pg->data_tail;
	while(tail < head){
		ringcopy(r, tail, &h, sizeof h);
		if(h.size < sizeof h || h.size > r->size){
			tail = head;	/* cannot happen; skip what is there */
			break;
		}
		if(batchroom(p, h.size + 8) < 0)
			break;
		rec = &p->rec[p->nrec++];
		rec->off = p->alen;
		ringcopy(r, tail, p->arena + p->alen, h.size);
		rec->time = rectime((struct perf_event_header *)(p->arena + p->alen));
		p->alen += (h.size + 7) & ~(size_t)7;
		tail += h.size;
	}
	__atomic_store_n(&r->pg->data_tail, tail, __ATOMIC_RELEASE);
	return tail < head ? -1 : 0;
}

static int
reccmp(const void *va, const void *vb)
{
	const Rec *a, *b;

	a = va;
	b = vb;
	if(a->time != b->time)
		return a->time < b->time ? -1 : 1;
	return (a->off > b->off) - (a->off < b->off);
}

static void
sample(Perf *p, const struct Sample *r)
{
	Thr *t;
	size_t c;
	int kernel;

	t = thrfind(p, (int)r->tid);
	if(t != NULL && t->id != NULL){
		/* tid has events of its own: a copy inherited from its creator is a double */
		for(c = 0; c < p->ncpu && t->id[c] != r->id; c++)
			;
		if(c == p->ncpu)
			return;
	}else if(t == NULL)
		thradd(p, (int)r->tid);
	kernel = (r->h.misc & PERF_RECORD_MISC_CPUMODE_MASK) != PERF_RECORD_MISC_USER;
	if(tallysample(p->s->tally, (int)r->pid, r->ip, kernel, 1))
		p->s->nsample++;
}

static void
task(Perf *p, const struct Task *r)
{
	Thr *t;

	if(r->h.type == PERF_RECORD_FORK){
		thradd(p, (int)r->tid);
		if(r->pid != r->ppid)
			tallyfork(p->s->tally, (int)r->pid, (int)r->ppid);
		return;
	}
	if((t = thrfind(p, (int)r->tid)) != NULL)
		thrdel(p, t);
	if(r->pid == r->tid)
		tallyexit(p->s->tally, (int)r->pid);
}

static void
mmap2(Perf *p, const struct Mmap2 *r)
{
	size_t n;
	Map m;

	n = r->h.size - sizeof *r;
	if(n == 0 || memchr(r->file, '\0', n) == NULL)
		return;
	m.start = r->addr;
	m.end = r->addr + r->len;
	m.off = r->pgoff;
	m.ino = r->ino;
	m.dev = r->ino != 0 ? makedev(r->maj, r->min) : 0;
	m.path = (char *)(strcmp(r->file, "//anon") == 0 ? "[anon]" : r->file);
	tallymap(p->s->tally, (int)r->pid, &m);
}

/* Use one record. */
static void
record(Perf *p, const struct perf_event_header *h)
{
	uint64_t lost;

	switch(h->type){
	case PERF_RECORD_SAMPLE:
		if(h->size >= sizeof(struct Sample))
			sample(p, (const struct Sample *)h);
		break;
	case PERF_RECORD_FORK:
	case PERF_RECORD_EXIT:
		if(h->size >= sizeof(struct Task))
			task(p, (const struct Task *)h);
		break;
	case PERF_RECORD_COMM:
		if(h->misc & PERF_RECORD_MISC_COMM_EXEC && h->size >= sizeof *h + 8)
			tallyexec(p->s->tally, (int)((const uint32_t *)(h + 1))[0]);
		break;
	case PERF_RECORD_MMAP2:
		if(h->size > sizeof(struct Mmap2))
			mmap2(p, (const struct Mmap2 *)h);
		break;
	case PERF_RECORD_LOST:
		if(h->size >= sizeof *h + 16){
			memcpy(&lost, (const char *)(h + 1) + 8, sizeof lost);
			p->s->lost += lost;
		}
		break;
	case PERF_RECORD_THROTTLE:
		p->s->throttled = 1;
		break;
	}
}

/* Read every ring and use the records in time order. */
static void
drain(Perf *p)
{
	size_t c, i;

	for(c = 0; c < p->ncpu; c++)
		if(p->ring[c].fd >= 0)
			readring(p, &p->ring[c]);
	if(p->nrec > 1)
		qsort(p->rec, p->nrec, sizeof *p->rec, reccmp);
	for(i = 0; i < p->nrec; i++)
		record(p, (const struct perf_event_header *)(p->arena + p->rec[i].off));
	p->nrec = 0;
	p->alen = 0;
}

/*
 * Attach to the threads of the processes running the text that are not
 * sampled yet. Whether any process is left; -1 on error.
 */
static int
rescan(Perf *p)
{
	size_t i, j, n, nt;
	int *pid, *tid, fresh, r;

	if(textprocs(p->s->text, &pid, &n) < 0)
		return -1;
	fresh = 0;
	for(i = 0; i < n && !fresh; i++){
		if(proctasks(pid[i], &tid, &nt) < 0)
			continue;
		for(j = 0; j < nt; j++)
			fresh |= thrfind(p, tid[j]) == NULL;
		free(tid);
	}
	r = 0;
	if(fresh){
		drain(p);	/* their creators' fork records may be waiting */
		for(i = 0; i < n && r >= 0; i++)
			if((r = attachproc(p, pid[i])) == 0)
				tallyruns(p->s->tally, pid[i]);	/* reads its mappings if new */
	}
	free(pid);
	if(r < 0)
		return r == Srefused ? -1 : r;
	return n > 0;
}

/* Wait for ring data, a signal, or until ms pass. */
static void
await(Perf *p, int ms)
{
	struct pollfd fds[64];
	size_t c, n, k;

	n = 0;
	for(c = 0; c < p->ncpu && n < 64; c++)
		if(p->ring[c].fd >= 0 && !p->ring[c].hup){
			fds[n].fd = p->ring[c].fd;
			fds[n++].events = POLLIN;
		}
	if(poll(fds, n, ms) <= 0)
		return;
	for(k = 0; k < n; k++)
		if(fds[k].revents & (POLLHUP | POLLERR))
			for(c = 0; c < p->ncpu; c++)
				if(p->ring[c].fd == fds[k].fd)
					p->ring[c].hup = 1;	/* its first thread is gone; keep reading it */
}

/* Has the launched child exited? Reap it. */
static void
reap(Sampling *s)
{
	int st;

	if(s->child > 0 && !s->childdone && waitpid(s->child, &st, WNOHANG) == s->child){
		s->childdone = 1;
		s->childstatus = st;
	}
}

/* Sample until told to stop or no process is left. 0 or -1. */
static int
run(Perf *p)
{
	Sampling *s;
	int64_t now, scan, ms;
	int r;

	s = p->s;
	scan = nsnow() + Scanns;
	for(;;){
		now = nsnow();
		if(*s->stop || (s->deadline > 0 && now >= s->deadline))
			break;
		ms = (scan - now) / 1000000;
		if(s->deadline > 0 && (s->deadline - now) / 1000000 < ms)
			ms = (s->deadline - now) / 1000000;
		await(p, ms > 0 ? (int)ms + 1 : 1);
		drain(p);
		reap(s);
		if(nsnow() >= scan){
			scan += Scanns;
			if((r = rescan(p)) <= 0){
				s->allgone = r == 0;
				return r;
			}
		}
	}
	return 0;
}

/* Data pages per ring: 200 ms of samples from one CPU, twice over. */
static size_t
ringpages(uint64_t period)
{
	uint64_t need;
	size_t pages;

	need = sizeof(struct Sample) * (200000000 / (period ? period : 1)) * 2;
	for(pages = 8; pages * 4096 < need && pages < Maxpages; pages *= 2)
		;
	return pages;
}

static void
perffree(Perf *p)
{
	size_t i;

	for(i = 0; i < p->thrcap; i++)
		if(p->thr[i].tid > 0)
			thrdel(p, &p->thr[i]);
	for(i = 0; p->ring != NULL && i < p->ncpu; i++)
		if(p->ring[i].fd >= 0){
			munmap(p->ring[i].pg, p->ring[i].maplen);
			close(p->ring[i].fd);
		}
	free(p->thr);
	free(p->ring);
	free(p->cpu);
	free(p->arena);
	free(p->rec);
}

/* Attach to the processes at the start and the launched child. 0, -1 or Srefused. */
static int
start(Perf *p)
{
	Sampling *s;
	size_t i;
	int r;

	s = p->s;
	r = 0;
	if(s->child > 0)
		r = attachproc(p, s->child);
	for(i = 0; i < s->npids && r == 0; i++)
		r = attachproc(p, s->pids[i]);
	if(r < 0)
		return r;
	/* after the events: a mapping made since is in a record too */
	if(s->child > 0)
		tallyreadmaps(s->tally, s->child);
	for(i = 0; i < s->npids; i++)
		tallyreadmaps(s->tally, s->pids[i]);
	if(s->child > 0 && ptrace(PTRACE_DETACH, s->child, 0, 0) < 0){
		werrstr("ptrace: detach %d: %s", s->child, strerror(errno));
		return -1;
	}
	return 0;
}

int
perfsample(Sampling *s)
{
	Perf p;
	size_t c;
	int r;

	memset(&p, 0, sizeof p);
	p.s = s;
	p.pages = ringpages(s->period);
	if(cpus(&p) < 0 || (p.ring = calloc(p.ncpu, sizeof *p.ring)) == NULL){
		perffree(&p);
		werrstr("perf: out of memory");
		return -1;
	}
	for(c = 0; c < p.ncpu; c++)
		p.ring[c].fd = -1;
	r = start(&p);
	if(r == 0 && !p.opened)
		s->allgone = 1;	/* every thread was gone before it could be sampled */
	else if(r == 0)
		r = run(&p);
	drain(&p);
	reap(s);
	perffree(&p);
	return r;
}
