# prof with a profile whose size is not a multiple of the 16-byte record
# (a truncated file, a few stray bytes): one line naming it, exit 1.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000
$MKCLASSIC > ok.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
head -c 31 ok.out > prof.out
errcase "31 bytes" '^prof: prof\.out: .*(31|multiple of 16)' $PROF prog prof.out
head -c 5 ok.out > prof.out
errcase "5 bytes" '^prof: prof\.out: .*(5|multiple of 16)' $PROF -d prog prof.out
{ cat ok.out; printf x; } > prof.out
errcase "33 bytes" '^prof: prof\.out: .*(33|multiple of 16)' $PROF prog prof.out
