# prof with an empty profile: one line naming it and the reason, exit 1.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000
: > prof.out
errcase "empty profile" '^prof: prof\.out: empty profile$' $PROF prog prof.out
errcase "empty profile, -d" '^prof: prof\.out: empty profile$' $PROF -d prog prof.out
