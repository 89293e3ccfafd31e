# prof with a right link to the record itself, or back to an older
# sibling (a cycle): one line naming the file, exit 1.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 f=0x1100
# 1 main's child 2 has right link 2
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
2 - 0x1000 1 10
- 2 0x1100 1 5
P
for opt in "" -d -r; do
	errcase "right to itself, prof $opt" '^prof: prof\.out: .*record' timeout 20 $PROF $opt prog prof.out
done
# siblings 2 -> 3 -> 2
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
2 - 0x1000 1 10
- 3 0x1100 1 5
- 2 0x1100 1 1
P
for opt in "" -d -r; do
	errcase "right around two siblings, prof $opt" '^prof: prof\.out: .*record' timeout 20 $PROF $opt prog prof.out
done
