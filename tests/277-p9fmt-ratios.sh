# p9fmtf against an oracle on every percentage prof can print of a total
# up to 2000 ms: (100.0*a)/T as %4.1f for 1 <= a <= T <= 2000, 2,001,000
# values. The oracle (tests/bin/p9fmt.c, oracle()) works in integers:
# 100a/T rounded half up to tenths exactly; at an exact tie, fltfmt.c's
# guess is redone with exact products rounded to 53 bits (ties to even)
# instead of double arithmetic, stepped until strtod reads it back, and
# the tie goes up iff those digits are at or over the tie's own. (Plain
# half up of the exact ratio is not Plan 9: 81 of 400 is 20.25, whose
# guess 20249999999999999 reads back as 20.25 and rounds down; 265 of
# the 2,001,000 differ from it.) glibc differs from Plan 9 on 1,519.
. "$TOP/tests/lib.sh"
$B/tests/p9fmt -x > got || { cat got; fail "p9fmt -x exit $?"; }
echo '2001000 ratios, 0 unlike the oracle, 1519 unlike glibc' > want
same ratios want got
