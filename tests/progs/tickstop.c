/*
 * Sample mode's timer runs only while a sample profile is made
 * (443-rt-tick-stop). Run with proftype=sample: main's profile ticks;
 * prof(.., Profuser) stops the timer; after it returns no profile is
 * made and no timer runs; prof(.., Profsample) runs it again, and after
 * that none; 300 ms later, another prof(.., Profsample) the same. Prints,
 * a line each, whether ITIMER_VIRTUAL is set: in main, in the user
 * profile, after it, in the sample profile, after it, in the last
 * profile, after it. Each prof() profile holds hot's 200 ms.
 */
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include <prof.h>
#include "cpuns.h"
#include "burn.h"

static void
say(const char *when)
{
	struct itimerval it;

	if(getitimer(ITIMER_VIRTUAL, &it) < 0){
		perror("getitimer");
		return;
	}
	printf("%s %s\n", when, it.it_value.tv_sec || it.it_value.tv_usec ? "ticking" : "stopped");
}

__attribute__((noinline)) static void
hot(void *v)
{
	burn(200000000LL);
	say((char *)v);
}

int
main(void)
{
	burn(50000000LL);
	say("main");
	prof(hot, "user", 0, Profuser);
	burn(50000000LL);
	say("after");
	prof(hot, "sample", 0, Profsample);
	burn(50000000LL);
	say("after");
	burn(300000000LL);
	prof(hot, "again", 0, Profsample);
	burn(50000000LL);
	say("after");
	return 0;
}
