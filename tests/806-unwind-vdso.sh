# The unwinder through the vdso, which has no file: its CFI is read from
# the unwinder's own vdso (the same image in every 64-bit process).
# tests/progs/unw-vdso.c calls clock_gettime over and over; unwstop -v
# stops it until its pc is in the vdso. The chain: the vdso's frames
# (named "#hex": no file for symbols; one or more, squeezed to one "?"
# here), libc's clock_gettime, spin, main, glibc's startup.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/unw-lib.sh"

grep -q '\[vdso\]' /proc/self/maps || skip "no vdso"
for o in -fomit-frame-pointer -fno-omit-frame-pointer; do
	cc -O2 -g $o -o vd "$TOP/tests/progs/unw-vdso.c" || fail "cc unw-vdso.c $o"
	{
		printf '?\t[vdso]\nclock_gettime\tlibc.so.6\nspin\tvd\nmain\tvd\n'
		startup vd
	} | libcmask > want
	unwchain -v ./vd | sed 's/^#[0-9a-f]*	\[vdso\]$/?	[vdso]/' | uniq > got
	same "$o: main -> spin -> clock_gettime -> vdso" want got
done
exit 0
