# prof with a program that does not exist: one line naming it and the
# reason, exit 1 (the profile itself is fine).
. "$TOP/tests/lib.sh"
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
errcase "missing program" '^prof: nosuch: No such file or directory$' $PROF nosuch prof.out
errcase "missing program, -d" '^prof: nosuch: No such file or directory$' $PROF -d nosuch prof.out
errcase "missing a.out" '^prof: a\.out: No such file or directory$' $PROF
