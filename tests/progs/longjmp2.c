/*
 * longjmp into a recursive function (410-rt-longjmp-inner). 20 rounds of
 * main -> rec(30), then main -> tally: rec(27) sets a jump buffer and
 * recurses on to rec(0), which longjmps back into rec(27); rec(27) then
 * sleeps 10 ms (nanosleep: no instrumented call) and returns, and rec(28)
 * .. rec(30) return normally. By construction:
 *	main	1
 *	rec	620	31 levels a round; rec(n) is at depth 31-n (main 0)
 *	tally	20	from main
 * and the 200 ms slept belong to rec(27) and its callers, not to the rec
 * frames the longjmp left (rec(26) .. rec(0)), which take microseconds.
 * Prints "20".
 */
#include <setjmp.h>
#include <stdio.h>
#include <time.h>

enum { Top = 30, Mid = 27 };

static jmp_buf mid;
static volatile int landings;

__attribute__((noinline)) static void
rec(int n)
{
	struct timespec ts = { 0, 10000000 };

	if(n == Mid){
		if(setjmp(mid) == 0)
			rec(n - 1);
		else
			while(nanosleep(&ts, &ts) != 0)
				;
		return;
	}
	if(n == 0)
		longjmp(mid, 1);
	rec(n - 1);
}

__attribute__((noinline)) static void
tally(void)
{
	landings++;
}

int
main(void)
{
	int i;

	for(i = 0; i < 20; i++){
		rec(Top);
		tally();
	}
	printf("%d\n", landings);
	return 0;
}
