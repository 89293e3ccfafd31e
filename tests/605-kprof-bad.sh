# kprof on bad input: one line on stderr naming the file and the reason,
# exit status 1, nothing on stdout, no crash (also under VALGRIND=1 and
# SAN=1). The kernel of these cases is 601's (text 0x100 bytes: Plan 9
# kpdata of 32 words; /proc/profile of bucket size 8 has 1 + 32 words).
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"

cat > System.map <<'E'
ffffffff81000000 T _text
ffffffff81000000 T startup
ffffffff81000040 T alpha
ffffffff81000100 T _etext
E
echo '10 0 5 29*0' | $KPWORDS -b > good
$KPROF System.map good > /dev/null || fail "the good case fails"

# kpdata: short, not whole words, empty, a directory, missing
printf '\0\0\0\1' > four
printf '\0\0\0\1\0\0\0\0\0\0' > ten
: > empty
mkdir dir
errcase "kpdata of one word" '^kprof: four: data file too short$' $KPROF System.map four
errcase "kpdata of 10 bytes" '^kprof: ten: size 10 is not a whole number of 4-byte words$' $KPROF System.map ten
errcase "empty kpdata" '^kprof: empty: data file too short$' $KPROF System.map empty
errcase "kpdata a directory" '^kprof: dir: is a directory$' $KPROF System.map dir
errcase "no kpdata" '^kprof: nosuch: No such file or directory$' $KPROF System.map nosuch
# Plan 9 kpdata whose buckets hold more than its total: corrupt, or not kpdata
echo '10 0 5 20 28*0' | $KPWORDS -b > over
errcase "buckets beyond the total" '^kprof: over: not Plan 9 kpdata: its buckets hold more ticks \(25\) than its total \(10\)$' \
	$KPROF System.map over
# kpdata of another kernel: 3 pages of buckets for a text of 0x100 bytes
echo '10 0 5 1533*0' | $KPWORDS -b > big
errcase "Plan 9 kpdata of another kernel" '^kprof: big: its buckets cover 0x3000 bytes of text, the kernel.s text is 0x100 bytes: data of another kernel\?$' \
	$KPROF System.map big
# /proc/profile of another kernel (10 buckets of 8 bytes, not 32), found as
# such (word 0 a bucket size, nonsense as Plan 9 kpdata), and with -l
echo '8 10*3' | $KPWORDS -l > short.prof
errcase "/proc/profile of another kernel" '^kprof: short.prof: 10 buckets of 8 bytes, the kernel.s text holds 32: data of another kernel\?$' \
	$KPROF System.map short.prof
errcase "/proc/profile of another kernel, -l" 'data of another kernel\?$' $KPROF -l System.map short.prof
echo '3 32*1' | $KPWORDS -l > step3
errcase "-l, bucket size 3" '^kprof: step3: bucket size 3 is not a power of two: not /proc/profile data$' $KPROF -l System.map step3

# symbol files that are not a kernel's
cp "$B/tests/kpwords" notkernel.elf
errcase "an ELF program, not a kernel" '^kprof: notkernel.elf: not a kernel.s symbol table \(no _stext or _text\)$' \
	$KPROF notkernel.elf good
# a vmlinux-like ELF (603's, shorter) cut short: its section headers are gone
printf '.text\n.globl _text\n_text:\n.globl f\n.type f,@function\nf: nop\n.org 0x100\n.globl _etext\n_etext:\n' > k.s
as -o k.o k.s && ld -static -Ttext=0xffffffff81000000 -e f -o vmlinux k.o || fail "as, ld"
echo '0 0 30*0' | $KPWORDS -b > zero32
$KPROF vmlinux zero32 > /dev/null || fail "the whole vmlinux fails"
head -c 1000 vmlinux > cut
errcase "a truncated vmlinux" '^kprof: cut: truncated ELF file$' $KPROF cut zero32
echo 'hello, world' > hello
errcase "a text file" '^kprof: hello: line 1: not a System.map or kallsyms line' $KPROF hello good
errcase "kpdata as the symbol file" '^kprof: good: line 1: not a System.map or kallsyms line' $KPROF good good
: > empty.map
errcase "an empty symbol file" '^kprof: empty.map: empty file: not a kernel.s symbol table$' $KPROF empty.map good
printf 'ffffffff81000000 T startup\nffffffff81000040 T alpha\n' > nomarks.map
errcase "a map without _text or _stext" '^kprof: nomarks.map: not a kernel.s symbol table \(no _stext or _text\)$' $KPROF nomarks.map good
printf 'ffffffff81000000 A _text\nffffffff81000100 A _etext\nffffffff81000200 T after\n' > notext.map
errcase "no text symbols in the text" '^kprof: notext.map: no text symbols between _text and _etext$' $KPROF notext.map good
errcase "no symbol file" '^kprof: nosuch.map: No such file or directory$' $KPROF nosuch.map good
errcase "a directory as the symbol file" '^kprof: dir: is a directory$' $KPROF dir good

# kallsyms as an unprivileged user sees it (kernel.kptr_restrict, or
# perf_event_paranoid > 1 without CAP_SYSLOG): every address zero
sed 's/^ffffffff81000[0-9a-f]*/0000000000000000/' System.map > zero.kallsyms
printf '0000000000000000 t modfn\t[mymod]\n' >> zero.kallsyms
errcase "kallsyms of zeros" '^kprof: zero.kallsyms: every address is zero: the kernel hides them from this user \(kernel.kptr_restrict, kernel.perf_event_paranoid\); read it as root$' \
	$KPROF zero.kallsyms good

# usage
$KPROF > out 2> err && fail "no arguments: exit status 0"
[ $? -eq 2 ] || true
grep -q '^usage: kprof' err || fail "no arguments: no usage line"
$KPROF -x System.map good > out 2> err; [ $? -eq 2 ] || fail "unknown option: exit status not 2"
$KPROF -H 0 System.map good > out 2> err; [ $? -eq 2 ] || fail "-H 0: exit status not 2"
exit 0
