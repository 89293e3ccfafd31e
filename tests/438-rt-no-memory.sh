# Trees that cannot be made (tests/progs/nomem.c): under a 2 GB address
# space limit, the program takes all the space left before prof(...,
# Proftime) begins a profile. The program's output and status are its
# own, also when a thread without a tree ends and its key destructor
# calls instrumented code (this crashed: SIGSEGV); the runtime says on
# one line that calls were not recorded for want of memory.
. "$TOP/tests/lib.sh"

rtcc nomem "$TOP/tests/progs/nomem.c"
(ulimit -v 2000000 2>/dev/null || exit 3; exec ./nomem) > out 2> err
rc=$?
[ $rc -ne 3 ] || skip "cannot limit the address space (ulimit -v)"
[ $rc -eq 0 ] || fail "exit $rc $(cat err)"
[ "$(cat out)" = done ] || fail "output $(cat out)"
[ "$(wc -l < err)" -eq 1 ] && grep -q '^prof: calls not recorded: out of memory' err ||
	fail "stderr: $(cat err): want one line, out of memory"
exit 0
