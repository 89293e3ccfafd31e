# tprof -c runs a command from its first instruction and reports when it
# exits. tests/progs/tprof-burn.c burns CPU in three() and one() 3:1 by
# construction and prints the CPU time it used: in one thread, in four
# threads, and in two forked children of two threads each, tprof's
# shares are 75:25 within RATIOTOL points and its total is that CPU time
# within CPUTOL% + CPUSLACK ms (tests/progs/tprof-lib.sh).
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

burncc burn
for args in "-s 0.6" "-t 4 -s 0.3" "-f 2 -t 2 -s 0.3"; do
	$TPROF -c ./burn $args > rep 2>err || { cat err; fail "tprof -c ./burn $args: exit $?"; }
	cpu=$(cpuof rep)
	[ -n "$cpu" ] || { cat rep; fail "burn $args printed no cpu line"; }
	echo "burn $args: cpu $cpu ms; total $(total rep); three $(share three rep)%, one $(share one rep)%"
	sed -n 2,4p rep | grep -q '^TEXT [0-9a-f]\{8\}$' || { cat rep; fail "no TEXT line"; }
	ratio3to1 rep
	cpumatch rep "$cpu"
	grep -q 'ptrace' err && { cat err; fail "perf events refused here: $(cat err)"; }
done

# the command's exit status is reported, tprof's is 0; a command not found is one line
cat > fails.c <<'P'
int main(void) { volatile unsigned long i; for(i = 0; i < 100000000; i++) ; return 3; }
P
cc -O0 -o fails fails.c || fail "cc fails.c"
$TPROF -c ./fails > rep 2>err || { cat err; fail "tprof -c ./fails: exit $?"; }
grep -q 'fails: exit status 3' err || { cat err; fail "exit status 3 not said"; }
errcase "command not found" 'tprof: ./nosuch: ' $TPROF -c ./nosuch
exit 0
