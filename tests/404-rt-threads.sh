# 16 threads x 10000 calls (tests/progs/threads.c): every thread is
# profiled, and the trees are merged into one: flat Calls 16 x 10000, and
# -d shows main, then tfn/16 -> f/160000 -> g/160000. Run under every
# proftype (each has its own per-thread clock set-up).
. "$TOP/tests/lib.sh"

rtcc threads "$TOP/tests/progs/threads.c"
cat > want.flat <<'E'
f 160000
g 160000
main 1
tfn 16
E
tree > want.d <<'E'
0 main 1
0 tfn 16
1 f 160000
2 g 160000
E
for type in user kernel elapsed sample; do
	rm -f prof.*
	proftype=$type ./threads > out || fail "$type: exit $?"
	[ "$(cat out)" = 160000 ] || fail "$type: program printed $(cat out)"
	p=$(profile)
	calls threads "$p" > got.flat
	same "$type: flat calls" want.flat got.flat
	graph threads "$p" > got.d
	same "$type: prof -d" want.d got.d
done
