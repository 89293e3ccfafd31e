# longjmp into a recursive function (tests/progs/longjmp2.c): when rec(27)
# returns after the longjmp landed in it, the frames it left (rec(26) ..
# rec(0), the same function) are closed with it, so the time after the
# landing goes to rec(27), not to them. Calls and the full tree are exact;
# under proftype=elapsed (generous bounds) rec(27) shows >= 150 ms of the
# 200 ms slept in it, and rec(26) and rec(0), frames left, < 100 ms.
. "$TOP/tests/lib.sh"

rtcc longjmp2 "$TOP/tests/progs/longjmp2.c"
proftype=elapsed ./longjmp2 > out || fail "exit $?"
[ "$(cat out)" = 20 ] || fail "output $(cat out)"
p=$(profile)
printf 'main 1\nrec 620\ntally 20\n' > want.flat
calls longjmp2 "$p" > got.flat
same "calls" want.flat got.flat
{
	echo "0 main 1"
	d=1
	while [ $d -le 31 ]; do echo "$d rec 20"; d=$((d + 1)); done
	echo "1 tally 20"
} | tree > want.r
graph -r longjmp2 "$p" > got.r
same "prof -dr" want.r got.r

# time in ms of the node NAME at DEPTH in prof -dr's output
msat()
{
	awk -v d="$1" -v n="$2" '{ match($0, /^[. ]*/) }
		RLENGTH == 2 * d && substr($0, RLENGTH + 1, length(n) + 1) == n ":" {
			split(substr($0, RLENGTH + length(n) + 2), f, "/"); print f[1]; exit }' graph.out
}
mid=$(msat 4 rec)
left=$(msat 5 rec)
deepest=$(msat 31 rec)
echo "rec(27) $mid ms, rec(26) $left ms, rec(0) $deepest ms"
[ "$mid" -ge 150 ] && [ "$mid" -lt 1000 ] || fail "rec(27): $mid ms, want 150 to 1000"
[ "$left" -lt 100 ] || fail "rec(26), left by the longjmp: $left ms, want < 100"
[ "$deepest" -lt 100 ] || fail "rec(0), left by the longjmp: $deepest ms, want < 100"
