# prof on a profile that is only the root record (nothing was called):
# the flat report is the header alone, -d and -dr print nothing.
# Program: main 0x1000.
. "$TOP/tests/lib.sh"
unset tabstop
mkelf prog main=0x1000
$MKCLASSIC > prof.out <<'P'
- - 0 0 1234
P
printf '  %%     Time     Calls  Name\n' > want
$PROF prog prof.out > got || fail "prof exit $?"
same flat want got
: > want
$PROF -d prog prof.out > got || fail "prof -d exit $?"
same -d want got
$PROF -dr prog prof.out > got || fail "prof -dr exit $?"
same -dr want got
