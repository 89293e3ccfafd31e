# Calls nested deeper than the runtime's 1048576 a thread
# (tests/progs/overdeep.c), in sample and elapsed mode: the program's
# output and status are its own; the calls past that depth (51426) are
# not recorded and the runtime says so on one line naming the depth;
# those before it, and the calls made after the recursion returned, are
# counted exactly (work 1, rec 1048575, leaf 1001, main 1), leaf's under
# work (prof -d). Without the depth check the hooks write past their
# shadow stack (SIGSEGV).
. "$TOP/tests/lib.sh"

rtcc overdeep "$TOP/tests/progs/overdeep.c" -I"$TOP/tests/progs"
# sample and elapsed: modes whose hooks take their common paths on any machine
for mode in sample elapsed; do
	rm -f prof.*
	proftype=$mode profsize=1100000 timeout 60 ./overdeep > out 2> err || fail "$mode: exit $? $(cat err)"
	[ "$(cat out)" = 1100001 ] || fail "$mode: output $(cat out)"
	[ "$(wc -l < err)" -eq 1 ] && grep -q '^prof: 51426 Prof errors: .*deeper than 1048576' err ||
		fail "$mode: stderr: $(cat err): want 51426 Prof errors, deeper than 1048576"
	p=$(profile) || fail "$mode: $p"
	calls overdeep "$p" > got
	printf 'leaf 1001\nmain 1\nrec 1048575\nwork 1\n' > want
	same "calls" want got
	graph overdeep "$p" > got.d
	tree > want.d <<'E'
0 main 1
0 work 1
1 leaf 1001
1 rec 1
2 rec 1
3 ...
E
	same "prof -d" want.d got.d
	grep -Eq '(^|[^0-9])51426 .*not recorded' calls.err || fail "$mode: prof's stderr: $(cat calls.err): want 51426 calls not recorded"
	grep -q 'not recorded.*nested deeper than 1048576' calls.err || fail "$mode: prof's warning does not name the depth: $(cat calls.err)"
done
exit 0
