# kprof -P FILE writes the report's rows for pprof: a sample per symbol
# with ticks, values [samples, cpu ns], a tick being 1 ms, or 1/hz s with
# -H hz, as the report counts it. Read back by go tool pprof. The kpdata
# and System.map of test 601: beta 40, alpha 30, startup 8, gamma 7 ticks
# (the 10 outside the text are no symbol's, left out as the report's
# percentages leave them); with -H 300 a tick is 10^9/300 ns, so 40 ticks
# are 133333333 ns (40 * 10^9 / 300, rounded down), 30 are 100000000, 8
# are 26666666, 7 are 23333333. Locations at the symbols' addresses, the
# mapping the text, _text to _etext, named as the kernel argument.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/pprof-lib.sh"
KPROF="$VG $B/kprof"
needpprof
cat > System.map <<'E'
0000000000000000 A __per_cpu_start
ffffffff81000000 T _stext
ffffffff81000000 T _text
ffffffff81000000 T startup
ffffffff81000040 T alpha
ffffffff81000080 t beta
ffffffff810000c0 W gamma
ffffffff81000100 T _etext
ffffffff81200000 D jiffies
E
echo '100 10 5 4*0 3 20 6*0 10 40 14*0 7' | $B/tests/kpwords -b > kpdata
printf 'total: 100\tin kernel text: 90\toutside kernel text: 10\nKTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %%\tsym\n40\t 44.4\tbeta\n30\t 33.3\talpha\n8\t  8.8\tstartup\n7\t  7.7\tgamma\n' > want
$KPROF -P k.pb System.map kpdata > got 2> err || { cat err; fail "kprof -P: exit $?"; }
same "the report beside -P" want got
[ ! -s err ] || { cat err; fail "kprof -P wrote to stderr"; }
pptop k.pb -sample_index=samples > got
printf '%s\n' 'alpha 30 30' 'beta 40 40' 'gamma 7 7' 'startup 8 8' > want
same "pprof -top samples" want got
pptop k.pb -unit=ns > got
printf '%s\n' 'alpha 30000000 30000000' 'beta 40000000 40000000' 'gamma 7000000 7000000' \
	'startup 8000000 8000000' > want
same "pprof -top cpu" want got
ppraw k.pb > /dev/null
sed -n '/^Locations/,/^Mappings/p' pprof.out | awk '/: 0x/ { print $2, $4 }' | LC_ALL=C sort > got
printf '%s\n' '0xffffffff81000000 startup' '0xffffffff81000040 alpha' '0xffffffff81000080 beta' \
	'0xffffffff810000c0 gamma' > want
same "pprof -raw locations" want got
grep -q '^1: 0xffffffff81000000/0xffffffff81000100/0x0 System.map ' pprof.out ||
	{ cat pprof.out; fail "pprof -raw: the kernel's mapping"; }

$KPROF -H 300 -P h.pb System.map kpdata > /dev/null 2> err || { cat err; fail "kprof -H 300 -P: exit $?"; }
pptop h.pb -unit=ns > got
printf '%s\n' 'alpha 100000000 100000000' 'beta 133333333 133333333' 'gamma 23333333 23333333' \
	'startup 26666666 26666666' > want
same "pprof -top cpu, -H 300" want got

# the recorder takes no -P: it has no report
$KPROF -o kp -P k2.pb true > out 2> err && fail "kprof -o -P: exit 0, want 2"
grep -q '^usage: kprof' err || { cat err; fail "kprof -o -P: want the usage"; }
