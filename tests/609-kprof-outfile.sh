# kprof -o leaves the complete kpdata or none, and never its command
# running (issue 16.6). A recording that fails (perf events refused by
# tests/bin/noperf's seccomp filter) leaves no file (it left an empty
# one) and no temporary. A command cut short by -t, by SIGTERM or by
# SIGHUP to kprof is terminated as tprof -c's is (it was left running,
# orphaned, and kprof exited 0): kprof exits 143, 128 + SIGTERM, as sh
# reports a command SIGTERM ended, and the kpdata is whole (its size:
# one word per 8 bytes of text, as 604 works out).
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
[ "$(id -u)" -eq 0 ] || skip "not root: kernel sampling needs root"
grep -q ' T _etext$' /proc/kallsyms || skip "/proc/kallsyms has no _etext"
text=$(awk '$3 == "_text" { print $1; exit }' /proc/kallsyms)
etext=$(awk '$3 == "_etext" { print $1; exit }' /proc/kallsyms)
words=$(( (0x${etext#ffffffff} - 0x${text#ffffffff} + 7) / 8 ))

# nothing here but the test's own files, and FILE if given
clean()
{
	left=$(ls -A | grep -v -e '^err$' -e '^out$' -e '^pid$' -e '^errcase\.' ${1:+-e "^$1\$"})
	[ -z "$left" ] || fail "$2: left behind: $left"
}

$B/tests/noperf $KPROF -o kp -t 0.1 > out 2> err && fail "kprof -o under noperf: exit 0"
[ ! -e kp ] || fail "a failed recording left kp ($(wc -c < kp) bytes)"
clean "" "a failed recording"

# running PIDFILE: is the pid in PIDFILE alive (and not a zombie)?
running()
{
	[ -d /proc/$(cat $1) ] && ! grep -q '^State:[[:space:]]*Z' /proc/$(cat $1)/status
}

for end in t TERM HUP; do
	if [ $end = t ]; then
		$KPROF -o kp -t 0.5 sh -c 'echo $$ > pid; exec sleep 30' > out 2> err
		rc=$?
	else
		$KPROF -o kp sh -c 'echo $$ > pid; exec sleep 30' > out 2> err &
		k=$!
		i=0
		while [ ! -s pid ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
		sleep 0.3
		kill -$end $k
		wait $k
		rc=$?
	fi
	[ $rc -eq 143 ] || { cat err; fail "ended by $end: exit $rc, want 143"; }
	[ -s pid ] || fail "ended by $end: the command never ran"
	! running pid || fail "ended by $end: the command runs on"
	[ "$(wc -c < kp)" -eq $((4 * words)) ] || fail "ended by $end: kpdata is $(wc -c < kp) bytes, want 4 * $words"
	clean kp "ended by $end"
	rm -f kp pid
done
exit 0
