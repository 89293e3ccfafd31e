/*
 * sigwaiter (454-rt-sigwait): "sigwaiter HOW" blocks every signal, burns
 * 300 ms of CPU time in calls of work (sample mode's timer ticks meanwhile),
 * then: polls for a pending signal (sigtimedwait, no wait) and prints it
 * ("poll none" unprofiled); queues SIGRTMIN+1 with value 42 and waits for
 * any signal by HOW (sigwait, sigwaitinfo, sigtimedwait or signalfd),
 * printing what it got; raises SIGPWR and waits again; prints what
 * sigpending shows. Output as unprofiled: its own signals only.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

static volatile int sink;
static sigset_t all;

__attribute__((noinline)) static void
work(void)
{
	sink++;
}

static void
burn(void)
{
	struct timespec t;
	int i;

	do{
		for(i = 0; i < 10000; i++)
			work();
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	}while(t.tv_sec == 0 && t.tv_nsec < 300000000);
}

/* Wait for a signal by how; print it. */
static void
waitby(const char *how)
{
	struct signalfd_siginfo fi;
	struct timespec ts = { 5, 0 };
	siginfo_t si;
	int sig, fd, code, val;

	memset(&si, 0, sizeof si);
	code = val = -1;
	if(strcmp(how, "sigwait") == 0){
		if(sigwait(&all, &sig) != 0)
			sig = -1;
	}else if(strcmp(how, "sigwaitinfo") == 0){
		sig = sigwaitinfo(&all, &si);
		code = si.si_code;
		val = si.si_value.sival_int;
	}else if(strcmp(how, "sigtimedwait") == 0){
		sig = sigtimedwait(&all, &si, &ts);
		code = si.si_code;
		val = si.si_value.sival_int;
	}else{
		sig = -1;
		fd = signalfd(-1, &all, SFD_CLOEXEC);
		if(fd >= 0 && read(fd, &fi, sizeof fi) == sizeof fi){
			sig = (int)fi.ssi_signo;
			code = fi.ssi_code;
			val = fi.ssi_int;
		}
		close(fd);
	}
	if(sig >= SIGRTMIN)
		printf("got RTMIN+%d code %d value %d\n", sig - SIGRTMIN, code, val);
	else
		printf("got %d code %d\n", sig, code);
}

int
main(int argc, char *argv[])
{
	struct timespec zero = { 0, 0 };
	union sigval v;
	sigset_t p;
	int sig, i;

	if(argc < 2)
		return 2;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	burn();
	sig = sigtimedwait(&all, NULL, &zero);
	if(sig < 0)
		printf("poll %s\n", errno == EAGAIN ? "none" : strerror(errno));
	else
		printf("poll %d\n", sig);
	v.sival_int = 42;
	sigqueue(getpid(), SIGRTMIN + 1, v);
	waitby(argv[1]);
	raise(SIGPWR);
	waitby(argv[1]);
	sigpending(&p);
	printf("pending");
	for(i = 1; i < SIGRTMIN; i++)
		if(sigismember(&p, i))
			printf(" %d", i);
	printf("\n");
	return 0;
}
