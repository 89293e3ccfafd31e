# The runtime's own writes raise no signal in the program
# (tests/progs/paths.c, which exits 7): with a file size limit smaller
# than the profile (ulimit -f 1: 512 bytes here) the write would raise
# SIGXFSZ; with standard error a pipe whose reader is gone, the line the
# runtime prints (profsize=5: "Prof errors") would raise SIGPIPE; and
# standard error /dev/full. Each ends as the unprofiled program does
# (runst: the wait status), with its output, and leaves no temporary
# .prof.<pid>.*.tmp behind. A SIGPIPE the program raised itself, while
# it blocked it, is still pending after the runtime's write (sigpipe.c).
. "$TOP/tests/lib.sh"

RUNST=$B/tests/runst
src=$TOP/tests/progs/paths.c
plaincc plain "$src"
rtcc paths "$src"

# check WHAT: got.st/got.out against want.st/want.out, no temporary file
check()
{
	same "$1: wait status" want.st got.st
	same "$1: output" want.out got.out
	[ -z "$(ls -A | grep '^\.prof\.')" ] || fail "$1: left behind: $(ls -A | grep '^\.prof\.')"
}

(ulimit -f 1; $RUNST want.st ./plain > want.out)
[ "$(cat want.st)" = "exit 7" ] || fail "unprofiled: $(cat want.st)"
(ulimit -f 1; $RUNST got.st ./paths > got.out 2> err)
check "ulimit -f 1"
grep -Eq '^prof: prof\.[0-9]+: File too large$' err || fail "ulimit -f 1: stderr $(cat err)"
[ "$(wc -l < err)" -eq 1 ] || fail "ulimit -f 1: stderr $(cat err)"
ls prof.* > /dev/null 2>&1 && fail "ulimit -f 1: a profile was written: $(ls prof.*)"

profsize=5 $RUNST -p want.st ./plain > want.out
profsize=5 $RUNST -p got.st ./paths > got.out
profsize=5 ./paths > /dev/null 2> err
check "stderr a closed pipe"
grep -q 'Prof errors' err || fail "stderr a closed pipe: the runtime said nothing: $(cat err)"

profsize=5 $RUNST got.st ./paths 2> /dev/full > got.out
check "stderr /dev/full"

# a SIGPIPE of the program's own stays pending through the runtime's write
cat > sigpipe.c <<'E'
#include <signal.h>
#include <stdio.h>
static sigset_t s;
/* after the runtime's dump, which atexit runs: destructors come last */
__attribute__((destructor)) static void
check(void)
{
	sigset_t p;

	sigpending(&p);
	printf("pending at exit: %d\n", sigismember(&p, SIGPIPE));
}
int
main(void)
{
	sigemptyset(&s);
	sigaddset(&s, SIGPIPE);
	sigprocmask(SIG_BLOCK, &s, NULL);
	raise(SIGPIPE);
	return 0;
}
E
plaincc plainpipe sigpipe.c
rtcc sigpipe sigpipe.c
$RUNST -p want.st ./plainpipe > want.out
profsize=1 $RUNST -p got.st ./sigpipe > got.out
check "program's pending SIGPIPE"
