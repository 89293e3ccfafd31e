# kprof reads a symbol file as the readers of nm's output and of
# /proc/kallsyms do (issue 16.7): blank lines, # comments, CRLF line
# ends and nm's lines of undefined symbols ("    U name", no address)
# are passed over (a file holding any of them was refused whole); a
# line that is none of these and no symbol's is still refused, by its
# number. The kernel and kpdata are 601's, the report worked out by hand
# there: 40 ticks beta, 30 alpha, 8 startup, 7 gamma, of 90 in text.
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"

echo '100 10 5 4*0 3 20 6*0 10 40 14*0 7' | $KPWORDS -b > kpdata
printf 'total: 100\tin kernel text: 90\toutside kernel text: 10\nKTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %%\tsym\n40\t 44.4\tbeta\n30\t 33.3\talpha\n8\t  8.8\tstartup\n7\t  7.7\tgamma\n' > want
printf '%s\n' '# System.map of a test kernel' '' \
	'ffffffff81000000 T _stext' 'ffffffff81000000 T _text' '   ' \
	'                 U printk' '                 w weakref' \
	'ffffffff81000000 T startup' '# the functions' 'ffffffff81000040 T alpha' \
	'ffffffff81000080 t beta' 'ffffffff810000c0 W gamma' 'ffffffff81000100 T _etext' '' > map
$KPROF map kpdata > got 2> err || { cat err; fail "blank lines, comments, undefined symbols: exit $?"; }
same "blank lines, comments, undefined symbols" want got
sed 's/$/\r/' map > crlf
$KPROF crlf kpdata > got 2> err || { cat err; fail "CRLF: exit $?"; }
same "CRLF line ends" want got
printf 'ffffffff81000000 T _text\nffffffff81000040 T alpha\nnot a symbol\n' > bad
errcase "a line of no symbol" '^kprof: bad: line 3: not a System.map or kallsyms line' $KPROF bad kpdata
exit 0
