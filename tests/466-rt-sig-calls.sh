# The program sees its own dispositions whatever call set them
# (tests/progs/sigcalls.c): sigset, with SIG_HOLD too, and ssignal (which
# glibc makes without the sigaction wrapper) of a signal the runtime
# handles; sigaction and sysv_signal setting the default with flags and a
# mask, whose flags read back as the kernel keeps them (glibc adds
# SA_RESTORER); siginterrupt, then signal, which sets no SA_RESTART for
# a signal siginterrupt made interrupt calls. What each call returns and
# what sigaction then shows, the wait status (runst) and stderr are the
# unprofiled program's, and the signal set back to the default still writes the profile (main 1,
# work 3, die 1) as it ends the program; libprof.a, dynamic and static.
# Before, sigset and ssignal showed the runtime's handler and put the
# default in its place (no profile), and the flags lacked SA_RESTORER;
# signal set SA_RESTART after siginterrupt(sig, 1).
. "$TOP/tests/lib.sh"

RUNST=$B/tests/runst
src=$TOP/tests/progs/sigcalls.c
plaincc plain "$src" -Wno-deprecated-declarations
rtcc dyn "$src" -Wno-deprecated-declarations
rtcc static "$src" -Wno-deprecated-declarations -static 2> cc.err || skip "cannot link a static program: $(tail -n 1 cc.err)"
printf 'die 1\nmain 1\nwork 3\n' > want.flat
ulimit -S -c 0
for mode in sigset ssignal intr flags; do
	$RUNST want.st ./plain $mode > want.out || fail "$mode: runst"
	for p in dyn static; do
		rm -f prof.*
		$RUNST got.st ./$p $mode > got.out 2> err || fail "$mode, $p: runst"
		same "$mode, $p: output" want.out got.out
		same "$mode, $p: wait status" want.st got.st
		[ ! -s err ] || fail "$mode, $p: stderr $(cat err)"
		calls $p "$(profile)" | grep -E '^(die|main|work) ' > got.flat
		same "$mode, $p: calls" want.flat got.flat
	done
	echo "$mode: $(cat want.st)"
done
