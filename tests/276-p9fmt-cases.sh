# p9fmtf, Plan 9's %width.precf, on the cases that tell it from glibc's,
# through tests/bin/p9fmt (one bracketed line per value). The steps are
# fltfmt.c's (see 275): the 17-digit guess in double arithmetic, kept or
# stepped until strtod reads it back as v, rounded half up at digit
# prec + 1 + e; when that digit is 15 or later the guess cut to 15 digits
# is tried first. Then the digits are laid out: the integer part (a 0 if
# e < 0), '.', prec decimals, digits past the 17 being 0; spaces on the left
# up to width, never cut.
#  value        guess (e)                 result       glibc
#  %3.0f 0.5    50000000000000000 (-1)    "  1"        "  0"  (half even)
#  %3.0f 2.5    25000000000000000 (0)     "  3"        "  2"
#  %3.0f 1.5    15000000000000000 (0)     "  2"        "  2"
#  %4.2f 2.675  26749999999999998 (0)     "2.67": +5 at digit 3 (a 4)
#               makes a 9, no carry                            "2.67"
#  %4.1f 99.95 (1999 of 2000, 99.950000000000002842)
#               e=2: g = 99.95*0.01 < 1, so e=1; 99950000000000009
#               +5 at digit 3 carries into a new digit: "100.0" (5 > 4 wide)
#  %4.1f 0      all 0 (e=0)               " 0.0"
#  %8.3f 0                                "   0.000"
#  %8.3f 0.0005 (0.00050000000000000001) e=-4, 50000000000000000, +5 at
#               digit 0 carries: 1 at 10^-3  "   0.001"   "   0.001"
#  %8.3f 1.0005 (1.00049999999999998934) 10004999999999999: "   1.000"
#  %8.3f 123456.789 (123456789 ms)        "123456.789" (10 > 8 wide)
#  %8.3f 1e20   e=20, 10000000000000000; digit 24 is past the 17: no
#               rounding; 21 integer digits   "100000000000000000000.000"
#  %8.3f 123456789012345678 (double 123456789012345680): the 15-digit
#               cuts 12345678901234500 and ..600 do not read back; the
#               guess 12345678901234569 reads back above v, down 1:
#               12345678901234568, then 0s   "123456789012345680.000"
#  %.9f 1/3     e=-1, 33333333333333330       "0.333333333"
#  %.9f 5e-10   (5.0000000000000003e-10) e=-10, 50000000000000000, +5
#               at digit 0 carries          "0.000000001"
#  %4.1f -12.25 sign first, then as 12.25  "-12.3"   "-12.2"
. "$TOP/tests/lib.sh"
P9FMT=$B/tests/p9fmt
{
	$P9FMT 3 0 0.5 2.5 1.5
	$P9FMT 4 2 2.675
	$P9FMT 4 1 1999%2000 0
	$P9FMT 8 3 0 0.0005 1.0005 123456789/1000 1e20 123456789012345678
	$P9FMT 0 9 1/3 5e-10
	$P9FMT 4 1 -12.25
} > got || fail "p9fmt exit $?"
cat > want <<'W'
[  1]
[  3]
[  2]
[2.67]
[100.0]
[ 0.0]
[   0.000]
[   0.001]
[   1.000]
[123456.789]
[100000000000000000000.000]
[123456789012345680.000]
[0.333333333]
[0.000000001]
[-12.3]
W
same p9fmtf want got
