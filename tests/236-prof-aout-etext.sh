# prof over a Plan 9 a.out: its own table ends with etext, the last text
# symbol, and no other is added: a pc at etext or past it is etext's (one
# row; libmach's findsym and prof.c's symind have no upper bound), and the
# array prof.c sorts is the table's text symbols, etext included, once.
# 386 program (text at 0x1020, 0x20 bytes): a 0x1020, b 0x1028, c 0x1030,
# etext 0x1040 (all T).
# Tree (calls, ms), leaves under the root:
#	a (1, 0)  b (1, 5)  c (1, 5)  etext @0x1040 (1, 0)  @0x1050 (1, 0)
# etext: 0 ms, 2 calls. Total 10: 50.0 each for b and c.
# The array [a0 b5 c5 etext0], n 4: pivot 2 (c5) to the front:
# [c5 b5 a0 etext0]; i stops at 1 (5 is not < 5), j at 3 (0 is not > 5):
# swap -> [c5 etext0 a0 b5]; i passes a0, stops at 3; j stops at 2 (a0):
# crossed; pivot to 2: [a0 etext0 | c5 | b5]. Left [a0 etext0]: pivot 1
# (etext0) to the front: [etext0 a0]; i 1, j 1: swap 1,1; crossed, pivot
# stays. Sorted [etext0 a0 c5 b5]; printed b c a etext. (A second etext
# added after the table's would make the array [a0 b5 c5 etext0 etext0]
# and print b c etext etext a.)
# -d: the two etext pcs print as etext.
. "$TOP/tests/lib.sh"
unset tabstop
mkaout 8.out <<'E'
arch 386
entry 0x1020
text 0x20
T 0x1020 a
T 0x1028 b
T 0x1030 c
T 0x1040 etext
E
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
- 2 0x1020 1 0
- 3 0x1028 1 5
- 4 0x1030 1 5
- 5 0x1040 1 0
- - 0x1050 1 0
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'50.0    0.005        1\tb' \
	'50.0    0.005        1\tc' \
	' 0.0    0.000        1\ta' \
	' 0.0    0.000        2\tetext' > want
$PROF 8.out prof.out > got || fail "prof 8.out: exit $?"
same "a.out flat" want got
# -d: siblings oldest first (the file lists them newest first)
printf '%b\n' 'etext:0' 'etext:0' 'c:5' 'b:5' 'a:0' > want
$PROF -d 8.out prof.out | sed 's/^\. //' > got || fail "prof -d 8.out: exit $?"
same "a.out -d" want got
