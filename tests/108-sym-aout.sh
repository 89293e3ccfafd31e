# Text symbols of Plan 9 a.out files, worked out from Plan 9's libmach
# (sys/src/libmach/executable.c crackhdr, sym.c syminit and buildtbls):
# - the header is 8 big-endian longs (magic text data bss syms entry spsz
#   pcsz); amd64 (S_MAGIC, with HDR_MAGIC 0x8000) adds the entry in 8 bytes;
#   the symbol table follows the text and the data;
# - a symbol is a big-endian value (8 bytes when the magic has HDR_MAGIC,
#   else 4), a type byte, a name: with the type's 0x80 flag a NUL-terminated
#   string, or for z and Z (source file paths) a 0 byte then big-endian
#   shorts up to a 0 one; without it (old style) 20 bytes and 3 more;
# - buildtbls makes text symbols of the types T t L l only (not D d B b,
#   the autos a p m, f file names, z Z), sorted by address; findsym gives
#   a pc to the text symbol at or below it (none below the first).
. "$TOP/tests/lib.sh"

# 386 (I_MAGIC): every kind of symbol, text ones marked <-
mkaout 8.out <<'E'
arch 386
entry 0x1020
text 0xa0
data 0x20
z 1 1 2 3
f 1 /
f 2 usr
f 3 main.c
T 0x1020 main
a 4 argc
p 8 argv
f 0x1030 .frame
t 0x1040 static
D 0x1050 nottext
d 0x3000 table
B 0x3010 bss
b 0x3014 sbss
L 0x1060 leaf
l 0x1070 localleaf
Z 12 4 5
old T 0x1090 abcdefghijklmnopqrstuvwxyz
old t 0x1098 short
T 0x10c0 etext
E
cat > want <<'E'
0000000000001020 main
0000000000001040 static
0000000000001060 leaf
0000000000001070 localleaf
0000000000001090 abcdefghijklmnopqrst
0000000000001098 short
00000000000010c0 etext
E
$SYMDUMP 8.out > got || fail "symdump 8.out: exit $?"
same "386 text symbols" want got

# findsym: at or below; below the first, none; 0x1050 (a D symbol) is in static
printf '101f\n1020\n1045\n1050\n106f\n1097\n10bf\n' | $SYMDUMP -l 8.out > got || fail "symdump -l: exit $?"
printf '%s\n' - main static static leaf abcdefghijklmnopqrst short > want
same "386 lookups" want got

# amd64 (S_MAGIC = 0x8a97): 40-byte header, 8-byte values (one above 4G)
mkaout 6.out <<'E'
arch amd64
entry 0x200028
text 0x200
z 1 1
T 0x200028 main
t 0x200100 helper
D 0x400000 data
T 0x123456789a far
T 0x200228 etext
E
cat > want <<'E'
0000000000200028 main
0000000000200100 helper
0000000000200228 etext
000000123456789a far
E
$SYMDUMP 6.out > got || fail "symdump 6.out: exit $?"
same "amd64 text symbols" want got

# power (Q_MAGIC, big-endian machine) and mips (V_MAGIC): 4-byte values as 386
for a in power mips arm spim sparc 68020 alpha; do
	mkaout $a.out <<E
arch $a
text 0x40
T 0x4020 one
t 0x4030 two
E
	printf '0000000000004020 one\n0000000000004030 two\n' > want
	$SYMDUMP $a.out > got || fail "symdump $a.out: exit $?"
	same "$a text symbols" want got
done

# Several names at one address: the one libmach's text table has last,
# the text symbols in the file's order sorted by value with Plan 9's qsort
# (src/lib/base/p9qsort.c), worked by hand for [first 0x1020, second 0x1020,
# next 0x1040]: n = 3, pivot the middle (second) swapped to the front:
# [second, first, next]; i stops at first (equal), j at first (equal),
# then i at next, j at the front: the pivot stays, m = 0; then [first,
# next]: pivot next swapped first: [next, first]; i runs off the end,
# j stops at first: exchange: [first, next]. The table: second, first,
# next; findsym takes the last of 0x1020's: first.
mkaout dup.out <<'E'
T 0x1020 first
T 0x1020 second
T 0x1040 next
E
printf '0000000000001020 first\n0000000000001040 next\n' > want
$SYMDUMP dup.out > got || fail "symdump dup.out: exit $?"
same "names at one address" want got
exit 0
