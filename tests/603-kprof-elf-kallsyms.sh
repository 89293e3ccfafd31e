# The three kinds of kernel symbol table give the same report for the same
# data: a vmlinux-like ELF built here (functions startup, alpha, beta
# (local), gamma (weak) at known offsets; _text, _stext, _etext marks), its
# System.map (nm -n, as the kernel build makes it), and a kallsyms text of
# the same kernel booted with KASLR (every address 0x2a00000 higher; module
# symbols with a [module] column, lowercase types). Buckets are offsets from
# _text, so the rows agree; only KTZERO shows the run-time base. The kpdata
# and the expected rows are those of 601 (worked by hand there).
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"
for t in as ld nm; do
	command -v $t >/dev/null 2>&1 || skip "$t not found"
done

cat > k.s <<'E'
.text
.globl _text, _stext
_text:
_stext:
.globl startup
.type startup,@function
startup: nop
.org 0x40
.globl alpha
.type alpha,@function
alpha: nop
.org 0x80
.type beta,@function
beta: nop
.org 0xc0
.weak gamma
.type gamma,@function
gamma: nop
.org 0x100
.globl _etext
_etext:
.data
.globl jiffies
jiffies: .quad 0
E
as -o k.o k.s || fail "as"
ld -static -Ttext=0xffffffff81000000 -e startup -o vmlinux k.o || fail "ld"
nm -n vmlinux > System.map || fail "nm"
grep -q '^ffffffff81000080 t beta$' System.map || fail "nm does not list beta at ...080"
# kallsyms: KASLR offset 0x2a00000 (every address is ffffffff810xxxxx, so
# adding it is a change of prefix to ffffffff83axxxxx), modules after the kernel.
sed 's/^ffffffff810/ffffffff83a/' System.map > kallsyms
grep -q '^ffffffff83a00040 T alpha$' kallsyms || fail "kallsyms not shifted: $(head -n 3 kallsyms)"
printf 'ffffffffc0001000 t modinit\t[mymod]\nffffffffc0001100 T modfn\t[mymod]\nffffffffc0002000 d moddata\t[mymod]\n' >> kallsyms

echo '100 10 5 4*0 3 20 6*0 10 40 14*0 7' | $KPWORDS -b > kpdata
printf 'total: 100\tin kernel text: 90\toutside kernel text: 10\nKTZERO ffffffff81000000 PGSIZE 4Kb\nms\t  %%\tsym\n40\t 44.4\tbeta\n30\t 33.3\talpha\n8\t  8.8\tstartup\n7\t  7.7\tgamma\n' > want
$KPROF vmlinux kpdata > got || fail "kprof vmlinux: exit status $?"
same "vmlinux (ELF)" want got
$KPROF System.map kpdata > got || fail "kprof System.map: exit status $?"
same "System.map" want got
sed 's/^KTZERO ffffffff81000000/KTZERO ffffffff83a00000/' want > want.kaslr
$KPROF kallsyms kpdata > got || fail "kprof kallsyms: exit status $?"
same "kallsyms with KASLR and modules" want.kaslr got

# /proc/profile data, bucket size 8 (32 buckets, word 0 = 8; the last is the
# outside count): the three tables agree here too.
echo '8 31*3 9' | $KPWORDS -l > profile
$KPROF vmlinux profile > a || fail "kprof vmlinux profile: exit status $?"
$KPROF System.map profile > b || fail "kprof System.map profile: exit status $?"
$KPROF kallsyms profile | sed 's/^KTZERO ffffffff83a00000/KTZERO ffffffff81000000/' > c
same "/proc/profile: vmlinux and System.map" a b
same "/proc/profile: System.map and kallsyms" b c
head -n 1 a | grep -q "outside kernel text: 9$" || fail "/proc/profile: last bucket is not the outside count: $(head -n 1 a)"
exit 0
