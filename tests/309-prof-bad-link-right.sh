# prof with a right link past the last record: one line naming the file,
# exit 1, in every report.
# Records: 0 root -> 1 main, whose child 2 has right link 7 (records 0-2).
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
2 - 0x1000 1 10
- 7 0x1000 1 1
P
for opt in "" -d -r; do
	errcase "prof $opt" '^prof: prof\.out: .*record.* 7([^0-9]|$)' $PROF $opt prog prof.out
done
