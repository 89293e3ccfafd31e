# The runtime with optimized programs: the cases of known shape, longjmp
# (out of and into recursion), exit from deep in the stack, signal
# handlers and profsize (401, 409, 410, 411, 412, 413) again, built with
# -O2 by gcc and by clang. gcc -O2 makes the exit hook's call a tail
# call (the hook returns straight to the caller); clang inlines small
# static functions and keeps their hooks.
. "$TOP/tests/lib.sh"

n=0
for cc in gcc clang; do
	command -v $cc > /dev/null || continue
	for t in 401-rt-shape 409-rt-longjmp 410-rt-longjmp-inner 411-rt-exit-deep 412-rt-signal 413-rt-profsize; do
		n=$((n + 1))
		mkdir "$cc-$t"
		(cd "$cc-$t" && CC=$cc RTOPT=-O2 sh "$TOP/tests/$t.sh") > "$cc-$t.log" 2>&1
		rc=$?
		[ $rc -eq 0 ] || { tail -n 20 "$cc-$t.log"; fail "$t with $cc -O2: exit $rc"; }
	done
done
[ $n -gt 0 ] || skip "neither gcc nor clang"
