# A thread that ends over 1048576 calls deep, whose key destructor then
# calls instrumented code while recording is off (prof(..., Profoff)),
# and a second thread that reuses its tree (tests/progs/enddeep.c), in
# sample and elapsed mode: the program ends as it would unprofiled, and
# the profile holds exactly main 1, work 1, leaf 1, rec 1048575, second 1,
# other 1. When "not recording" was the key of a busy thread with no
# common path (an ended thread's), the destructor's call took the common
# path into the tree the second thread took over, and the dump looped.
. "$TOP/tests/lib.sh"

rtcc enddeep "$TOP/tests/progs/enddeep.c" -I"$TOP/tests/progs"
for mode in sample elapsed; do
	rm -f prof.*
	proftype=$mode profsize=1100000 timeout 60 ./enddeep > out 2> err || fail "$mode: exit $? $(cat err)"
	[ "$(cat out)" = done ] || fail "$mode: output $(cat out)"
	grep -q '^prof: 51426 Prof errors: .*deeper than 1048576' err || fail "$mode: stderr: $(cat err)"
	p=$(profile) || fail "$mode: $p"
	calls enddeep "$p" > got
	printf 'leaf 1\nmain 1\nother 1\nrec 1048575\nsecond 1\nwork 1\n' > want
	same "$mode: calls" want got
done
exit 0
