# The unwinder through libc (Debian's, built without frame pointers):
# tests/progs/unw-qsort.c stops in hot called main -> sortit -> qsort ->
# cmp -> hot. Above and below libc the chain is known by construction;
# libc's frames between cmp and sortit are glibc 2.36's stdlib/msort.c:
# qsort tail-calls __qsort_r (exported as qsort_r), which calls
# msort_with_tmp, which for two elements calls the comparator itself
# (GCC splits it: msort_with_tmp.part.0; gdb's bt shows the same two
# frames, the second with msort_with_tmp inlined in __qsort_r). Other
# glibc versions: one or more frames in libc.so.6.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/unw-lib.sh"

for o in -fomit-frame-pointer -fno-omit-frame-pointer; do
	cc -O2 -g $o -o q "$TOP/tests/progs/unw-qsort.c" || fail "cc unw-qsort.c $o"
	unwchain ./q > got
	# the frames of q above and below libc's sorting
	awk -F'\t' 'NR <= 2 || seen { print } $1 == "sortit" { seen = 1; print }' got > outer
	{
		printf 'hot\tq\ncmp\tq\nsortit\tq\nmain\tq\n'
		startup q
	} | libcmask > want
	same "$o: the frames outside qsort" want outer
	# libc's frames between cmp and sortit
	awk -F'\t' '$1 == "sortit" { exit } on { print } $1 == "cmp" { on = 1 }' got > mid
	[ -s mid ] || fail "$o: no frame between cmp and sortit"
	awk -F'\t' '$2 != "libc.so.6"' mid | grep -q . && { cat got; fail "$o: a frame between cmp and sortit is not libc's"; }
	if [ "$LIBCNAMES" = yes ] && ldd --version | head -n 1 | grep -q ' 2\.36$'; then
		printf 'msort_with_tmp.part.0\tlibc.so.6\nqsort_r\tlibc.so.6\n' > want
		same "$o: glibc 2.36's qsort frames" want mid
		echo "$o: glibc 2.36's frames checked"
	fi
done
exit 0
