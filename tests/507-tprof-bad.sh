# tprof's bad cases and its ways of stopping. Each error is one line and
# a nonzero exit, promptly (every tprof here runs under timeout 30: a hang
# fails). SIGINT, SIGTERM and -t end the sampling with a report and
# status 0, and leave an attached process running; with -c the command
# is terminated. A program whose file was deleted or replaced while it
# runs is read through /proc/pid/exe.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"
BGTPROF=$TPROF	# in the background, its own pid (attached looks at its fds)
TPROF="timeout 30 $TPROF"

burncc burn
usage=$($TPROF 2>&1 >/dev/null)
[ $? -eq 2 ] && echo "$usage" | head -n 1 | grep -q '^usage: tprof ' || fail "tprof alone: not its usage, status 2: $usage"
for args in "-x 1" "1 2 3" "-f f" "-f f -a b" "-t 0 1" "-i 1 1" "x" "0" "-1"; do
	$TPROF $args > out 2> err
	rc=$?
	[ $rc -eq 2 ] && [ ! -s out ] && head -n 1 err | grep -q '^usage: tprof ' || fail "tprof $args: exit $rc, want the usage and 2"
done

pidmax=$(cat /proc/sys/kernel/pid_max)
errcase "no such pid" "^tprof: pid $pidmax: no such process\$" $TPROF $pidmax

# a process that exits without having run while tprof watched: it waits
# on a fifo until tprof has attached, then exits
printf '#include <unistd.h>\nint main(void) { char c; return read(0, &c, 1) < 0; }\n' > nap.c
${CC:-cc} -o nap nap.c || fail "cc nap.c"
mkfifo go
exec 3<>go
./nap < go 3>&- &
p=$!
execd $p ./nap
$BGTPROF $p > out 2> err 3>&- &
tp=$!
attached $tp $p err
echo >&3
exec 3>&-
wait $p
wait $tp
rc=$?
[ $rc -eq 1 ] && [ "$(wc -l < err)" -eq 1 ] || { cat out err; fail "exits before the first sample: exit $rc"; }
# its exit itself (the kernel tearing down its memory and events) may
# take a sample or two, outside the text: then Plan 9's "no counts"
if grep -q '^tprof: no counts$' err; then
	[ "$(total out)" -le 20 ] || { cat out; fail "exits at once: total $(total out)"; }
	echo "the exit was sampled: total $(total out), no counts"
else
	[ ! -s out ] || { cat out; fail "exits before the first sample: a report"; }
	grep -q "^tprof: pid $p: exited before the first sample\$" err || fail "exits before the first sample: $(cat err)"
fi

# another user's process
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
	./burn -s 5 > /dev/null &
	p=$!
	execd $p ./burn
	errcase "not our uid" "^tprof: pid $p: owned by uid 0, not you \\(uid 65534\\); run tprof as uid 0 or as root\$" \
		asnobody $TPROF $p
	kill $p
	wait $p
fi

# SIGINT and SIGTERM: a report of what was sampled, status 0; the process goes on
for sig in INT TERM; do
	./burn -s 60 > /dev/null &
	p=$!
	execd $p ./burn
	$BGTPROF $p > rep 2> err &
	tp=$!
	attached $tp $p err
	sleep 0.6
	kill -$sig $tp
	wait $tp || { cat err; fail "tprof stopped by SIG$sig: exit $?"; }
	kill -0 $p 2>/dev/null || fail "SIG$sig to tprof ended pid $p too"
	kill $p
	wait $p
	echo "SIG$sig after 0.6 s: total $(total rep)"
	# one thread for 0.6 s (less if the machine is busy); tprof's own start-up counts in the 1500
	[ "$(total rep)" -ge 50 ] && [ "$(total rep)" -le 1500 ] || { cat rep; fail "SIG$sig: total $(total rep) after 0.6 s"; }
	ratio3to1 rep
done

# -t: sampling stops after the time given (one thread: at most 500 ms of CPU time)
./burn -s 60 > /dev/null &
p=$!
execd $p ./burn
t0=$(date +%s%N)
$TPROF -t 0.5 $p > rep 2> err || { cat err; fail "tprof -t 0.5: exit $?"; }
t1=$(date +%s%N)
# (the process runs for 60 s: well under that is the deadline, whatever the load or valgrind add)
[ $(((t1 - t0) / 1000000)) -ge 500 ] && [ $(((t1 - t0) / 1000000)) -le 20000 ] ||
	fail "tprof -t 0.5 took $(((t1 - t0) / 1000000)) ms"
kill -0 $p 2>/dev/null || fail "tprof -t ended pid $p"
kill $p
wait $p
echo "-t 0.5: total $(total rep)"
[ "$(total rep)" -ge 50 ] && [ "$(total rep)" -le 550 ] || { cat rep; fail "-t 0.5: total $(total rep)"; }

# -c stopped by SIGINT: the command is terminated, the report printed
cp burn burnc
$BGTPROF -c ./burnc -s 60 > rep 2> err &
tp=$!
# (under valgrind tprof may take over a second to start the command:
# wait until it runs and is sampled, then let it burn)
_i=0
until c=$(pgrep -x burnc); do
	_i=$((_i + 1))
	[ $_i -le 200 ] || fail "tprof -c did not start burnc in 20 s"
	sleep 0.1
done
attached $tp $c err
sleep 0.6
kill -INT $tp
wait $tp || { cat err; fail "tprof -c stopped by SIGINT: exit $?"; }
pgrep -x burnc && fail "the command outlived tprof -c"
ratio3to1 rep

# the program's file deleted, then another put in its place: its own symbols still
cp burn gone
./gone -s 1.5 > /dev/null &
p=$!
execd $p ./gone
sleep 0.1
rm gone
printf 'int main(void) { return 0; }\n' > other.c
${CC:-cc} -o gone other.c || fail "cc other.c"
$TPROF $p > rep 2> err || { cat err; fail "tprof on a replaced program: exit $?"; }
wait $p
echo "replaced: total $(total rep), three $(share three rep)%, one $(share one rep)%"
ratio3to1 rep
exit 0
