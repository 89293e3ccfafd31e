# Sample mode's interval timer runs only while a sample profile is made
# (tests/progs/tickstop.c, run with proftype=sample, asks getitimer in
# each phase): ticking in main's sample profile, stopped in a user
# profile begun by prof(), stopped after prof() returns (no profile is
# made then), ticking in a second prof() in sample mode, stopped after,
# ticking in a third, also sample, 300 ms of CPU later, stopped after.
# The last profile (prof.<pid> is the third prof()'s) holds hot's 200 ms
# of CPU time, not the 300 ms before it.
. "$TOP/tests/lib.sh"

rtcc prog "$TOP/tests/progs/tickstop.c" -I"$TOP/tests/progs"
proftype=sample ./prog > out 2> err || fail "exit $? $(cat err)"
cat > want <<'E'
main ticking
user stopped
after stopped
sample ticking
after stopped
again ticking
after stopped
E
same "the timer in each phase" want out
$PROF prog "$(profile)" > flat 2> err || fail "prof: exit $? $(cat err)"
ms=$(sed 1d flat | awk -F'\t' '{ split($1, f, " "); s += f[2] } END { printf "%d", s * 1000 }')
[ "$ms" -ge 100 ] && [ "$ms" -le 300 ] || { cat flat; fail "the last profile's total $ms ms, want hot's 200"; }
grep -q 'hot$' flat || { cat flat; fail "no hot in the last profile"; }
exit 0
