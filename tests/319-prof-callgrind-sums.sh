# prof -C refuses a report whose sums pass 64 bits (issue 16.5) rather
# than print them wrapped: callgrind's arcs count a recursive call's
# time again at each level. A Plan 9 prof.out (32-bit times in ms, so
# 10^6 ns a unit; 2^31 - 1 the greatest not taken as an active
# function's) of main recursing 10000 deep, each level 2147483647 ms:
# the arc main -> main sums 9999 levels, 9999 * 2147483647 * 10^6 =
# 21472688986353000000 ns, past 2^64 = 18446744073709551616. 8000 deep
# fits: 7999 * 2147483647 * 10^6 = 17177721692353000000, printed.
. "$TOP/tests/lib.sh"

mkelf prog main=0x1000
# deep N: record 0 the root, records 1..N main, each under the one before
deep()
{
	awk -v n=$1 'BEGIN {
		print "1 - 0 0 2147483647"
		for(i = 1; i < n; i++)
			print i + 1, "- 0x1000 1 2147483647"
		print "- - 0x1000 1 2147483647"
	}' | $MKCLASSIC
}
deep 10000 > big.out
errcase "sums past 2^64 ns" '^prof: callgrind output: a sum of times passes 2\^64 ns$' $PROF -C prog big.out
deep 8000 > fits.out
$PROF -C prog fits.out > got 2> err || { cat err; fail "8000 deep: exit $?"; }
# the arc main -> main: 7999 calls, 7999 * 2147483647 * 10^6 ns
grep -A2 '^cfn=main$' got | sed -n 3p > arc
[ "$(cat arc)" = "0 17177721692353000000" ] || fail "8000 deep: arc main -> main '$(cat arc)', want 0 17177721692353000000"
exit 0
