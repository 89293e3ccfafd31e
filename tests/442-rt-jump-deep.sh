# A longjmp out of calls nested deeper than 1048576
# (tests/progs/jumpdeep.c), in sample and elapsed mode: the calls made
# after it are recorded (leaf 1000 under work; before, the count of calls
# too deep stayed up and every later call of the thread was lost as too
# deep), and the others exactly (work 1, rec 1048575, main 1), with the
# 51426 too deep on the runtime's line.
. "$TOP/tests/lib.sh"

rtcc prog "$TOP/tests/progs/jumpdeep.c" -I"$TOP/tests/progs"
printf 'leaf 1000\nmain 1\nrec 1048575\nwork 1\n' > want
for mode in sample elapsed; do
	rm -f prof.*
	proftype=$mode profsize=1100000 timeout 60 ./prog > out 2> err || fail "$mode: exit $? $(cat err)"
	[ "$(cat out)" = 1000 ] || fail "$mode: output $(cat out)"
	[ "$(wc -l < err)" -eq 1 ] && grep -q '^prof: 51426 Prof errors: .*deeper than 1048576' err ||
		fail "$mode: stderr: $(cat err): want 51426 Prof errors, deeper than 1048576"
	p=$(profile) || fail "$mode: $p"
	calls prog "$p" > got
	same "$mode: calls" want got
	graph prog "$p" > got.d
	tree > want.d <<'E'
0 main 1
0 work 1
1 rec 1
2 rec 1
3 ...
1 leaf 1000
E
	same "$mode: prof -d" want.d got.d
done
exit 0
