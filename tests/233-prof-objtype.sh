# prof's default program follows $objtype as Plan 9's prof.c defaout()
# does: its table 386 8.out, 68020 2.out, alpha 7.out, amd64 6.out, arm
# 5.out, mips v.out, power q.out, sparc k.out, spim 0.out, and 8.out (the
# table's first) for any other value; unset, a.out (cc's), as before.
# Program (each name): main 0x1020, f 0x1040, etext 0x1060; tree:
#	main (1, 10)	self 6
#	└── f (2, 4)	self 4
. "$TOP/tests/lib.sh"
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
2 - 0x1020 1 10
- - 0x1040 2 4
P
printf '%b\n' \
	'  %     Time     Calls  Name' \
	'60.0    0.006        1\tmain' \
	'40.0    0.004        2\tf' > want
prog()
{
	printf 'entry 0x1020\ntext 0x40\nT 0x1020 main\nt 0x1040 f\nT 0x1060 etext\n' | mkaout "$1"
}
for pair in 386:8.out 68020:2.out alpha:7.out amd64:6.out arm:5.out mips:v.out \
	power:q.out sparc:k.out spim:0.out 9000:8.out; do
	o=${pair%:*}
	f=${pair#*:}
	errcase "objtype $o, no $f" "^prof: $f: No such file" env objtype="$o" $PROF
	prog "$f"
	objtype=$o $PROF > got || fail "objtype $o: exit $?"
	same "objtype $o: $f" want got
	rm -f "$f"
done

# unset: a.out
unset objtype
errcase "objtype unset, no a.out" "^prof: a.out: No such file" $PROF
prog a.out
$PROF > got || fail "objtype unset: exit $?"
same "objtype unset: a.out" want got

# a program named is read whatever $objtype says
mv a.out prog
objtype=amd64 $PROF prog > got || fail "objtype amd64, prog named: exit $?"
same "program named" want got
exit 0
