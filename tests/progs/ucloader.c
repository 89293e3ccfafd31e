/*
 * ucloader (464-rt-ucontext-args): "ucloader LIB": a thread dlopens
 * LIB (tests/progs/slowinit.c), whose constructor holds the loader's
 * lock until main has made 100 switches to a coroutine and back; main
 * then lets it go on, joins the thread and prints "switches 100". The
 * unprofiled program does so at once: swapcontext takes no loader lock.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <ucontext.h>
#include <unistd.h>

static ucontext_t mainuc, couc;
static int n;
static int started[2], goon[2];

__attribute__((noinline)) static void
step(void)
{
	n++;
}

static void
co(void)
{
	for(;;){
		step();
		swapcontext(&couc, &mainuc);
	}
}

static void *
opener(void *lib)
{
	if(dlopen(lib, RTLD_NOW) == NULL)
		fprintf(stderr, "%s\n", dlerror());
	return NULL;
}

int
main(int argc, char *argv[])
{
	static char stk[1 << 16];
	char fds[32], c;
	pthread_t t;
	int i;

	if(argc < 2 || pipe(started) < 0 || pipe(goon) < 0)
		return 2;
	snprintf(fds, sizeof fds, "%d %d", started[1], goon[0]);
	setenv("slowinit", fds, 1);
	getcontext(&couc);
	couc.uc_stack.ss_sp = stk;
	couc.uc_stack.ss_size = sizeof stk;
	makecontext(&couc, co, 0);
	pthread_create(&t, NULL, opener, argv[1]);
	if(read(started[0], &c, 1) != 1)	/* the constructor runs, the loader's lock held */
		return 3;
	for(i = 0; i < 100; i++)
		swapcontext(&mainuc, &couc);
	if(write(goon[1], "x", 1) != 1)
		return 4;
	pthread_join(t, NULL);
	printf("switches %d\n", n);
	return 0;
}
