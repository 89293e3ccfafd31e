# prof with a profile that does not exist: one line naming it, exit 1.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000
errcase "missing profile" '^prof: nosuch\.out: No such file or directory$' $PROF prog nosuch.out
errcase "missing profile, -d" '^prof: nosuch\.out: No such file or directory$' $PROF -d prog nosuch.out
errcase "missing prof.out" '^prof: prof\.out: No such file or directory$' $PROF prog
