/*
 * The runtime's life cycle: switched on before main from $proftype and
 * $profsize, flushed at exit and just before exec; a forked child is not
 * profiled unless it calls prof().
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "prof.h"
#include "proffile.h"
#include "clock.h"
#include "mods.h"
#include "rt.h"

enum { Maxprofsize = 100000000 };

static volatile uint64_t nkey0 = ~Keyoff;	/* until rtinit has its page */
Rt rt = { .nkey = &nkey0 };

static int
typeof_env(void)
{
	const char *s;

	s = getenv("proftype");
	if(s == NULL || strcmp(s, "user") == 0)
		return Pfuser;
	if(strcmp(s, "kernel") == 0)
		return Pfkernel;
	if(strcmp(s, "elapsed") == 0 || strcmp(s, "time") == 0)
		return Pfelapsed;
	if(strcmp(s, "sample") == 0)
		return Pfsample;
	rtsay("$proftype ", s, ": unknown; using user");
	return Pfuser;
}

static uint32_t
size_env(void)
{
	const char *s;
	char *end;
	long n;

	s = getenv("profsize");
	if(s == NULL)
		return Defprofsize;
	n = strtol(s, &end, 0);
	if(*s == '\0' || *end != '\0' || n <= 0 || n > Maxprofsize){
		rtsay("$profsize ", s, ": not a count from 1 to 100000000; no limit");
		return Defprofsize;
	}
	return (uint32_t)n;
}

/* the key's parts change under keylock: two threads' changes must not cross */
static pthread_mutex_t keylock = PTHREAD_MUTEX_INITIALIZER;

/* the libc functions the runtime stands for come with it into a static link (libc.c) */
static const char *const withlibc __attribute__((used)) = &rtlibc;

static void
atfork_child(void)
{
	/* alone now; keylock may have been held by a thread that is gone */
	pthread_mutex_init(&keylock, NULL);
	rt.on = rt.offs = 0;
	*rt.nkey = ~Keyoff;
	rt.ticking = 0;		/* a child has no interval timer of its parent's */
	rtsigforkchild();
	thrforkchild();
}

#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK 18
#endif

/* The key's page (see rtkey); without MADV_WIPEONFORK (Linux < 4.14), nkey0. */
static void
keypage(void)
{
	uint64_t *p;

	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if(p == MAP_FAILED)
		return;
	if(madvise(p, 4096, MADV_WIPEONFORK) < 0){
		munmap(p, 4096);
		return;
	}
	*p = *rt.nkey;
	rt.nkey = p;
}

/* Even while another thread is inside Profoff: the profile so far. */
static void
atexit_dump(void)
{
	sigset_t m;
	Fpenv fe;

	if(rt.on && rt.pid == getpid()){
		fpsave(&fe);
		rtdumpbegin(&m);
		rtrecord(0);
		profdump();
		rtdumpend(&m);
		fprestore(&fe);
	}
}

/* The key, which every hook compares with its thread's: on, and no Profoff running. */
static void
setkey(void)
{
	*rt.nkey = ~(rt.on && rt.offs == 0 ? keyfor(rt.gen) : Keyoff);
}

/* A profile is being made, or not. */
void
rtrecord(int on)
{
	pthread_mutex_lock(&keylock);
	rt.on = on;
	setkey();
	pthread_mutex_unlock(&keylock);
}

/*
 * A Profoff call begins (1) or ends (-1): recording is off while any
 * runs. A forked child counts none: one that its thread was inside ends.
 */
void
rtoffs(int delta)
{
	pthread_mutex_lock(&keylock);
	if(rt.offs + delta >= 0)
		rt.offs += delta;
	setkey();
	pthread_mutex_unlock(&keylock);
}

/* Begin a profile: every thread's tree starts afresh at its next call. */
void
rtstart(int proftype, uint32_t profsize)
{
	Fpenv fe;
	int pid;

	fpsave(&fe);
	rtrecord(0);
	pid = getpid();
	/* a forked child has no interval timer of its parent's */
	if(proftype != rt.proftype || rt.mech == 0 || pid != rt.pid)
		clockinit(proftype);
	else
		clockresume();
	hookmode();
	rt.profsize = profsize;
	rt.nomem = 0;
	rt.pid = pid;
	thrlock();	/* not while a dump (another thread's prof()) reads this generation's trees */
	rt.gen++;
	modsforget();
	thrunlock();
	rtrecord(1);
	fprestore(&fe);
}

__attribute__((constructor, no_instrument_function)) static void
rtinit(void)
{
	keypage();
	rtstart(typeof_env(), size_env());
	rtsiginit();
	pthread_atfork(thrforkprepare, thrforkparent, atfork_child);
	atexit(atexit_dump);
}

EXPORT void
prof(void (*fn)(void *), void *arg, int entries, int what)
{
	static const int types[] = { 0, Pfuser, Pfkernel, Pfelapsed, Pfsample };
	sigset_t m;
	Fpenv fe;

	if(what <= Profoff || what > Profsample){
		rtoffs(1);
		fn(arg);
		rtoffs(-1);
		return;
	}
	rtstart(types[what], entries > 0 && entries <= Maxprofsize ? (uint32_t)entries : Defprofsize);
	fn(arg);
	fpsave(&fe);
	rtdumpbegin(&m);
	rtrecord(0);
	profdump();
	rtdumpend(&m);
	clockend();
	fprestore(&fe);
}
