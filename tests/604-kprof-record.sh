# The recorder on this machine: kprof -o samples the kernel on every CPU
# (perf_event_open cpu-clock, 1 ms, kernel mode) while a workload runs,
# and writes Plan 9 kpdata relative to the running kernel's _text. The
# oracles: /proc/kallsyms (every function the report names is a kernel text
# symbol there), the workload (reading /dev/zero into /dev/null spends its
# kernel time in functions that zero or clear memory), Plan 9's layout
# (size = text size / 8 bucket words; total = in text + outside; the rows
# sum to the in-text ticks), and KASLR independence (a System.map of the
# same kernel at other addresses gives the same rows).
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
[ "$(id -u)" -eq 0 ] || skip "not root: kernel sampling and kallsyms addresses need root"
grep -q ' T _etext$' /proc/kallsyms || skip "/proc/kallsyms has no _etext"

$KPROF -o kpdata sh -c 'dd if=/dev/zero of=/dev/null bs=64k count=60000 2>/dev/null; find /usr -xdev > /dev/null 2>&1; true' \
	|| fail "kprof -o: exit status $?"
text=$(awk '$3 == "_text" { print $1; exit }' /proc/kallsyms)
etext=$(awk '$3 == "_etext" { print $1; exit }' /proc/kallsyms)
# (both addresses begin ffffffff: the difference of the low halves)
words=$(( (0x${etext#ffffffff} - 0x${text#ffffffff} + 7) / 8 ))
[ "$(wc -c < kpdata)" -eq $((4 * words)) ] || fail "kpdata is $(wc -c < kpdata) bytes, want 4 * $words"

$KPROF /proc/kallsyms kpdata > report || fail "kprof /proc/kallsyms kpdata: exit status $?"
head -n 3 report > head3
sed -n 2p report | grep -q "^KTZERO $text PGSIZE 4Kb$" || fail "no KTZERO line for $text: $(sed -n 2p report)"
[ "$(sed -n 3p report)" = "$(printf 'ms\t  %%\tsym')" ] || fail "no header line"
rows=$(awk 'NR > 3' report | wc -l)
[ "$rows" -gt 0 ] || fail "no rows"
awk -F'\t' 'NR == 1 { split($1, a, " "); split($2, b, ": "); split($3, c, ": ");
	if (a[2] != b[2] + c[2]) { print "total " a[2] " != " b[2] " + " c[2]; exit 1 } }' report || fail "totals do not add up"
intext=$(awk -F'\t' 'NR == 1 { split($2, b, ": "); print b[2] }' report)
sum=$(awk -F'\t' 'NR > 3 { s += $1 } END { print s + 0 }' report)
[ "$sum" -eq "$intext" ] || fail "rows sum to $sum, in kernel text $intext"
# every name a kernel text symbol of /proc/kallsyms (not a module's)
awk 'NF == 3 && $2 ~ /^[TtWw]$/ { print $3 }' /proc/kallsyms | sort -u > textsyms
awk -F'\t' 'NR > 3 { print $3 }' report | sort -u > named
comm -23 named textsyms > unknown
[ ! -s unknown ] || fail "names not in /proc/kallsyms: $(head -n 5 unknown)"
grep -Eq '	[^	]*(zero|clear|stos)[^	]*$' report || fail "no function zeroing memory under dd from /dev/zero: $(head -n 12 report)"

# KASLR: a System.map of the kernel linked 0x10000000 lower (ffffffff8...
# becomes ffffffff7...; module and per-cpu lines stay as they are).
sed -n 's/^ffffffff8\([0-9a-f]*\) \([TtWwAD]\) \([^	]*\)$/ffffffff7\1 \2 \3/p' /proc/kallsyms > System.map
$KPROF System.map kpdata > linked || fail "kprof System.map kpdata: exit status $?"
sed 's/^KTZERO ffffffff8/KTZERO ffffffff7/' report > want
same "run-time (kallsyms) and link-time (System.map) addresses" want linked

# -t: a duration, no command; the command's exit status is kprof's
$KPROF -o idle -t 0.3 || fail "kprof -o -t: exit status $?"
[ "$(wc -c < idle)" -eq $((4 * words)) ] || fail "-t: kpdata size"
$KPROF -o x sh -c 'exit 3'
[ $? -eq 3 ] || fail "the command's exit status 3 is not kprof's"
errcase "kpdata in a directory that does not exist" '^kprof: nosuchdir/kpdata: No such file or directory$' \
	$KPROF -o nosuchdir/kpdata -t 0.1
# a command that cannot run: one line, and the shell's status 127
$KPROF -o x no-such-command-kprof > out 2> err
[ $? -eq 127 ] || fail "a command that does not exist: exit status not 127"
[ "$(cat err)" = "kprof: no-such-command-kprof: No such file or directory" ] || fail "no command: stderr '$(cat err)'"

# as nobody: kallsyms shows zeros, said in one line; sampling is not tried
if command -v setpriv >/dev/null 2>&1 && [ "$(setpriv --reuid=65534 --regid=65534 --clear-groups head -c 16 /proc/kallsyms)" = 0000000000000000 ]; then
	errcase "recording as nobody" '^kprof: /proc/kallsyms: every address is zero' \
		setpriv --reuid=65534 --regid=65534 --clear-groups $KPROF -o /dev/null -t 0.1
	errcase "report as nobody" '^kprof: /proc/kallsyms: every address is zero' \
		setpriv --reuid=65534 --regid=65534 --clear-groups $KPROF /proc/kallsyms kpdata
fi
exit 0
