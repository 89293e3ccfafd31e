# prof with a record reachable twice (two parents share a subtree, or a
# down and a right link meet): one line naming the file, exit 1.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000 f=0x1100
# 1 main has children 2 and 3 (3 -> right 2); both have down link 4.
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
3 - 0x1000 1 10
4 - 0x1100 1 2
4 2 0x1100 1 2
- - 0x1100 1 1
P
for opt in "" -d -r; do
	errcase "shared child, prof $opt" '^prof: prof\.out: .*record' $PROF $opt prog prof.out
done
# 1 main's child 2 has right link 3, and down link 3 too.
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
2 - 0x1000 1 10
3 3 0x1100 1 2
- - 0x1100 1 1
P
for opt in "" -d -r; do
	errcase "down and right meet, prof $opt" '^prof: prof\.out: .*record' $PROF $opt prog prof.out
done
