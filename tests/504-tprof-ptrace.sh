# The ptrace sampler: tprof -p, and tprof on its own when perf_event_open
# is refused (tests/bin/noperf runs it under a seccomp filter refusing the
# call with EACCES, as container runtimes do). The same oracle as the
# perf sampler's (tests/502): tprof-burn's 3:1 and its CPU time, in one
# thread, four threads, forked children; and attached by pid. Stderr names
# the sampler, and on a refusal its cause and the fix.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

burncc burn
for args in "-s 0.6" "-t 4 -s 0.3" "-f 2 -t 2 -s 0.3"; do
	$TPROF -p -c ./burn $args > rep 2>err || { cat err; fail "tprof -p -c ./burn $args: exit $?"; }
	cpu=$(cpuof rep)
	echo "-p burn $args: cpu $cpu ms; total $(total rep); three $(share three rep)%, one $(share one rep)%"
	[ "$(cat err)" = "tprof: using the ptrace sampler (-p)" ] || { cat err; fail "stderr does not name the sampler"; }
	ratio3to1 rep
	cpumatch rep "$cpu"
done

# perf_event_open refused: one line saying why and how to fix it, then the ptrace sampler's report
$B/tests/noperf $TPROF -c ./burn -t 2 -s 0.3 > rep 2>err || { cat err; fail "noperf tprof -c: exit $?"; }
cat err
[ "$(wc -l < err)" -eq 1 ] || fail "want one line on stderr"
grep -q '^tprof: perf_event_open: .*Permission denied: refused by a seccomp filter.*; fix: .*; using the ptrace sampler$' err ||
	fail "stderr does not say what refused perf events, the fix and the sampler"
ratio3to1 rep
cpumatch rep "$(cpuof rep)"

# attached by pid (two threads); the tracer is tprof while it samples
mkfifo go
exec 3<>go
./burn -w -t 2 -s 0.4 < go > out 3>&- &
p=$!
execd $p ./burn
$B/tests/noperf $TPROF $p > rep 2>err 3>&- &
tp=$!
attached $tp $p err
echo go >&3
exec 3>&-
wait $p
wait $tp || { cat err; fail "noperf tprof $p: exit $?"; }
echo "pid: cpu $(cpuof out) ms; total $(total rep); three $(share three rep)%, one $(share one rep)%"
grep -q 'using the ptrace sampler$' err || { cat err; fail "stderr does not name the sampler"; }
ratio3to1 rep
cpumatch rep "$(cpuof out)"
exit 0
