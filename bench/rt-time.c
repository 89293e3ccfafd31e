/*
 * rt-time: the best of n runs of a command, for bench/runtime.sh when
 * hyperfine is missing, and for bench/real.sh.
 *	rt-time [-m] [-n runs] [-w warmups] [-p prepare] cmd [arg...]
 * Runs cmd (stdout and stdin on /dev/null) w times untimed, then n times
 * (default 5) timed, the shell command prepare before each run, untimed;
 * prints the shortest wall time in nanoseconds. With -m, then a space and
 * the largest maximum resident set size in KB of cmd and of the processes
 * it waited for, over all the runs (getrusage's RUSAGE_CHILDREN). Exits 1
 * if a run fails.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t
nsnow(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* One run of argv: its wall time in ns, or 0 if it failed. */
static uint64_t
run(char **argv)
{
	uint64_t t0, t1;
	pid_t pid;
	int st, fd;

	t0 = nsnow();
	pid = fork();
	if(pid < 0)
		return 0;
	if(pid == 0){
		fd = open("/dev/null", O_RDWR);
		if(fd >= 0){
			dup2(fd, 0);
			dup2(fd, 1);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "rt-time: %s: cannot run\n", argv[0]);
		_exit(127);
	}
	if(waitpid(pid, &st, 0) < 0)
		return 0;
	t1 = nsnow();
	if(!WIFEXITED(st) || WEXITSTATUS(st) != 0){
		fprintf(stderr, "rt-time: %s: failed\n", argv[0]);
		return 0;
	}
	return t1 > t0 ? t1 - t0 : 1;
}

int
main(int argc, char **argv)
{
	uint64_t t, best;
	struct rusage ru;
	const char *prep;
	int c, n, w, i, m;

	m = 0;
	n = 5;
	w = 0;
	prep = NULL;
	while((c = getopt(argc, argv, "+mn:w:p:")) != -1){
		switch(c){
		case 'm':
			m = 1;
			break;
		case 'n':
			n = atoi(optarg);
			break;
		case 'w':
			w = atoi(optarg);
			break;
		case 'p':
			prep = optarg;
			break;
		default:
			goto usage;
		}
	}
	if(optind >= argc || n < 1 || w < 0)
		goto usage;
	best = 0;
	for(i = 0; i < w + n; i++){
		if(prep != NULL && system(prep) != 0){
			fprintf(stderr, "rt-time: %s: failed\n", prep);
			return 1;
		}
		if((t = run(argv + optind)) == 0)
			return 1;
		if(i >= w && (best == 0 || t < best))
			best = t;
	}
	if(m){
		if(getrusage(RUSAGE_CHILDREN, &ru) < 0){
			perror("rt-time: getrusage");
			return 1;
		}
		printf("%llu %ld\n", (unsigned long long)best, ru.ru_maxrss);
	}else
		printf("%llu\n", (unsigned long long)best);
	return 0;
usage:
	fprintf(stderr, "usage: rt-time [-m] [-n runs] [-w warmups] [-p prepare] cmd [arg...]\n");
	return 1;
}
