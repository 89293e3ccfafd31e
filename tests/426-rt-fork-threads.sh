# fork while other threads are being created (tests/progs/forkstorm.c):
# 100 children each call prof() and exit; none hangs (on the runtime's
# lock, held by another thread at the fork) or crashes, and each child's
# profile holds fn 1, leaf 3.
. "$TOP/tests/lib.sh"

rtcc forkstorm "$TOP/tests/progs/forkstorm.c"
timeout 25 ./forkstorm > out || fail "exit $? (124: a child hung)"
[ "$(cat out)" = 100 ] || fail "$(cat out) of 100 children exited normally"
pid=$(ls prof.* | wc -l)
[ "$pid" -eq 101 ] || fail "$pid profiles, want 101"
printf 'fn 1\nleaf 3\n' > want.flat
for p in prof.*; do
	calls forkstorm "$p" > got.flat
	grep -q '^main ' got.flat && continue	# the parent's
	same "$p: calls" want.flat got.flat
done
