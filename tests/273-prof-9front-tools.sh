# prof's other outputs on 9front's prof.out, times in its own unit (cycles),
# and sums of several such files. The profile of 278: 3 GHz; main (2 s =
# 6e9 cycles, self 490,999,999) calls a twice (4.5e9), b (1,000,000,001)
# and c (active: -5,991,000,000 + 6e9 = 9e6).
# -F: a line per path with self time, in cycles (folded stacks carry no unit).
# -C: callgrind's event is "cycles", described with the frequency;
#     summary = the sum of self times, 6e9.
# -S: tooltips in time: cycles / 3e9 s (a: 4.5e9 -> 1.50 s).
# Two copies summed: every time and count doubled: a 9e9 cycles = 3 s,
# calls 4; b 2,000,000,002 / 3e9 = 0.666666667333.. -> 0.666666667.
# A file of another frequency, or a 4th-edition prof.out, is refused.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300
$MKCLASSIC -9 3000000000 > prof.out <<'P'
1 - 0 0 6000000000
2 - 0x1000 1 6000000000
- 3 0x1300 1 -5991000000
- 4 0x1200 1 1000000001
- - 0x1100 2 4500000000
P
printf '%s\n' 'main 490999999' 'main;a 4500000000' 'main;b 1000000001' 'main;c 9000000' > want
$PROF -F prog prof.out > got || fail "prof -F exit $?"
same folded want got

$PROF -C prog prof.out > cg || fail "prof -C exit $?"
grep -qx 'event: cycles : Time (cycles at 3000000000 Hz)' cg || fail "-C: no cycles event"
grep -qx 'events: cycles' cg || fail "-C: events"
grep -qx 'summary: 6000000000' cg || fail "-C: summary"
sed -n '/^fn=main$/,/^$/p' cg > got
printf '%s\n' 'fn=main' '0 490999999' 'cfn=c' 'calls=1 0' '0 9000000' 'cfn=b' 'calls=1 0' '0 1000000001' \
	'cfn=a' 'calls=2 0' '0 4500000000' '' > want
same callgrind want got

$PROF -S prog prof.out > svg || fail "prof -S exit $?"
grep -q '<title>a: 1.50 s, 75.0%, 2 calls</title>' svg || fail "-S: a's tooltip"
grep -q '9front prof.out, total 2.00 s' svg || fail "-S: title"

cp prof.out again.out
printf '%b\n' \
	'  %       Time        Calls  Name' \
	'75.0   3.000000000        4\ta' \
	'16.7   0.666666667        2\tb' \
	' 8.2   0.327333333        2\tmain' \
	' 0.2   0.006000000        2\tc' > want
$PROF prog prof.out again.out > got || fail "prof sum exit $?"
same sum want got

$MKCLASSIC -9 1000000000 > slow.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
errcase "other frequency" 'slow.out: cycles of a 1000000000 Hz counter, prof.out has 3000000000 Hz' \
	$PROF prog prof.out slow.out
$MKCLASSIC > classic.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
errcase "4th edition" 'classic.out: a Plan 9 prof.out file, prof.out is a 9front prof.out file' \
	$PROF prog prof.out classic.out
