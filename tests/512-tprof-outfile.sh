# tprof -o leaves the complete profile or none (issue 16.6): it is made
# under a temporary name in the same directory and renamed when whole.
# A run that fails leaves no file (it left an empty one) and no
# temporary, and a file already there as it was; a write that fails
# (ulimit -f, SIGXFSZ ignored: EFBIG) leaves none (it left part of one);
# SIGTERM and SIGHUP end the sampling and the profile is written whole
# (tprof -f reads it back as the report). An existing file that is not
# regular is written as it is: /dev/null stays a device; a FIFO with no
# reader is refused at once (ENXIO), never waited on.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

burncc burn

# nothing here but what the test made, and FILE if given
clean()
{
	left=$(ls -A | grep -v -e '^burn$' -e '^err$' -e '^rep$' -e '^want$' -e '^got$' -e '^fifo$' -e '^errcase\.' ${1:+-e "^$1\$"})
	[ -z "$left" ] || fail "$2: left behind: $left"
}

errcase "a command that does not exist" '^tprof: ./nosuch: No such file or directory$' $TPROF -o saved -c ./nosuch
[ ! -e saved ] || fail "a failed run left saved"
clean "" "a failed run"
echo old > saved
errcase "a failed run, saved there before" '^tprof: ./nosuch: No such file or directory$' $TPROF -o saved -c ./nosuch
[ "$(cat saved)" = old ] || fail "a failed run changed the file there before"
rm saved

(trap '' XFSZ; ulimit -f 1; exec $TPROF -o big -c ./burn -s 0.1) > rep 2> err
rc=$?
[ $rc -eq 1 ] && grep -q '^tprof: big: File too large$' err || { cat err; fail "ulimit -f 1: exit $rc, want 1 and 'big: File too large'"; }
[ ! -e big ] || fail "a failed write left $(wc -c < big) bytes of big"
clean "" "a failed write"

for sig in TERM HUP; do
	$TPROF -o saved -c ./burn -s 30 > rep 2> err &
	tp=$!
	sleep 1
	kill -$sig $tp
	wait $tp || { cat err; fail "SIG$sig: exit $?"; }
	grep -v '^cpu ' rep > want
	$TPROF -f saved burn > got 2> err || { cat err; fail "SIG$sig: tprof -f saved: exit $?"; }
	same "SIG$sig: the saved profile read back" want got
	clean saved "SIG$sig"
	rm saved
done

$TPROF -o /dev/null -c ./burn -s 0.1 > rep 2> err || { cat err; fail "-o /dev/null: exit $?"; }
[ -c /dev/null ] || fail "/dev/null is no longer a device"
mkfifo fifo
errcase "a FIFO with no reader" '^tprof: fifo: No such device or address$' timeout 10 $TPROF -o fifo -c ./burn -s 0.1
clean "" "the FIFO"
exit 0
