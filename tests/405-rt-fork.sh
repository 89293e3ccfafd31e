# A forked child is not profiled (tests/progs/fork.c): the child runs
# instrumented code and exits through exit(), yet only the parent's
# prof.<pid> exists, and it has the parent's calls only.
. "$TOP/tests/lib.sh"

rtcc fork "$TOP/tests/progs/fork.c"
./fork > out || fail "exit $?"
pid=$(sed -n 1p out)
[ "$(sed -n 2p out)" = "child 0" ] || fail "child: $(sed -n 2p out)"
p=$(profile)
[ "$p" = "prof.$pid" ] || fail "profile $p, want prof.$pid (the parent's)"
cat > want.flat <<'E'
main 1
other 2
spawn 1
E
calls fork "$p" > got.flat
same "parent's calls" want.flat got.flat
tree > want.d <<'E'
0 main 1
1 spawn 1
1 other 2
E
graph fork "$p" > got.d
same "parent's tree" want.d got.d
