# prof flat report: the %4.1f and %8.3f columns as Plan 9's print makes
# them (libc/fmt/fltfmt.c, the same for %f in the 4th edition and 9front),
# not glibc's: the double becomes 17 significant digits, then those are
# rounded half up in decimal.
# How fltfmt.c gets the 17 digits of v: e = (frexp exponent) * log10(2),
# truncated; g = v * pow10(-e) (pow10(-n) = 1/1e n), e moved until
# 1 <= g < 10; then 17 times digit = (int)g, g = (g - digit) * 10, in
# double arithmetic: the guess. The guess is kept if strtod reads it back
# as v, else stepped by 1 in the 17th digit toward v until it does. %4.1f
# then adds 5 at digit 1 + 1 + e (digit 0 being at 10^e), carrying.
# Program: main 0x1000, a 0x1100, b 0x1200, c 0x1300, d 0x1400, e 0x1500,
# f 0x1600; main (2000 ms) calls each once; total 2000 ms, (100.0*ms)/2000:
#  ms  v = (100.0*ms)/2000 (double)      guess              strtod  Plan 9  glibc
#  986 49.29999999999999715...  e=1  49299999999999997  kept   49.3    49.3
#  405 20.25 (exact)            e=1  20249999999999999  kept   20.2    20.2
#      (g = 20.25*0.1 = 2.0249999999999999112: the product rounds down)
#  323 16.14999999999999857...  e=1  16150000000000000  kept   16.2    16.1
#  215 10.75 (exact)            e=1  10749999999999999  reads 10.749999999999998,
#                                    up 1: 10750000000000000       10.8    10.8
#   39  1.94999999999999995...  e=0  19500000000000000  kept    2.0     1.9
#      ((g-1)*10 = 9.4999999999999995559 is half way between two doubles:
#      it rounds to even, 9.5)
#   29  1.44999999999999995...  e=0  14500000000000000  kept    1.5     1.4
#    3  0.14999999999999999444  e=-1 (g=0.15*10=1.5) 15000000000000000
#                                                     kept    0.2     0.1
# (3 ms is main's self time: 2000 - 1997.) The times, ms/1000.0, have 3 decimals: %8.3f of
# them is the same in both.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300 d=0x1400 e=0x1500 f=0x1600
$MKCLASSIC > prof.out <<'P'
1 - 0 0 2000
2 - 0x1000 1 2000
- 3 0x1100 1 986
- 4 0x1200 1 405
- 5 0x1300 1 323
- 6 0x1400 1 215
- 7 0x1500 1 39
- - 0x1600 1 29
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'49.3    0.986        1\ta' \
	'20.2    0.405        1\tb' \
	'16.2    0.323        1\tc' \
	'10.8    0.215        1\td' \
	' 2.0    0.039        1\te' \
	' 1.5    0.029        1\tf' \
	' 0.2    0.003        1\tmain' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
