# The unwinder over the fuzz inputs kept in the tree (tests/fuzz-seeds/
# unwind/, tests/fuzz-regress/unwind/): unwstop -f runs it as the
# harness fuzz/unwind.c does (the file mapped and as the stack copy);
# each run ends within 10 s with status 0, never a crash (nor a
# sanitizer's report under SAN=1).
. "$TOP/tests/lib.sh"

for f in "$TOP"/tests/fuzz-seeds/unwind/* "$TOP"/tests/fuzz-regress/unwind/*; do
	timeout 10 $VG $B/tests/unwstop -f "$f" > out 2> err
	rc=$?
	[ $rc -eq 0 ] || { cat err; fail "unwstop -f $(basename "$f"): exit $rc"; }
	[ ! -s out ] && [ ! -s err ] || { cat out err; fail "unwstop -f $(basename "$f"): output"; }
done
exit 0
