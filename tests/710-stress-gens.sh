# 300 profiles begun and ended by prof() in sample mode while 2 threads
# call leaf nonstop (tests/progs/stress-gens.c): each new profile remakes
# a thread's tree at its next call while the clock's ticks are charged to
# the trees (a tick must never touch a tree being remade). The output and
# exit status are those of the unprofiled build, nothing on stderr, and
# the last profile has onepass 1 with leaf 20000 under it (the workers'
# leaf calls, whatever their number, under the root).
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
grep -Eq '^0 leaf [0-9]+$' got.r || { cat got.r; fail "no workers' leaf at the root"; }
[ "$(wc -l < got.r)" -le 3 ] || { cat got.r; fail "nodes other than onepass, leaf, the workers' leaf"; }
exit 0
