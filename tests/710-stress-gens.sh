# 300 profiles begun and ended by prof() in sample mode while 2 threads
# call leaf nonstop (tests/progs/stress-gens.c): each new profile remakes
# a thread's tree at its next call while the clock's ticks are charged to
# the trees (a tick must never touch a tree being remade). The output and
# exit status are those of the unprofiled build, nothing on stderr, and
# the last profile has onepass 1 with leaf 20000 under it and nothing
# else but the workers' leaf calls under the root (if the workers ran at
# all in that profile's short span: on a busy machine they may not).
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/stress-lib.sh"

src=$TOP/tests/progs/stress-gens.c
plaincc plain "$src" -DPLAIN
rtcc prog "$src"
run plain ./plain
run prog ./prog
alike 5
[ ! -s prog.err ] || fail "stderr: $(cat prog.err)"
p=$(profile)
levels prog "$p" > got.r
grep -qx '0 onepass 1' got.r || { cat got.r; fail "no onepass:1 at the root"; }
grep -qx '1 leaf 20000' got.r || { cat got.r; fail "no leaf 20000 under onepass"; }
# the workers' leaf calls at the root, if they ran at all in the last profile's short span
grep -Ev '^0 leaf [0-9]+$|^0 onepass 1$|^1 leaf 20000$' got.r && fail "nodes other than onepass, leaf, the workers' leaf"
exit 0
