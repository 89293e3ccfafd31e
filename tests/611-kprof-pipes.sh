# kprof reads each file once, so pipes and "-" work for the kernel's
# symbols and for the data (issue 16.4: the symbol file was read twice,
# its first 4 bytes lost through a pipe and the wrong function named);
# and a FIFO never hangs it (16.3): opened without blocking, a FIFO with
# no writer reads as empty; an ELF kernel must be a regular file. The
# kernel and kpdata are 601's, the report worked out by hand there:
# 40 ticks beta, 30 alpha, 8 startup, 7 gamma, of 90 in text.
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"

# alpha first (as /proc/kallsyms has them, not sorted): a reader that
# loses the first 4 bytes places it at 0xffff81000040, outside the text
cat > System.map <<'E'
ffffffff81000040 T alpha
ffffffff81000000 T _stext
ffffffff81000000 T _text
ffffffff81000000 T startup
ffffffff81000080 t beta
ffffffff810000c0 W gamma
ffffffff81000100 T _etext
E
echo '100 10 5 4*0 3 20 6*0 10 40 14*0 7' | $KPWORDS -b > kpdata
printf 'total: 100\tin kernel text: 90\toutside kernel text: 10\nKTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %%\tsym\n40\t 44.4\tbeta\n30\t 33.3\talpha\n8\t  8.8\tstartup\n7\t  7.7\tgamma\n' > want

# the symbols through a pipe (/dev/stdin, /dev/fd/N), as "-"; the data likewise
cat System.map | timeout 10 $KPROF /dev/stdin kpdata > got 2>err || { cat err; fail "symbols on /dev/stdin: exit $?"; }
same "symbols through a pipe" want got
cat System.map | timeout 10 $KPROF - kpdata > got 2>err || { cat err; fail "symbols as -: exit $?"; }
same "symbols as -" want got
cat kpdata | timeout 10 $KPROF System.map - > got 2>err || { cat err; fail "kpdata as -: exit $?"; }
same "kpdata as -" want got
cat kpdata | timeout 10 $KPROF System.map /dev/stdin > got 2>err || { cat err; fail "kpdata on /dev/stdin: exit $?"; }
same "kpdata through a pipe" want got

# FIFOs with no writer: empty, said at once
mkfifo fifo
errcase "kernel a FIFO" '^kprof: fifo: empty file: not a kernel.s symbol table$' timeout 10 $KPROF fifo kpdata
errcase "kpdata a FIFO" '^kprof: fifo: data file too short$' timeout 10 $KPROF System.map fifo
errcase "kernel a device" '^kprof: /dev/zero: not a regular file$' timeout 10 $KPROF /dev/zero kpdata
# a FIFO with a writer is a pipe
(cat System.map > fifo &)
timeout 10 $KPROF fifo kpdata > got 2>err || { cat err; fail "symbols through a FIFO: exit $?"; }
same "symbols through a FIFO" want got

# an ELF kernel through a pipe: refused, it must be mapped
mkelf vmlinux _text=0x1000 alpha=0x1040
cat vmlinux | errcase "ELF kernel through a pipe" '^kprof: -: an ELF kernel must be a regular file, not a pipe$' \
	timeout 10 $KPROF - kpdata
exit 0
