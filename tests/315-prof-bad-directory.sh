# prof given a directory as program or profile: one line naming it, exit 1.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
mkdir dir
errcase "program is a directory" '^prof: dir: [Ii]s a directory$' $PROF dir prof.out
errcase "profile is a directory" '^prof: dir: [Ii]s a directory$' $PROF prog dir
