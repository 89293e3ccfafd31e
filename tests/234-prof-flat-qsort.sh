# prof flat report over more than 10 symbols: Plan 9's qsort
# (sys/src/libc/port/qsort.c) takes as pivot the median of the elements at
# k, 3k and 5k (k = n/6) when n > 10, and that decides where equal times
# end. Ties among symbols called but with no time (0.000) too.
# Program, in address order (0x100 apart from 0x1000): p k w c r d m t x e
# q; the text ends at 0x1a10, where the table's etext is. x is never called.
# Tree: ten leaves under the root (calls, ms = self):
#	p (1, 0)  k (1, 3)  w (2, 3)  c (1, 0)  r (1, 5)  d (3, 3)  m (1, 0)
#	t (1, 5)  e (1, 3)  q (4, 5);	total 27: 3 ms 11.1%, 5 ms 18.5%.
#
# The array, every text symbol in address order, times only:
#	 0  1  2  3  4  5  6  7  8  9 10 11
#	p0 k3 w3 c0 r5 d3 m0 t5 x0 e3 q5 etext0
# n 12 > 10: k 2, candidates 2 (w3), 6 (m0), 10 (q5). pivot(): w < m? no;
# m < q? yes; w < q? yes: the pivot is w3 (the middle one, m0, would give
# another order). Swapped to the front:
#	w3 k3 p0 c0 r5 d3 m0 t5 x0 e3 q5 etext0
# i scans up from 1 past elements < 3, j down from 11 past elements > 3;
# where both stop (j >= i) they are swapped:
#	i stops at 1 (k3), j at 11 (etext0): swap -> w3 etext0 p0 c0 r5 d3 m0 t5 x0 e3 q5 k3
#	i passes p0 c0, stops at 4 (r5); j passes q5, stops at 9 (e3): swap
#	  -> w3 etext0 p0 c0 e3 d3 m0 t5 x0 r5 q5 k3
#	i stops at 5 (d3); j stops at 8 (x0): swap -> w3 etext0 p0 c0 e3 x0 m0 t5 d3 r5 q5 k3
#	i passes m0, stops at 7 (t5); j passes t5, stops at 6 (m0): crossed.
# The pivot swapped with element 6:
#	m0 etext0 p0 c0 e3 x0 | w3 | t5 d3 r5 q5 k3
# Left, 6 elements: pivot 3 (c0) to the front: c0 etext0 p0 m0 e3 x0;
#	i 1 (0 is not < 0), j 5 (x0): swap -> c0 x0 p0 m0 e3 etext0;
#	i 2 (p0), j passes e3, stops at 3 (m0): swap -> c0 x0 m0 p0 e3 etext0;
#	i 3 (p0), j 2 (m0): crossed; pivot to 2: m0 x0 | c0 | p0 e3 etext0
#	  [m0 x0]: pivot 1 (x0) to the front: x0 m0; i 1, j 1: swap 1,1; crossed: x0 m0
#	  [p0 e3 etext0]: pivot 1 (e3) to the front: e3 p0 etext0; i passes p0
#	  and etext0, stops at the end; j 2: crossed; pivot to 2: etext0 p0 | e3
#	    [etext0 p0]: pivot 1 (p0) to the front: p0 etext0; swap 1,1; crossed: p0 etext0
#	left sorted: x0 m0 c0 p0 etext0 e3
# Right, 5 elements (t5 d3 r5 q5 k3): pivot 2 (r5) to the front: r5 d3 t5 q5 k3;
#	i passes d3, stops at 2 (t5); j 4 (k3): swap -> r5 d3 k3 q5 t5;
#	i 3 (q5), j 3 (5 is not > 5): swap 3,3;
#	i 4 (t5), j 2 (k3): crossed; pivot to 2: k3 d3 | r5 | q5 t5
#	  [k3 d3]: pivot 1 (d3) to the front: d3 k3; swap 1,1; crossed: d3 k3
#	  [q5 t5]: pivot 1 (t5) to the front: t5 q5; swap 1,1; crossed: t5 q5
#	right sorted: d3 k3 r5 t5 q5
# Sorted: x0 m0 c0 p0 etext0 e3 w3 d3 k3 r5 t5 q5. Printed from the end,
# without those never called (etext, x): q t r k d w e p c m.
# (By name: q r t, d e k w, c m p; with the middle element as pivot:
# r t q, d w e k, c m p.)
. "$TOP/tests/lib.sh"
mkelf prog p=0x1000 k=0x1100 w=0x1200 c=0x1300 r=0x1400 d=0x1500 m=0x1600 t=0x1700 \
	x=0x1800 e=0x1900 q=0x1a00
$MKCLASSIC > prof.out <<'P'
1 - 0 0 27
- 2 0x1000 1 0
- 3 0x1100 1 3
- 4 0x1200 2 3
- 5 0x1300 1 0
- 6 0x1400 1 5
- 7 0x1500 3 3
- 8 0x1600 1 0
- 9 0x1700 1 5
- 10 0x1900 1 3
- - 0x1a00 4 5
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'18.5    0.005        4\tq' \
	'18.5    0.005        1\tt' \
	'18.5    0.005        1\tr' \
	'11.1    0.003        1\tk' \
	'11.1    0.003        3\td' \
	'11.1    0.003        2\tw' \
	'11.1    0.003        1\te' \
	' 0.0    0.000        1\tp' \
	' 0.0    0.000        1\tc' \
	' 0.0    0.000        1\tm' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
