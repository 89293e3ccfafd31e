# The unwinder on known chains (tests/progs/unw-chain.c): stopped in hot,
# called main -> a -> b -> hot ("1") or main -> c -> b -> hot ("2"), the
# chain is hot, b, a or c, main, then glibc's startup (unw-lib.sh). Built
# -O2 with and without frame pointers (both unwound by .eh_frame), with
# no .eh_frame_hdr (the FDEs indexed from .eh_frame), and with no CFI for
# the program's functions but frame pointers (the rbp chain, checked by
# the functions' prologues).
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/unw-lib.sh"

src=$TOP/tests/progs/unw-chain.c
cc -O2 -g -fno-omit-frame-pointer -o fp "$src" || fail "cc fp"
cc -O2 -g -fomit-frame-pointer -o nofp "$src" || fail "cc nofp"
cc -O2 -g -fomit-frame-pointer -Wl,--no-eh-frame-hdr -o nohdr "$src" || fail "cc nohdr"
cc -O2 -g -DFRAME -fno-omit-frame-pointer -fno-asynchronous-unwind-tables -fno-unwind-tables \
	-o fponly "$src" || fail "cc fponly"
! readelf -S nohdr | grep -q eh_frame_hdr || fail "nohdr has an .eh_frame_hdr"
# fponly's .eh_frame has no FDE for hot (its .debug_frame, from -g, is not read)
hot=$(nm fponly | awk '$3 == "hot" { print $1 }' | sed 's/^0*//')
readelf -wf fponly | awk '/^Contents of the/ { eh = /\.eh_frame/ } eh && /FDE/' | grep -q "pc=0*$hot\.\." &&
	fail "fponly has an FDE for hot"

for p in fp nofp nohdr fponly; do
	for w in 1 2; do
		[ $w = 1 ] && mid=a || mid=c
		{
			printf 'hot\t%s\nb\t%s\n%s\t%s\nmain\t%s\n' $p $p $mid $p $p
			startup $p
		} | libcmask > want
		unwchain ./$p $w > got
		same "$p $w: main -> $mid -> b -> hot" want got
	done
done
exit 0
