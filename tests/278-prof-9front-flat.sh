# prof reads 9front's prof.out (told by its magic "pr\x0f") and prints
# 9front's flat report (sys/src/cmd/prof.c, 9front): header
# "  %       Time        Calls  Name", rows "%4.1f   %.9f %8llud\t%s\n" of
# (100.0*ticks)/total, (double)ticks/cyclefreq (seconds), calls; ticks are
# self times in cycles. Its runtime (libc/port/profile.c) writes "pr\x0f",
# the byte 2, the cycle counter's frequency as a big-endian u64, then 20-byte
# records (u16 down, u16 right, u32 pc, u32 count, u64 time in cycles).
# Here 3 GHz; total 6,000,000,000 cycles (2 s). Program: main 0x1000,
# a 0x1100, b 0x1200, c 0x1300; main calls a (twice), b, c.
#  c's record holds -5,991,000,000: a routine still active at the dump
#  (its time is minus its start); 9front adds the root's time (vlong):
#  -5,991,000,000 + 6,000,000,000 = 9,000,000.
#  self        %: (100.0*self)/6e9 (Plan 9 %4.1f)   s: self/3e9 (%.9f)
#  a 4,500,000,000  75.0                              1.5 -> 1.500000000
#  b 1,000,000,001  16.666666683.. -> 16.7           0.333333333666..: digit
#                                                     10 is 6, up: 0.333333334
#  main 6e9 - 4.5e9 - 1,000,000,001 - 9e6 = 490,999,999
#                   8.1833333316.. -> " 8.2"          0.163666666333.. -> 0.163666666
#  c 9,000,000      0.15 (double 0.149999999999999994, as 3 of 2000: Plan 9's
#                   17 digits 15000000000000000 round up) -> " 0.2" (glibc 0.1)
#                                                     0.003 -> 0.003000000
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 a=0x1100 b=0x1200 c=0x1300
$MKCLASSIC -9 3000000000 > prof.out <<'P'
1 - 0 0 6000000000
2 - 0x1000 1 6000000000
- 3 0x1300 1 -5991000000
- 4 0x1200 1 1000000001
- - 0x1100 2 4500000000
P
printf '%b\n' \
	'  %       Time        Calls  Name' \
	'75.0   1.500000000        2\ta' \
	'16.7   0.333333334        1\tb' \
	' 8.2   0.163666666        1\tmain' \
	' 0.2   0.003000000        1\tc' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
