# prof -d: depth first from the root's children, siblings in call order
# (oldest first) although the file links them newest first; records in any
# order; records nobody links to are ignored, whatever they hold.
# Program: main 0x1000, a 0x1100, b 0x1200, c 0x1300, d 0x1400.
# Tree (calls, ms), children in call order; [n] = record number:
#	[5] main (1, 100)
#	    [4] a (1, 10)
#	    [1] b (2, 20)
#	        [6] c (1, 5)
#	        [3] d (3, 6)
#	    [7] c (4, 30)
#	    [2] d (1, 1)
#	[9] d (1, 0)			a second child of the root, after main
# [8] is junk: not linked to, with links out of range and to itself.
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300 d=0x1400
$MKCLASSIC > prof.out <<'P'
# down right pc count time
9 - 0 0 100
3 4 0x1200 2 20
- 7 0x1400 1 1
- 6 0x1400 3 6
- - 0x1100 1 10
2 - 0x1000 1 100
- - 0x1300 1 5
- 1 0x1300 4 30
99 8 0x1000 1 1
- 5 0x1400 1 0
P
printf '%b\n' \
	'main:100' \
	'. a:10' \
	'. b:20/2' \
	'.\tc:5' \
	'.\td:6/3' \
	'. c:30/4' \
	'. d:1' \
	'd:0' > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
