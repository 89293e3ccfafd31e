# kprof over Plan 9 kernels (a.out files: 9pcf and the like) and kpdata,
# worked out from Plan 9's kprof.c: kpdata is big-endian always
# (beswal); KTZERO is libmach's kernel base for the machine (mach->kbase:
# 386 0xF0100000, amd64 0xfffffffff0110000, power 0x80000000), PGSIZE its
# page size (mach->pgsize/1024: 4, 2048, 1024 Kb); word j >= 2 counts the
# pcs in [KTZERO + 8j, KTZERO + 8j + 8), summed into the symbol below
# (the symbols here are 8-aligned, and no tick lies before the first one
# or past etext); rows "%ld\t%3lld.%lld\t%s" of 100*t/delta and
# (1000*t/delta)%10, delta = total - outside, by decreasing ticks.
# (The 386's first symbol rounded to 4K is KTZERO: no warning line.)
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"

# The kernel: text from the entry (a boot image: libmach places the text
# there) 0x20 past KTZERO; _start 0x20, main 0x40, sched 0x80,
# idlehands 0xc0 (L), etext 0x120, all from KTZERO.
# Ticks: total 100, outside 10, delta 90; word 5 (0x28) 4 -> _start;
# words 9 and 12 (0x48, 0x60) 27 + 9 -> main 36; word 16 (0x80) 27 ->
# sched; word 30 (0xf0) 14 -> idlehands. 40 words.
#	main 36: 3600/90 = 40, 36000/90 = 400 -> 40.0
#	sched 27: 30, 300 -> 30.0
#	idlehands 14: 1400/90 = 15, 14000/90 = 155 -> 15.5
#	_start 4: 400/90 = 4, 4000/90 = 44 -> 4.4
kernel()
{
	# kernel FILE ARCH KTZERO-WITHOUT-ITS-LAST-3-HEX-DIGITS (which are 000)
	k=$3
	mkaout "$1" <<E
arch $2
entry ${k}020
text 0x100
data 0x40
z 1 1
T ${k}020 _start
t ${k}040 main
D ${k}800 conf
T ${k}080 sched
L ${k}0c0 idlehands
T ${k}120 etext
E
}
echo '100 10 3*0 4 3*0 27 2*0 9 3*0 27 13*0 14 9*0' | $KPWORDS -b > kpdata
[ "$(wc -c < kpdata)" -eq 160 ] || fail "kpdata is not 40 words"
rows='ms\t  %%\tsym\n36\t 40.0\tmain\n27\t 30.0\tsched\n14\t 15.5\tidlehands\n4\t  4.4\t_start\n'
head='total: 100\tin kernel text: 90\toutside kernel text: 10\n'

kernel 9pcf 386 0xf0100
printf "${head}KTZERO f0100000 PGSIZE 4Kb\n$rows" > want
$KPROF 9pcf kpdata > got || fail "kprof 9pcf: exit $?"
same "386 kernel" want got

kernel 9power power 0x80000
printf "${head}KTZERO 80000000 PGSIZE 1024Kb\n$rows" > want
$KPROF 9power kpdata > got || fail "kprof 9power: exit $?"
same "power kernel" want got

# amd64: 8-byte symbol values; KTZERO printed in full
kernel 9k8cpu amd64 0xfffffffff0110
printf "${head}KTZERO fffffffff0110000 PGSIZE 2048Kb\n$rows" > want
$KPROF 9k8cpu kpdata > got || fail "kprof 9k8cpu: exit $?"
same "amd64 kernel" want got

# an a.out kernel's data is kpdata even where it could pass for Linux
# /proc/profile: 5 words whose first, read natively (little-endian), is
# 64, a bucket size that makes 4 buckets of the 0x121 bytes of text.
# As kpdata: total 0x40000000 = 1073741824, word 4 (0x20) 5 ticks of
# _start: 500/1073741824 = 0, 5000/1073741824 = 0 -> 0.0
echo '0x40000000 0 0 0 5' | $KPWORDS -b > small
printf 'total: 1073741824\tin kernel text: 1073741824\toutside kernel text: 0\nKTZERO f0100000 PGSIZE 4Kb\nms\t  %%\tsym\n' > want
printf '5\t  0.0\t_start\n' >> want
$KPROF 9pcf small > got 2>err || { cat err; fail "kprof 9pcf small: exit $?"; }
same "kpdata, not /proc/profile" want got

# a malformed kernel: one line
head -c 100 9pcf > cut
errcase "cut kernel" '^kprof: cut: symbol table .* past the end of the file' $KPROF cut kpdata
exit 0
