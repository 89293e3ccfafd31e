# Threads cancelled as they start (tests/progs/cancelled.c), in every
# mode: the runtime adds no cancellation point, so the program runs as it
# does unprofiled (every thread runs to its end: "sink 2100") and the
# profile is exact (main 1, body 21, leaf 2100). Setting up a thread's
# clock closes a file: cancelled there, in its first hook (user and
# kernel modes, which open the thread's task clock), a thread ended with
# none of its calls made and its tree counted again in later threads'.
. "$TOP/tests/lib.sh"

rtcc prog "$TOP/tests/progs/cancelled.c"
plaincc plain "$TOP/tests/progs/cancelled.c"
./plain > want.out || fail "unprofiled: exit $?"
printf 'body 21\nleaf 2100\nmain 1\n' > want
for mode in user kernel elapsed sample; do
	rm -f prof.*
	proftype=$mode ./prog > out 2> err || fail "$mode: exit $? $(cat err)"
	same "$mode: output" want.out out
	calls prog "$(profile)" > got
	same "$mode: calls" want got
done
exit 0
