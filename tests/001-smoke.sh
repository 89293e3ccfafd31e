# prof on a tiny hand-made profile: the whole pipeline works.
# Program: main at 0x1000, f at 0x1010. Tree: main(1 call, 10 ms) -> f(2 calls, 4 ms).
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 f=0x1010
$MKCLASSIC > prof.out <<'P'
# down right pc count time
1 - 0 0 10
2 - 0x1000 1 10
- - 0x1010 2 4
P
# flat: main self 6 of 10 ms, f self 4
printf '  %%     Time     Calls  Name\n60.0    0.006        1\tmain\n40.0    0.004        2\tf\n' > want
$PROF prog > got || fail "prof exit $?"
same flat want got
