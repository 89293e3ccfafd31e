# Children made by syscall(SYS_fork) and by clone() without CLONE_VM
# (tests/progs/rawfork.c), which no atfork handler sees: they run as
# unprofiled, in every proftype (they died of SIGSEGV at their first
# call in user mode, reading their parent's perf page), and write no
# profile; the parent's is exact (counts by construction).
. "$TOP/tests/lib.sh"

plaincc plain "$TOP/tests/progs/rawfork.c"
./plain > want.out
want=$?
[ $want -eq 0 ] && [ "$(cat want.out)" = "child 5 3
cloned 5 4" ] || fail "unprofiled: exit $want, output $(cat want.out)"
rtcc rawfork "$TOP/tests/progs/rawfork.c"
for t in user kernel elapsed sample; do
	rm -f prof.*
	proftype=$t ./rawfork > out 2> err
	rc=$?
	[ $rc -eq $want ] || fail "$t: exit $rc, want $want"
	same "$t: output" want.out out
	[ ! -s err ] || fail "$t: stderr $(cat err)"
	p=$(profile)
	calls rawfork "$p" > got.flat
	printf 'main 1\nwork 3\n' > want.flat
	same "$t: calls" want.flat got.flat
done
