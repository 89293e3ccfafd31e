/* kprof's recorder: the kernel sampled on every CPU with perf_event_open, into Plan 9's kpdata layout. */
#include <errno.h>
#include <linux/perf_event.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kern/kern.h"

enum {
	Ringpages = 64,		/* data pages per CPU: 16,384 samples, 16 s at 1 ms */
	Pollms = 100,
	Hdr = 2,		/* Plan 9's header words, overlaying buckets 0 and 1 */
};

typedef struct Ring Ring;
struct Ring
{
	int fd;
	unsigned char *map;	/* the metadata page, then the data */
	size_t pgsize;
};

typedef struct Rec Rec;
struct Rec
{
	Ring *ring;
	int nring;
	Ticks *t;
	Krec *r;
};

/* A cpu-clock event of kernel-mode samples on cpu, or -1 with errno. */
static int
cpuevent(int cpu, uint64_t period)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = PERF_TYPE_SOFTWARE;
	a.config = PERF_COUNT_SW_CPU_CLOCK;
	a.sample_period = period;
	a.sample_type = PERF_SAMPLE_IP;
	a.exclude_user = 1;
	a.exclude_hv = 1;
	a.disabled = 1;
	return (int)syscall(SYS_perf_event_open, &a, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
}

static long
paranoia(void)
{
	unsigned char *b;
	size_t n;
	long v;

	b = readfile("/proc/sys/kernel/perf_event_paranoid", &n);
	if(b == NULL)
		return -99;
	v = n > 0 ? strtol((char *)b, NULL, 10) : -99;
	free(b);
	return v;
}

/* Say why the event of cpu could not be opened. */
static void
refused(int err, int cpu)
{
	if(err == EACCES || err == EPERM)
		werrstr("perf_event_open: cpu %d: %s: sampling the kernel needs root or CAP_PERFMON "
			"(kernel.perf_event_paranoid is %ld)", cpu, strerror(err), paranoia());
	else
		werrstr("perf_event_open: cpu %d: %s", cpu, strerror(err));
}

/* Open and map the event of every online CPU. 0 or -1. */
static int
openrings(Rec *c)
{
	long ncpu, cpu;
	Ring *g;
	int fd;

	ncpu = sysconf(_SC_NPROCESSORS_CONF);
	if(ncpu < 1)
		ncpu = 1;
	c->ring = calloc(ncpu, sizeof *c->ring);
	if(c->ring == NULL){
		werrstr("recorder: out of memory");
		return -1;
	}
	for(cpu = 0; cpu < ncpu; cpu++){
		fd = cpuevent((int)cpu, c->r->period);
		if(fd < 0 && (errno == ENODEV || errno == ENOENT))
			continue;	/* an offline CPU */
		if(fd < 0){
			refused(errno, (int)cpu);
			return -1;
		}
		g = &c->ring[c->nring++];
		g->fd = fd;
		g->pgsize = sysconf(_SC_PAGESIZE);
		g->map = mmap(NULL, (Ringpages + 1) * g->pgsize, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if(g->map == MAP_FAILED){
			g->map = NULL;
			werrstr("perf ring buffer: %s", strerror(errno));
			return -1;
		}
	}
	if(c->nring == 0){
		werrstr("perf_event_open: no CPU to sample");
		return -1;
	}
	c->r->ncpu = c->nring;
	return 0;
}

static void
closerings(Rec *c)
{
	int i;

	for(i = 0; i < c->nring; i++){
		if(c->ring[i].map != NULL)
			munmap(c->ring[i].map, (Ringpages + 1) * c->ring[i].pgsize);
		close(c->ring[i].fd);
	}
	free(c->ring);
}

/* Count a sample at pc. */
static void
count(Rec *c, uint64_t pc)
{
	Ticks *t;
	uint64_t j;

	t = c->t;
	t->total++;
	c->r->nsample++;
	j = (pc - c->r->base) / 8;
	if(pc < c->r->base || pc >= c->r->etext || j < Hdr || j >= t->nword)
		t->outside++;
	else
		t->word[j]++;
}

/* n bytes of the ring's data from position pos (which wraps). */
static void
ringcopy(const Ring *g, uint64_t pos, void *dst, size_t n)
{
	size_t size, off, k;
	unsigned char *data;

	size = Ringpages * g->pgsize;
	data = g->map + g->pgsize;
	off = pos % size;
	k = n < size - off ? n : size - off;
	memcpy(dst, data + off, k);
	memcpy((unsigned char *)dst + k, data, n - k);
}

/* Take the records written to g so far. */
static void
drain(Rec *c, Ring *g)
{
	struct perf_event_mmap_page *m;
	struct perf_event_header h;
	uint64_t head, tail, v[2];

	m = (struct perf_event_mmap_page *)g->map;
	head = __atomic_load_n(&m->data_head, __ATOMIC_ACQUIRE);
	for(tail = m->data_tail; tail + sizeof h <= head; tail += h.size){
		ringcopy(g, tail, &h, sizeof h);
		if(h.size < sizeof h)
			break;
		if(h.type == PERF_RECORD_SAMPLE && h.size >= sizeof h + 8){
			ringcopy(g, tail + sizeof h, v, 8);
			count(c, v[0]);
		}else if(h.type == PERF_RECORD_LOST && h.size >= sizeof h + 16){
			ringcopy(g, tail + sizeof h, v, 16);
			c->r->lost += v[1];
		}
	}
	__atomic_store_n(&m->data_tail, head, __ATOMIC_RELEASE);
}

/* Should the recording end now? */
static int
done(Krec *r)
{
	int st;

	if(r->stop != NULL && *r->stop)
		return 1;
	if(r->deadline != 0 && nsnow() >= r->deadline)
		return 1;
	if(r->child > 0 && waitpid(r->child, &st, WNOHANG) == r->child){
		r->childstatus = st;
		r->childdone = 1;
		return 1;
	}
	return 0;
}

static void
enable(Rec *c, unsigned long req)
{
	int i;

	for(i = 0; i < c->nring; i++)
		ioctl(c->ring[i].fd, req, 0);
}

static void
run(Rec *c)
{
	int i;

	enable(c, PERF_EVENT_IOC_ENABLE);
	if(c->r->go >= 0){
		if(write(c->r->go, "g", 1) < 0){
			/* the command is gone already: done() sees it */
		}
		close(c->r->go);
		c->r->go = -1;
	}
	while(!done(c->r)){
		poll(NULL, 0, Pollms);
		for(i = 0; i < c->nring; i++)
			drain(c, &c->ring[i]);
	}
	enable(c, PERF_EVENT_IOC_DISABLE);
	for(i = 0; i < c->nring; i++)
		drain(c, &c->ring[i]);
}

/* Plan 9's kpdata for the text [base, etext). */
static Ticks *
newticks(const Krec *r)
{
	Ticks *t;
	size_t n;

	if(r->etext <= r->base || (r->etext - r->base) / 8 > ((uint64_t)1 << 28)){
		werrstr("recorder: kernel text [%#llx, %#llx) is not plausible",
			(unsigned long long)r->base, (unsigned long long)r->etext);
		return NULL;
	}
	n = (r->etext - r->base + 7) / 8;
	if(n < Hdr)
		n = Hdr;
	t = calloc(1, sizeof *t);
	if(t == NULL || (t->word = calloc(n, sizeof *t->word)) == NULL){
		free(t);
		werrstr("recorder: out of memory");
		return NULL;
	}
	t->nword = n;
	t->first = Hdr;
	t->res = 8;
	t->start = r->base + 8 * Hdr;
	return t;
}

Ticks *
krecord(Krec *r)
{
	Rec c;

	memset(&c, 0, sizeof c);
	c.r = r;
	c.t = newticks(r);
	if(c.t == NULL)
		return NULL;
	if(openrings(&c) < 0){
		closerings(&c);
		ticksfree(c.t);
		return NULL;
	}
	run(&c);
	closerings(&c);
	return c.t;
}
