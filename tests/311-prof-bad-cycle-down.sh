# prof with a down link back to an ancestor (a cycle; without a check the
# walk would never end): one line naming the file, exit 1.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 f=0x1100
# 1 main -> 2 f -> 3 f -> down 1
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
2 - 0x1000 1 10
3 - 0x1100 1 5
1 - 0x1100 1 2
P
for opt in "" -d -r; do
	errcase "down to an ancestor, prof $opt" '^prof: prof\.out: .*record' timeout 20 $PROF $opt prog prof.out
done
# 1 main -> down 0, the root
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
0 - 0x1000 1 10
P
for opt in "" -d -r; do
	errcase "down to the root, prof $opt" '^prof: prof\.out: .*record' timeout 20 $PROF $opt prog prof.out
done
