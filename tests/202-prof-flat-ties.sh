# prof flat report: equal self times come in the order Plan 9's prof
# leaves them. prof.c puts every text symbol (called or not, etext last)
# in an array in address order, sorts it with libc's qsort comparing the
# time alone (sys/src/libc/port/qsort.c) and prints, from the end of the
# array, the symbols with calls.
# Program: zeta 0x1000, Zed 0x1080, alpha 0x1100, mid 0x1200, beta 0x1300,
# omega 0x1400; the text ends at 0x1410, where the table's etext is.
# Tree (calls, ms), children in call order:
#	zeta (1, 50)		self 50-10-10-10-5-10 = 5
#	├── alpha (2, 10)
#	├── mid (1, 10)
#	├── beta (5, 10)
#	├── omega (1, 5)
#	└── Zed (3, 10)
# Total 50: 10 ms = 20.0%, 5 ms = 10.0%.
#
# The sort, by hand (qsort.c: n <= 10, so the pivot is element n/2; it is
# swapped to the front; i scans up from 1 past elements < pivot, j down
# from n-1 past elements > pivot; if j >= i swap them and go on; then the
# pivot is swapped with element j and both sides are sorted the same way):
#	[zeta5 Zed10 alpha10 mid10 beta10 omega5 etext0]	n 7, pivot 3 (mid10)
#	[mid10 Zed10 alpha10 zeta5 beta10 omega5 etext0]	i stops at 1 (10 = 10), j at 6
#	swap 1,6: [mid10 etext0 alpha10 zeta5 beta10 omega5 Zed10]	i 2, j 5
#	swap 2,5: [mid10 etext0 omega5 zeta5 beta10 alpha10 Zed10]	i passes zeta5, stops at 4; j 4
#	swap 4,4; then i 5, j 3: crossed; pivot to 3:
#	[zeta5 etext0 omega5 | mid10 | beta10 alpha10 Zed10]
#	left [zeta5 etext0 omega5]: pivot 1 (etext0) to the front:
#	  [etext0 zeta5 omega5]; i stops at 1, j runs down to 0: crossed, pivot stays;
#	  right part [zeta5 omega5]: pivot 1 to the front, [omega5 zeta5]; i 1, j 1:
#	  swap 1,1; i 2, j 0: crossed, pivot stays: [omega5 zeta5]
#	right [beta10 alpha10 Zed10]: pivot 1 (alpha10) to the front:
#	  [alpha10 beta10 Zed10]; i 1, j 2: swap: [alpha10 Zed10 beta10]; i 2, j 1:
#	  crossed, pivot to 1: [Zed10 alpha10 beta10]
#	sorted: [etext0 omega5 zeta5 mid10 Zed10 alpha10 beta10]
# Printed from the end, etext left out (no calls): beta alpha Zed mid zeta
# omega (by name it would be Zed alpha beta mid, omega zeta).
. "$TOP/tests/lib.sh"
mkelf prog zeta=0x1000 Zed=0x1080 alpha=0x1100 mid=0x1200 beta=0x1300 omega=0x1400
$MKCLASSIC > prof.out <<'P'
1 - 0 0 50
6 - 0x1000 1 50
- - 0x1100 2 10
- 2 0x1200 1 10
- 3 0x1300 5 10
- 4 0x1400 1 5
- 5 0x1080 3 10
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'20.0    0.010        5\tbeta' \
	'20.0    0.010        2\talpha' \
	'20.0    0.010        3\tZed' \
	'20.0    0.010        1\tmid' \
	'10.0    0.005        1\tzeta' \
	'10.0    0.005        1\tomega' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got

# The example of issue 15: b at 0x1000 and a at 0x1008, one call of 5 ms
# each under main at 0x1100 (self 0). Array [b5 a5 main0 etext0], n 4:
# pivot 2 (main0) to the front: [main0 a5 b5 etext0]; i stops at 1 (5 is
# not < 0), j at 3 (0 is not > 0); swap 1,3: [main0 etext0 b5 a5]; i stops
# at 2, j passes b5 and stops at 1: crossed, pivot to 1: [etext0 main0 |
# b5 a5]. Right [b5 a5]: pivot 1 (a5) to the front: [a5 b5]; i 1, j 1: swap
# 1,1; i 2, j 0: crossed, pivot stays. Sorted [etext0 main0 a5 b5]: printed
# b, a (by name: a, b), then main (0 ms, 1 call). Total 10: 50.0 each.
mkelf two b=0x1000 a=0x1008 main=0x1100
$MKCLASSIC > two.out <<'P'
1 - 0 0 10
2 - 0x1100 1 10
- 3 0x1008 1 5
- - 0x1000 1 5
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'50.0    0.005        1\tb' \
	'50.0    0.005        1\ta' \
	' 0.0    0.000        1\tmain' > want
$PROF two two.out > got || fail "prof two exit $?"
same "b before a" want got
