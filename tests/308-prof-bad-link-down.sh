# prof with a down link past the last record: one line naming the file,
# exit 1, in every report.
# Records: 0 root -> 1 main -> down 3, but there are only 3 records (0-2).
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
3 2 0x1000 1 10
- - 0x1000 1 1
P
for opt in "" -d -r; do
	errcase "prof $opt" '^prof: prof\.out: .*record.* 3([^0-9]|$)' $PROF $opt prog prof.out
done
$MKCLASSIC > prof.out <<'P'
0xfffe - 0 0 10
P
errcase "root down 0xfffe" '^prof: prof\.out: .*record.* 65534([^0-9]|$)' $PROF prog prof.out
