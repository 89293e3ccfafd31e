/*
 * Trees that cannot be made (438-rt-no-memory): a thread records a call
 * in the first profile, then main takes all the address space the
 * test's limit leaves and begins a profile with prof(..., 0, Proftime),
 * whose trees cannot be made; the thread calls again (no tree: not
 * recorded), main gives the space back, the thread ends after prof()
 * returned, and its key destructor calls instrumented code. The
 * program's output and status are its own: prints "done".
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <sys/mman.h>
#include <prof.h>

static sem_t first, begun, called, ended;
static pthread_key_t key;

__attribute__((noinline)) static void
leaf(void)
{
	__asm__ volatile("");
}

static void
ending(void *v)
{
	(void)v;
	leaf();
}

static void *
work(void *v)
{
	(void)v;
	pthread_setspecific(key, &key);
	leaf();
	sem_post(&first);
	sem_wait(&begun);
	leaf();
	sem_post(&called);
	sem_wait(&ended);
	return NULL;
}

enum { Maxeat = 4096 };
static void *eaten[Maxeat];
static size_t eatsize[Maxeat];
static int neaten;

/* Take all the address space there is, in ever smaller pieces. */
static void
eat(void)
{
	size_t n;
	void *p;

	for(n = (size_t)1 << 30; n >= 4096 && neaten < Maxeat; )
		if((p = mmap(NULL, n, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)) != MAP_FAILED){
			eaten[neaten] = p;
			eatsize[neaten++] = n;
		}else
			n /= 2;
}

static void
giveback(void)
{
	while(neaten > 0){
		neaten--;
		munmap(eaten[neaten], eatsize[neaten]);
	}
}

static void
profiled(void *v)
{
	(void)v;
	leaf();
	sem_post(&begun);
	sem_wait(&called);
	giveback();
}

int
main(void)
{
	pthread_t t;

	sem_init(&first, 0, 0);
	sem_init(&begun, 0, 0);
	sem_init(&called, 0, 0);
	sem_init(&ended, 0, 0);
	pthread_key_create(&key, ending);
	if(pthread_create(&t, NULL, work, NULL) != 0)
		return 1;
	sem_wait(&first);
	eat();
	prof(profiled, NULL, 0, Proftime);
	sem_post(&ended);
	if(pthread_join(t, NULL) != 0)
		return 1;
	printf("done\n");
	return 0;
}
