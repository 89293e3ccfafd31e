# The ptrace sampler leaves every process as it found it (issue 16.1):
# a process stopped by SIGSTOP or ^Z (SIGTSTP) stays stopped while traced
# (under PTRACE_SEIZE the kernel reports its group-stop as a
# PTRACE_EVENT_STOP carrying the stop signal, and PTRACE_LISTEN keeps it
# stopped) and after tprof ends, whether by -t, SIGINT or SIGTERM; one
# stopped while traced is stopped after; one that gets SIGCONT while
# traced runs after; a running one runs after. The oracle is the kernel's
# word: /proc/PID/status State (R or S running, T stopped) and TracerPid
# 0, and the CPU time of a stopped process (utime + stime in
# /proc/PID/stat, in clock ticks) that does not grow. As root, then the
# same as user nobody tracing its own process.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

burncc burn
chmod 755 . burn

# state PID: the letter of its State line
state()
{
	sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' /proc/$1/status
}

# cputicks PID: utime + stime, fields 14 and 15 (counted after the command's ")")
cputicks()
{
	sed 's/.*) //' /proc/$1/stat | awk '{ print $12 + $13 }'
}

# untraced PID WANT WHAT: PID is not traced, and stopped (WANT T) or running
# (WANT R). A thread let go in a group-stop is woken to stop again, so it
# may show R for a moment (on a loaded machine, while it waits for a
# CPU): T is waited for, up to 5 s (stillstopped checks it ran no code).
untraced()
{
	grep -q '^TracerPid:[[:space:]]*0$' /proc/$1/status || fail "$3: still traced: $(grep TracerPid /proc/$1/status)"
	i=0
	while [ $2 = T ] && [ "$(state $1)" != T ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	s=$(state $1)
	case $2$s in
	TT|RR|RS) ;;
	*) fail "$3: State $s after tprof, want $2";;
	esac
}

# stillstopped PID T0 WHAT: PID used no CPU time since T0 ticks (a tick of slack)
stillstopped()
{
	t1=$(cputicks $1)
	[ $((t1 - $2)) -le 1 ] || fail "$3: the stopped process ran: $2 -> $t1 ticks"
}

# tracedby TPROFPID PID: wait until tprof traces PID
tracedby()
{
	i=0
	until grep -q "^TracerPid:[[:space:]]*$1\$" /proc/$2/status; do
		i=$((i + 1))
		[ $i -le 200 ] || fail "tprof did not attach to $2"
		kill -0 $1 2>/dev/null || fail "tprof exited before it attached to $2"
		sleep 0.05
	done
}

# cases AS: every case, tprof and burn run by $AS (empty: ourselves)
cases()
{
	as=$1
	for sig in STOP TSTP; do
		# stopped before tprof attaches, tprof ends by -t, by SIGINT, by SIGTERM
		for end in t INT TERM; do
			what="$as stopped by SIG$sig, tprof ended by $end"
			$as ./burn -s 60 > /dev/null &
			p=$!
			execd $p ./burn
			sleep 0.1
			kill -$sig $p
			while [ "$(state $p)" != T ]; do sleep 0.05; done
			t0=$(cputicks $p)
			if [ $end = t ]; then
				$as $B/tprof -p -t 1 $p > rep 2> err
			else
				$as $B/tprof -p $p > rep 2> err &
				tp=$!
				tracedby $tp $p
				sleep 1
				stillstopped $p $t0 "$what (while traced)"
				kill -$end $tp
				wait $tp
			fi
			stillstopped $p $t0 "$what"
			untraced $p T "$what"
			kill -CONT $p
			sleep 0.2
			untraced $p R "$what, then SIGCONT"
			kill $p
			wait $p
		done
	done

	# running, stopped while traced: stopped after
	what="$as stopped while traced"
	$as ./burn -s 60 > /dev/null &
	p=$!
	execd $p ./burn
	$as $B/tprof -p $p > rep 2> err &
	tp=$!
	tracedby $tp $p
	sleep 0.3
	kill -STOP $p
	sleep 0.3
	t0=$(cputicks $p)
	sleep 0.5
	stillstopped $p $t0 "$what (while traced)"
	kill -TERM $tp
	wait $tp || { cat err; fail "$what: tprof exit $?"; }
	stillstopped $p $t0 "$what"
	untraced $p T "$what"

	# stopped, continued while traced: running after, and sampled
	what="$as continued while traced"
	$as $B/tprof -p $p > rep 2> err &
	tp=$!
	tracedby $tp $p
	sleep 0.3
	kill -CONT $p
	sleep 0.5
	kill -INT $tp
	wait $tp || { cat err; fail "$what: tprof exit $?"; }
	untraced $p R "$what"
	# stopped until SIGCONT: any sample was taken after it
	[ "$(total rep)" -gt 0 ] || { cat rep; fail "$what: total $(total rep), want samples of the 0.5 s it ran"; }
	kill $p
	wait $p

	# running: running after
	what="$as running"
	$as ./burn -s 60 > /dev/null &
	p=$!
	execd $p ./burn
	$as $B/tprof -p -t 0.5 $p > rep 2> err || { cat err; fail "$what: tprof exit $?"; }
	untraced $p R "$what"
	kill $p
	wait $p
}

cases ""
if [ "$(id -u)" -eq 0 ]; then
	cases "setpriv --reuid=65534 --regid=65534 --clear-groups --"
fi
exit 0
