# The runtime keeps no file descriptors in the program (tests/progs/fds.c,
# 21 threads with their clocks set up): the descriptor the program opens
# next and the number it has open are those of the unprofiled program,
# under every proftype.
. "$TOP/tests/lib.sh"

plaincc plain "$TOP/tests/progs/fds.c"
./plain > want.out || fail "unprofiled: exit $?"
rtcc fds "$TOP/tests/progs/fds.c"
for type in user kernel elapsed sample; do
	proftype=$type ./fds > out || fail "$type: exit $?"
	same "$type: output" want.out out
done
