# tprof -f's byte order for an ELF program. Plan 9's /proc/pid/profile is
# in the profiled machine's order (devproc copies the kernel's array;
# tprof.c converts it with machdata->swal), little-endian on x86-64, and
# tprof -o now writes it so: word 0 the total, the sum of the others
# (word 1 the samples outside the text, the rest the buckets). Files of
# the older tprof -o are big-endian. -f reads a file in the order in
# which its words add up; if both (no two counts carry into another
# byte) or neither, the one with the smaller total; if that is the same,
# the machine's (ELF EI_DATA: little-endian here).
# Program (mkelf): alpha 0x1000, beta 0x1040, gamma 0x1100, text to 0x1110;
# base 0x1000, (0x2000 - 0x1000) / 8 = 512 words; word 3 (0x1018) is
# alpha's, word 8 (0x1040) beta's.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/tprof-lib.sh"
KPWORDS="$B/tests/kpwords"
[ "$(printf '\001\000' | od -An -tu2 | tr -d ' ')" = 1 ] || skip "not a little-endian machine"
mkelf prog alpha=0x1000 beta=0x1040 gamma=0x1100

# order DESC WORDS: the report of WORDS written in both orders is want
order()
{
	for o in -l -b; do
		echo "$2" | $KPWORDS $o > profile
		$TPROF -f profile prog > got 2>err || { cat err; fail "tprof -f, $1, kpwords $o: exit $?"; }
		same "$1, kpwords $o" want got
	done
}

# total 300, alpha 200, beta 100: 100*200/300 = 66, 2000/3 = 666 -> 66.6;
# beta 33, 333 -> 33.3. Carries: 200 and 100 little-endian are 0xc8000000
# and 0x64000000, together 0x12c000000, not 300's 0x2c010000; so only
# the order written adds up.
printf 'total: 300\nTEXT 00001000\n    ms      %%   sym\n   200\t 66.6\talpha\n   100\t 33.3\tbeta\n' > want
order "carrying counts" '300 0 0 200 4*0 100 503*0'

# no carries: 5 ticks of beta add up either way; the smaller total (5,
# not 0x05000000) is right for both
printf 'total: 5\nTEXT 00001000\n    ms      %%   sym\n     5\t100.0\tbeta\n' > want
order "one bucket" '5 0 6*0 5 503*0'

# adding up in neither order (ticks outside the text not in word 1, as
# Plan 9 counted them): the smaller total, 60 rather than 0x3c000000.
# Alpha 30, beta 20: 50.0 and 20*100/60 = 33, 333 -> 33.3
printf 'total: 60\nTEXT 00001000\n    ms      %%   sym\n    30\t 50.0\talpha\n    20\t 33.3\tbeta\n' > want
order "neither order adds up" '60 0 0 30 4*0 20 503*0'

# the same total either way (0x01000001), adding up in neither: the
# machine's order. Little-endian: word 3 = 0x100 -> alpha 256 ticks of
# 16777217: 100*256/16777217 = 0, (1000*256/16777217) % 10 = 0
echo '0x01000001 0 0 0x100 508*0' | $KPWORDS -l > profile
printf 'total: 16777217\nTEXT 00001000\n    ms      %%   sym\n   256\t  0.0\talpha\n' > want
$TPROF -f profile prog > got 2>err || { cat err; fail "tprof -f same totals: exit $?"; }
same "the same total in both orders" want got
exit 0
