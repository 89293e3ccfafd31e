# Malformed Plan 9 a.out files are refused with one line naming the file
# and the fault, exit 1, no crash (libmach would read on into whatever
# follows). The header: 8 big-endian longs, 40 bytes for amd64; the
# symbol table at 32 (or 40) + text + data, syms bytes long.
. "$TOP/tests/lib.sh"
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
- - 0x1020 1 10
P

printf 'T 0x1020 main\nT 0x1040 etext\n' > syms
{ echo 'entry 0x1020'; echo 'text 0x20'; cat syms; } | mkaout good
$PROF good prof.out > /dev/null || fail "the good file: exit $?"

# a header cut short: 20 bytes of the 386's 32, 36 of amd64's 40
head -c 20 good > short
errcase "short header" '^prof: short: truncated a.out header: 20 bytes of 32$' $PROF short prof.out
printf 'arch amd64\nentry 0x200028\nT 0x200028 main\n' | mkaout good64
head -c 36 good64 > short64
errcase "short amd64 header" '^prof: short64: truncated a.out header: 36 bytes of 40$' $PROF short64 prof.out

# the symbol table past the end: syms too big (the file: 32 + 0x20 of text,
# main's 4+1+5 bytes, etext's 4+1+6 = 85 = 0x55); text too big
{ echo 'symsz 0x1000'; echo 'text 0x20'; cat syms; } | mkaout bigsyms
errcase "symbol table too long" '^prof: bigsyms: symbol table \(0x1000 bytes at 0x40\) past the end of the file \(0x55 bytes\)$' \
	$PROF bigsyms prof.out
cp good bigtext
printf '\377\377\377\360' | dd of=bigtext bs=1 seek=4 conv=notrunc 2>/dev/null
errcase "text past the end" '^prof: bigtext: symbol table \(0x15 bytes at 0x100000010\) past the end of the file' \
	$PROF bigtext prof.out

# a name with no NUL before the table ends; a record cut in its value
{ echo 'text 0x20'; echo 'T 0x1020 main'; echo 'raw T 0x1040 etext'; } | mkaout noname
errcase "unterminated name" '^prof: noname: symbol 1: its name runs past the end of the symbol table$' $PROF noname prof.out
{ echo 'text 0x20'; echo 'symsz 13'; cat syms; } | mkaout cut
errcase "record cut short" '^prof: cut: symbol 1 runs past the end of the symbol table$' $PROF cut prof.out
{ echo 'text 0x20'; echo 'symsz 18'; cat syms; } | mkaout cutname
errcase "name cut short" '^prof: cutname: symbol 1: its name runs past' $PROF cutname prof.out
{ echo 'text 0x20'; echo 'z 1 1 2'; } | mkaout zcut
head -c $(($(wc -c < zcut) - 1)) zcut > zcut2
printf '\0\0\0\6' | dd of=zcut2 bs=1 seek=16 conv=notrunc 2>/dev/null
errcase "z name cut short" '^prof: zcut2: symbol 0: its name runs past' $PROF zcut2 prof.out

# no symbol table; symbols but none of text
printf 'text 0x20\n' | mkaout nosyms
errcase "no symbol table" '^prof: nosyms: no symbol table$' $PROF nosyms prof.out
printf 'text 0x20\nD 0x2000 data\nz 1 1\n' | mkaout notext
errcase "no text symbols" '^prof: notext: no text symbols$' $PROF notext prof.out

# every cut of the good file is refused or read, never a crash
n=$(wc -c < good)
i=0
while [ $i -lt $n ]; do
	head -c $i good > cutat
	$PROF cutat prof.out > /dev/null 2> err
	rc=$?
	[ $rc -le 1 ] || fail "cut at $i: exit $rc"
	i=$((i + 1))
done
exit 0
