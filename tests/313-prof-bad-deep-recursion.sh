# prof on the deepest profile the classic format holds: 65,535 records, a
# chain root -> f -> f -> ... of 65,534 calls of one recursive function.
# Flat and -d must be quick and right, with no recursion in prof deep
# enough to overflow its stack.
# Program: f 0x1000. Record k (1..65534): down k+1, pc f, count 1,
# time 65535-k ms, so every node's self time is 1 ms.
# Flat: f 65534 ms, 65534 calls, 100%.
# -d: the second f repeats its parent and has a child: ... below it.
. "$TOP/tests/lib.sh"
unset tabstop
limit=20
[ "${VALGRIND:-0}" = 1 ] && limit=300
mkelf prog f=0x1000
awk 'BEGIN {
	n = 65534
	print "1 - 0 0 " n
	for (k = 1; k <= n; k++)
		printf "%s - 0x1000 1 %d\n", k < n ? k + 1 : "-", n + 1 - k
}' | $MKCLASSIC > prof.out || fail "mkclassic"
[ "$(wc -c < prof.out)" -eq $((65535 * 16)) ] || fail "prof.out is not 65535 records"
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'100.0   65.534    65534\tf' > want
timeout $limit $PROF prog prof.out > got || fail "prof exit $? (124: timed out)"
same flat want got
printf '%b\n' \
	'f:65534' \
	'. f:65533' \
	'.\t...' > want
timeout $limit $PROF -d prog prof.out > got || fail "prof -d exit $? (124: timed out)"
same -d want got
# -dr prints the whole chain, 2 GB of indentation: look at its start only
printf '%b\n' \
	'f:65534' \
	'. f:65533' \
	'.\tf:65532' \
	'.\t. f:65531' > want
timeout $limit $PROF -dr prog prof.out 2>/dev/null | head -n 4 > got
same "-dr, first lines" want got
