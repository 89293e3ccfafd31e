# tprof and perf record -p sample the same running process at the same
# time (tprof-burn, two threads, 1 s of CPU each): the top functions are
# the same, each one's share of all samples agrees within SHARETOL points,
# and the sample counts (both one per ms of CPU time) within 5% + 20.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"
SHARETOL=3

perf=$(command -v perf) || skip "no perf here (make deps installs linux-perf)"
perf record -q -o /dev/null true > /dev/null 2>&1 || skip "perf record does not work here: $(perf record -q -o /dev/null true 2>&1 | head -n 1)"
burncc burn
mkfifo go
exec 3<>go
./burn -w -t 2 -s 1 < go > out 3>&- &
p=$!
execd $p ./burn
$TPROF $p > rep 2>err 3>&- &
tp=$!
perf record -q -e cpu-clock -c 1000000 -p $p -o perf.data > perf.err 2>&1 3>&- &
pp=$!
attached $tp $p err
sleep 0.5	# perf has no sign that it attached: give it time
echo go >&3
exec 3>&-
wait $p
wait $tp || { cat err; fail "tprof $p: exit $?"; }
wait $pp || { cat perf.err; fail "perf record: exit $?"; }
perf report -i perf.data --stdio -q --sort sym -F overhead,sample,sym > perf.rep 2>perf.err ||
	{ cat perf.err; fail "perf report: exit $?"; }

# perf.rep lines: "    73.91%          1473  [.] three"
pshare() { awk -v n="$1" '$4 == n { sub("%", "", $1); print $1 + 0; f = 1 } END { if(!f) print 0 }' perf.rep; }
tshare() { awk -v m="$(ms "$1" rep)" -v t="$(total rep)" 'BEGIN { printf "%.2f", t ? 100 * m / t : 0 }'; }
ptotal=$(awk '{ s += $2 } END { print s + 0 }' perf.rep)
ttop=$(sed -n 4,5p rep | cut -f3 | tr '\n' ' ')
ptop=$(sort -k2,2nr perf.rep | sed -n 1,2p | awk '{ printf "%s ", $4 }')
echo "tprof: total $(total rep), three $(tshare three)%, one $(tshare one)%, top $ttop"
echo "perf:  total $ptotal, three $(pshare three)%, one $(pshare one)%, top $ptop"
[ "$ttop" = "three one " ] || { cat rep; fail "tprof's top two: $ttop"; }
[ "$ptop" = "$ttop" ] || { cat perf.rep; fail "perf's top two: $ptop, tprof's: $ttop"; }
near "three's share, tprof against perf" "$(tshare three)" "$(pshare three)" $SHARETOL
near "one's share, tprof against perf" "$(tshare one)" "$(pshare one)" $SHARETOL
near "tprof's samples against perf's" "$(total rep)" "$ptotal" $((ptotal / 20 + 20))
exit 0
