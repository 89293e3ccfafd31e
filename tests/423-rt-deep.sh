# 100,000-deep recursion (tests/progs/deep.c): with profsize=200000 the
# program completes, and prof's flat and -d reports finish quickly (20 s)
# with the exact counts; -d compresses the recursion. With no profsize
# set, the tree grows to hold them all too.
. "$TOP/tests/lib.sh"

rtcc deep "$TOP/tests/progs/deep.c"
[ "$(ulimit -s)" = unlimited ] || [ "$(ulimit -s)" -ge 8192 ] || ulimit -s 8192 2>/dev/null ||
	skip "stack limit $(ulimit -s) KB, and cannot raise it to 8 MB"
profsize=200000 timeout 20 ./deep > out 2> err || fail "exit $?"
[ "$(cat out)" = 100001 ] || fail "output $(cat out)"
[ ! -s err ] || fail "stderr $(cat err)"
p=$(profile)
timeout 20 $PROF deep "$p" > flat 2> err || fail "prof: exit $? $(cat err)"
sed 1d flat | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got.flat
printf 'main 1\nrec 100001\n' > want.flat
same "calls" want.flat got.flat
tabstop=100 timeout 20 $PROF -d deep "$p" > graph.out 2> err || fail "prof -d: exit $? $(cat err)"
sed 's/:[0-9]*/:T/' graph.out > got.d
tree > want.d <<'E'
0 main 1
1 rec 1
2 rec 1
3 ...
E
same "prof -d" want.d got.d

rm -f prof.*
timeout 20 ./deep > out 2> err || fail "default profsize: exit $?"
[ "$(cat out)" = 100001 ] || fail "default profsize: output $(cat out)"
[ ! -s err ] || fail "default profsize: stderr $(cat err)"
calls deep "$(profile)" > got.flat
printf 'main 1\nrec 100001\n' > want.flat
same "default profsize: calls" want.flat got.flat
