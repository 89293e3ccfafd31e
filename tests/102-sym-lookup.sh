# Lookup by Plan 9's rule: an address belongs to the symbol at or below it,
# whose range runs up to the next symbol; the last symbol's range runs to the
# end of the executable text. Addresses below the first symbol or past the
# end of text have no symbol (-).
. "$TOP/tests/lib.sh"

# By construction (mkelf): .text at 0x1000, first at 0x1020 (so text begins
# 0x20 bytes before the first symbol), second at 0x1040, third at 0x1100,
# text ending 16 bytes past third, at 0x1110. No symbol has a size.
mkelf prog first=0x1020 second=0x1040 third=0x1100
# guard the construction itself: objdump -h says .text is [0x1000, 0x1110)
objdump -h prog | awk '$2 == ".text" { print $4, $3 }' > text
echo '0000000000001000 00000110' > want.text
same ".text of the mkelf program" want.text text

# address	expected name	(why; worked by hand from the layout above)
cat > cases <<'EOF'
0	-	zero
fff	-	below the text
1000	-	start of text, below the first symbol
101f	-	last byte below the first symbol
1020	first	exact address of first
1030	first	middle of first
103f	first	last byte before second
1040	second	exact address of second
1041	second	one past second
10ff	second	last byte before third
1100	third	exact address of the last symbol
1108	third	middle of the last symbol's range
110f	third	last byte of text
1110	-	first byte past the end of text
2000	-	far past the end of text
ffffffffffffffff	-	highest address
EOF
cut -f1 cases > in
cut -f1,2 cases > want
$VG $SYMDUMP -l prog < in > names || fail "symdump -l: exit $?"
paste in names > got
same "lookups (address, name)" want got

# The last symbol's range ends at the end of the executable section even
# when a non-executable section follows it: add a data section after text.
cat > data.s <<'EOF'
.data
.globl datum
datum:
	.quad 1
EOF
as -o data.o data.s || fail "as data.s"
ld -static -Ttext=0x1000 -Tdata=0x1200 -e 0x1000 -o prog2 prog.o data.o 2>/dev/null || fail "ld prog2"
printf '110f\n1110\n1200\n' > in2
printf 'third\n-\n-\n' > want2
$VG $SYMDUMP -l prog2 < in2 > got2 || fail "symdump -l prog2: exit $?"
same "lookups past text with data after it" want2 got2
