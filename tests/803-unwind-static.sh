# The unwinder on a -static program (tests/progs/unw-chain.c, -O2, no
# frame pointers): glibc's startup is in the program itself, so the whole
# chain is its: hot, b, a or c, main, __libc_start_call_main,
# __libc_start_main, _start (unw-lib.sh); unwound by its .eh_frame, found
# through .eh_frame_hdr, and without one (--no-eh-frame-hdr: the FDEs
# indexed from .eh_frame).
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/unw-lib.sh"

src=$TOP/tests/progs/unw-chain.c
cc -O2 -g -static -fomit-frame-pointer -o st "$src" 2>err || skip "no static libc: $(head -n 1 err)"
cc -O2 -g -static -fomit-frame-pointer -Wl,--no-eh-frame-hdr -o sthdr "$src" || fail "cc sthdr"
! readelf -S sthdr | grep -q eh_frame_hdr || fail "sthdr has an .eh_frame_hdr"
for p in st sthdr; do
	for w in 1 2; do
		[ $w = 1 ] && mid=a || mid=c
		printf 'hot\t%s\nb\t%s\n%s\t%s\nmain\t%s\n__libc_start_call_main\t%s\n__libc_start_main\t%s\n_start\t%s\n' \
			$p $p $mid $p $p $p $p $p > want
		unwchain ./$p $w > got
		same "$p $w: main -> $mid -> b -> hot" want got
	done
done
exit 0
