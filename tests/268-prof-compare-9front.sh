# prof -b on two 9front prof.out files (times in cycles of the counter
# the header names; here 2 GHz, so test 260's trees with every ms as
# 2,000,000 cycles): the comparison is by ns, the cycles divided by the
# frequency, so the report is test 260's to the byte (see its comment for
# the figures worked by hand). A 9front baseline against a 4th edition
# prof.out of the same trees compares too: 0 changes.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300
$MKCLASSIC -9 2000000000 > before.out <<'P'
1 - 0 0 200000000
3 - 0x1000 1 200000000
4 - 0x1100 10 120000000
- 2 0x1300 2 20000000
- - 0x1200 5 40000000
P
$MKCLASSIC -9 2000000000 > after.out <<'P'
1 - 0 0 260000000
3 - 0x1000 1 260000000
4 - 0x1100 20 200000000
- 2 0x1200 3 20000000
- - 0x1200 5 40000000
P
cat > want <<'W'
 calls was  calls now     change       ms was       ms now       change  name
        10         20        +10       40.000       80.000      +40.000  a
         5          8         +3       20.000       30.000      +10.000  b
         2          0         -2       10.000        0.000      -10.000  c
         1          1          0       30.000       20.000      -10.000  main
W
$PROF -b before.out prog after.out > got 2>err || { cat err; fail "prof -b exit $?"; }
same "9front functions" want got
$MKCLASSIC > classic.out <<'P'
1 - 0 0 100
3 - 0x1000 1 100
4 - 0x1100 10 60
- 2 0x1300 2 10
- - 0x1200 5 20
P
$PROF -b before.out prog classic.out > got 2>err || { cat err; fail "9front against classic: exit $?"; }
awk 'NR > 1 && ($3 != "0" || $6 != "0.000") { bad = 1 } END { exit bad }' got || fail "9front against classic: $(cat got)"
exit 0
