# tprof -f over Plan 9 a.out programs, worked out from Plan 9's tprof.c:
# /proc/pid/profile is the kernel's array of longs as it lies in memory
# (devproc copies it), in the profiled machine's byte order, which tprof
# converts with machdata->swal: little-endian for the 386 (i386mach:
# leswal), big-endian for mips (mipsmach: beswal). Word 0 is the total
# (segclock adds every tick to it); word j the ticks at pcs in
# [tbase + 8j, tbase + 8j + 8), tbase = the first text symbol rounded
# down to libmach's page size (mach->pgsize: 386 0x1000, mips 16K, amd64
# 0x200000). Its loop starts at word (first - tbase)/8 + 2 (no ticks are
# put there) and gives every word below a symbol to the one before.
# Rows "%6ld\t%3lld.%lld\t%s" of 100*t/delta and (1000*t/delta)%10,
# delta = word 0 - word 1.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"
KPWORDS="$B/tests/kpwords"

# 386 8.out: text at 0x1020 (0x1000 + the 32-byte header), 0x80 bytes:
# main 0x1020, walk 0x1040 (t), helper 0x1080 (L), etext 0x10a0.
# tbase 0x1000; the array runs to the text's end rounded up to the page,
# 0x2000: 512 words. Word 0: 60; word 1: 0 (0x1008, before the text);
# word 6 (0x1030) 5 -> main; words 8 (0x1040) 20 and 13 (0x1068) 10 ->
# walk 30; word 16 (0x1080) 15 -> helper. delta 60:
#	walk 30: 3000/60 = 50, 500 % 10 = 0	helper 15: 25, 0
#	main 5: 500/60 = 8, 5000/60 = 83 % 10 = 3
prog()
{
	# prog FILE ARCH BASE-WITHOUT-ITS-LAST-3-HEX-DIGITS
	mkaout "$1" <<E
arch $2
entry ${3}020
text 0x80
z 1 1
T ${3}020 main
a 4 x
t ${3}040 walk
D ${3}050 counter
L ${3}080 helper
T ${3}0a0 etext
E
}
prog 8.out 386 0x1
words='60 0 4*0 5 0 20 4*0 10 2*0 15 495*0'
echo "$words" | $KPWORDS -l > profile
[ "$(wc -c < profile)" -eq 2048 ] || fail "the profile is not 512 words"
printf 'total: 60\nTEXT 00001000\n    ms      %%   sym\n    30\t 50.0\twalk\n    15\t 25.0\thelper\n     5\t  8.3\tmain\n' > want
$TPROF -f profile 8.out > got 2>err || { cat err; fail "tprof -f 8.out: exit $?"; }
same "386, little-endian" want got

# mips v.out: text at 0x4020 (16K + 32), the same symbols 0x3000 higher,
# tbase 0x4000; the kernel's 4K pages make 512 words again, big-endian
prog v.out mips 0x4
echo "$words" | $KPWORDS -b > profile
printf 'total: 60\nTEXT 00004000\n    ms      %%   sym\n    30\t 50.0\twalk\n    15\t 25.0\thelper\n     5\t  8.3\tmain\n' > want
$TPROF -f profile v.out > got 2>err || { cat err; fail "tprof -f v.out: exit $?"; }
same "mips, big-endian" want got

# amd64 6.out whose first text symbol, main, is at 0x201020: tbase is
# 0x201020 rounded down to libmach's amd64 page, 0x200000 (not the 4K
# page's 0x201000). Words from 0x200000 to 0x202000: 1024. Word 518
# (0x201030) 3 -> main; word 520 (0x201040) 9 -> walk. Total 12:
#	walk 9: 900/12 = 75, 0	main 3: 25, 0
mkaout 6.out <<'E'
arch amd64
entry 0x200028
text 0x1060
T 0x201020 main
t 0x201040 walk
T 0x201088 etext
E
echo '12 0 516*0 3 0 9 503*0' | $KPWORDS -l > profile
[ "$(wc -c < profile)" -eq 4096 ] || fail "the amd64 profile is not 1024 words"
printf 'total: 12\nTEXT 00200000\n    ms      %%   sym\n     9\t 75.0\twalk\n     3\t 25.0\tmain\n' > want
$TPROF -f profile 6.out > got 2>err || { cat err; fail "tprof -f 6.out: exit $?"; }
same "amd64, libmach's page" want got

# sizes: at least the words to the text's end (0x10a8 - 0x1000: 21), at
# most to its end rounded up to libmach's page (512); else refused
echo '60 0 4*0 5 14*0' | $KPWORDS -l > p21
$TPROF -f p21 8.out > /dev/null 2>err || { cat err; fail "21 words: exit $?"; }
echo '60 0 4*0 5 13*0' | $KPWORDS -l > p20
errcase "20 words" '^tprof: p20: truncated: 20 words, where the text of 8.out needs 21$' $TPROF -f p20 8.out
echo '60 0 4*0 5 506*0' | $KPWORDS -l > p513
errcase "513 words" '^tprof: p513: 513 words, more than the 512 the text of 8.out needs: not its profile$' \
	$TPROF -f p513 8.out
exit 0
