# prof with an ELF program that has no text symbols (data symbols only,
# or no symbol table at all): one line naming it and the reason, exit 1.
. "$TOP/tests/lib.sh"
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
printf '.data\n.globl x\nx:\n\t.long 1\n.text\n.globl _start\n_start:\n\tnop\n' > data.s
as -o data.o data.s || fail "as data.s"
ld -static -Ttext=0x1000 -e 0x1000 -o data data.o 2>/dev/null || fail "ld data"
errcase "data symbols only" '^prof: data: no text symbols$' $PROF data prof.out
mkelf prog main=0x1000
strip -o stripped prog || fail "strip"
errcase "stripped" '^prof: stripped: (no symbol table|no text symbols)$' $PROF stripped prof.out
