# tprof -f never hangs on a FIFO (issue 16.3): the binary must be a
# regular file (refused at once), the saved profile may be a pipe (a
# FIFO with no writer reads as an empty, so truncated, profile). The
# profile through a pipe reports as the file does.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

burncc burn
mkfifo fifo
errcase "binary a FIFO" '^tprof: fifo: not a regular file$' timeout 10 $TPROF -f saved fifo
$TPROF -o saved -c ./burn -s 0.2 > rep 2>err || { cat err; fail "tprof -o saved: exit $?"; }
errcase "profile a FIFO" '^tprof: fifo: data file too short$' timeout 10 $TPROF -f fifo burn
$TPROF -f saved burn > want 2>err || { cat err; fail "tprof -f saved: exit $?"; }
cat saved | timeout 10 $TPROF -f - burn > got 2>err || { cat err; fail "tprof -f -: exit $?"; }
same "profile on standard input" want got
exit 0
