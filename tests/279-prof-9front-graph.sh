# prof -d on 9front's prof.out: 9front's graph() prints "%s:%.9f\n", or
# "%s:%.9f/%lud\n" when the count is not 1, of (double)time/cyclefreq in
# seconds, time a vlong after the root's time is added to a negative one
# (so one still negative prints with its sign); indentation, order and
# recursion compression as the 4th edition's.
# The profile of 278 (3 GHz; main 2 s, a 1.5 s twice, b 1,000,000,001
# cycles, c active: -5,991,000,000 + 6e9 = 9e6 cycles), children of main
# in call order a, b, c at depth 1: "." and a space (tabstop 4).
# A second file, 1 GHz, root 1,000,000,000: main calls x, whose record
# holds -3,000,000,000 (+ 1e9 = -2e9: -2.000000000), and main calls
# itself once (main:1e9/1, then "...": recursion compressed, its child
# not shown).
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300
$MKCLASSIC -9 3000000000 > prof.out <<'P'
1 - 0 0 6000000000
2 - 0x1000 1 6000000000
- 3 0x1300 1 -5991000000
- 4 0x1200 1 1000000001
- - 0x1100 2 4500000000
P
printf '%b\n' \
	'main:2.000000000' \
	'. a:1.500000000/2' \
	'. b:0.333333334' \
	'. c:0.003000000' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same graph want got
mkelf prog2 main=0x1000 x=0x1100
$MKCLASSIC -9 1000000000 > prof2.out <<'P'
1 - 0 0 1000000000
2 - 0x1000 1 1000000000
4 3 0x1000 1 500000000
- - 0x1100 1 -3000000000
- - 0x1100 7 250000000
P
printf '%b\n' \
	'main:1.000000000' \
	'. x:-2.000000000' \
	'. main:0.500000000' \
	'.\t...' > want2
$PROF -d prog2 prof2.out > got2 || fail "prof -d exit $?"
same graph2 want2 got2
