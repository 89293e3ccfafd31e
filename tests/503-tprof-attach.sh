# tprof pid samples a running process and every other process running
# the same executable, also ones that start after tprof, and reports when
# they have all exited (status 0). Two tprof-burn processes wait on a
# fifo; tprof attaches to the first; both start burning (two threads
# each, 0.4 s of CPU per thread); a third starts after tprof attached.
# The total is the three processes' CPU time, the shares 3:1.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"

burncc burn
# One fifo per waiting process, so each gets its own line; the shell
# opens them read-write (which does not block) and keeps them from the
# other children, so a reader sees end of file only when the shell closes.
mkfifo go1 go2
exec 3<>go1 4<>go2
./burn -w -t 2 -s 0.4 < go1 > out1 3>&- 4>&- &
p1=$!
execd $p1 ./burn
./burn -w -t 2 -s 0.4 < go2 > out2 3>&- 4>&- &
p2=$!
execd $p2 ./burn
$TPROF $p1 > rep 2>err 3>&- 4>&- &
tp=$!
attached $tp $p1 err
./burn -t 2 -s 0.4 > out3 3>&- 4>&- &
p3=$!
execd $p3 ./burn
echo go >&3
echo go >&4
exec 3>&- 4>&-
wait $p1 $p2 $p3
wait $tp || { cat err; fail "tprof $p1: exit status $?"; }
cpu=$(($(cpuof out1) + $(cpuof out2) + $(cpuof out3)))
echo "cpu $cpu ms; total $(total rep); three $(share three rep)%, one $(share one rep)%"
cat err
ratio3to1 rep
cpumatch rep "$cpu"

# the binary argument: the same file is accepted, another refused
cc -O0 -o other "$TOP/tests/progs/tprof-burn.c" -lpthread || fail "cc other"
mkfifo go4
exec 4<>go4
./burn -w -s 0.2 < go4 > out4 4>&- &
p4=$!
execd $p4 ./burn
errcase "binary that is not the program" "tprof: other: not the program pid $p4 runs" $TPROF $p4 other
$TPROF -t 5 $p4 ./burn > rep4 2>err4 4>&- &
tp=$!
attached $tp $p4 err4
echo go >&4
exec 4>&-
wait $p4
wait $tp || { cat err4; fail "tprof $p4 ./burn: exit $?"; }
ratio3to1 rep4
exit 0
