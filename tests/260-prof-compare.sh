# prof -b: two hand-made Plan 9 prof.out files of one program compared by
# names, per function (self time, calls; the flat report's figures) and,
# with -d, per call path (inclusive time, calls), the largest change of
# time first, then of calls; a function or path of one side only shows 0
# on the other. Worked by hand from the trees below.
# Program: main 0x1000, a 0x1100, b 0x1200, c 0x1300.
# Before (calls, ms):			After:
#	main (1, 100)  self 30		main (1, 130)  self 20
#	├── a (10, 60) self 40		├── a (20, 100) self 80
#	│   └── b (5, 20)		│   └── b (5, 20)
#	└── c (2, 10)			└── b (3, 10)
# Functions: a 10->20 calls, 40->80 ms; b 5->8, 20->30 (20 + 10);
# c 2->0, 10->0; main 1->1, 30->20. |change of ms|: a 40, then b, c,
# main 10 each, ordered by |change of calls|: b 3, c 2, main 0.
# Paths: main;a 60->100 (+40), main 100->130 (+30), main;b 0->10 and
# main;c 10->0 (10 each; calls 3 before 2), main;a;b 20->20.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/cmptrees.sh"
cat > want <<'W'
 calls was  calls now     change       ms was       ms now       change  name
        10         20        +10       40.000       80.000      +40.000  a
         5          8         +3       20.000       30.000      +10.000  b
         2          0         -2       10.000        0.000      -10.000  c
         1          1          0       30.000       20.000      -10.000  main
W
$PROF -b before.out prog after.out > got 2>err || fail "prof -b exit $?: $(cat err)"
same "functions" want got
cat > want <<'W'
 calls was  calls now     change       ms was       ms now       change  path
        10         20        +10       60.000      100.000      +40.000  main;a
         1          1          0      100.000      130.000      +30.000  main
         0          3         +3        0.000       10.000      +10.000  main;b
         2          0         -2       10.000        0.000      -10.000  main;c
         5          5          0       20.000       20.000        0.000  main;a;b
W
$PROF -b before.out -d prog after.out > got 2>err || fail "prof -b -d exit $?: $(cat err)"
same "paths" want got
# -r is -d here: the paths are raw, never compressed
$PROF -b before.out -r prog after.out > got2 2>err || fail "prof -b -r exit $?"
same "paths by -r" want got2
# a profile compared with itself: every change 0
$PROF -b before.out prog before.out > got 2>err || fail "self compare exit $?"
awk 'NR > 1 && ($3 != "0" || $6 != "0.000") { bad = 1 } END { exit bad }' got || fail "a profile differs from itself: $(cat got)"
# the baseline may be a sum: before twice against after
$PROF -b before.out -b before.out prog after.out > got 2>err || fail "summed baseline exit $?"
grep -q '^        20         20          0       80.000       80.000        0.000  a$' got || fail "summed baseline: $(cat got)"
exit 0
