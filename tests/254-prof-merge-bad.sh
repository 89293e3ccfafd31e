# Profiles that cannot be summed are refused, in one line naming the one
# that differs from the first, status 1, nothing on stdout: another
# proftype, time unit or clock (header fields patched, prof(5): unitns at
# byte 24, mechanism at 16), a Plan 9 prof.out beside a prof.<pid>,
# another build of the program (build-ids differ), a missing file.
. "$TOP/tests/lib.sh"

rtcc count "$TOP/tests/progs/count.c"
proftype=elapsed ./count 5 > out || fail "count: exit $?"
mv prof.[0-9]* e.prof
proftype=user ./count 5 > out || fail "count: exit $?"
mv prof.[0-9]* u.prof
errcase "proftypes" '^prof: u\.prof: proftype user, e\.prof has proftype elapsed$' $PROF count e.prof e.prof u.prof
cp e.prof unit.prof
printf '\002' | dd of=unit.prof bs=1 seek=24 conv=notrunc 2> /dev/null
errcase "time units" '^prof: unit\.prof: time unit 2 ns, e\.prof has 1 ns$' $PROF count e.prof unit.prof
cp e.prof mech.prof
printf '\077' | dd of=mech.prof bs=1 seek=16 conv=notrunc 2> /dev/null
errcase "clocks" '^prof: mech\.prof: times measured by another clock than e\.prof' $PROF count e.prof mech.prof

mkelf prog main=0x1000
$MKCLASSIC > p9.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
errcase "formats" '^prof: p9\.out: a Plan 9 prof\.out file, e\.prof is a prof\.<pid> file$' $PROF count e.prof p9.out
errcase "formats" '^prof: e\.prof: a prof\.<pid> file, p9\.out is a Plan 9 prof\.out file$' $PROF prog p9.out e.prof

RTOPT=-O1 rtcc count1 "$TOP/tests/progs/count.c"
proftype=elapsed ./count1 5 > out || fail "count1: exit $?"
mv prof.[0-9]* e1.prof
errcase "builds" '^prof: e1\.prof: profiles another build of the program \(.*count1: build-id differs\)$' $PROF count e.prof e1.prof
errcase "missing" '^prof: nosuch: ' $PROF count e.prof nosuch

# the same profile twice is fine: twice the calls
printf '%s\n' 'main 2' 'work 10' > want
$PROF count e.prof e.prof > c.out 2> err || { cat err; fail "prof count e.prof e.prof: exit $?"; }
sed 1d c.out | awk -F'\t' '{ n = split($1, f, " "); print $2, f[n] }' | LC_ALL=C sort > got
same "a profile twice" want got
