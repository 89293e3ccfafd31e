/*
 * dlopen of an instrumented shared object (417-rt-dlopen): main opens
 * argv[1] (plug.so), calls its plugfn(5) twice, then calls local once;
 * with argument 2 "close", it dlcloses the object (and checks that it is
 * unloaded: exit status 3 if not) before calling local.
 * By construction:
 *	main 1, plugfn 2, plughelper 10, local 1
 * Prints "10".
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static volatile int n;

__attribute__((noinline)) static void
local(void)
{
	n++;
}

int
main(int argc, char *argv[])
{
	int (*fn)(int);
	void *h;
	int r;

	if(argc < 2)
		return 2;
	h = dlopen(argv[1], RTLD_NOW);
	if(h == NULL){
		fprintf(stderr, "%s\n", dlerror());
		return 1;
	}
	fn = (int (*)(int))dlsym(h, "plugfn");
	if(fn == NULL)
		return 1;
	fn(5);
	r = fn(5);
	if(argc > 2 && strcmp(argv[2], "close") == 0){
		if(dlclose(h) != 0 || dlopen(argv[1], RTLD_NOW | RTLD_NOLOAD) != NULL){
			fprintf(stderr, "dlclose did not unload %s\n", argv[1]);
			return 3;
		}
	}
	local();
	printf("%d\n", r);
	return 0;
}
