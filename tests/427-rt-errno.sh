# The hooks never change errno (tests/progs/errno.c): not at a thread's
# first call (its tree and clock are set up then), nor at an ordinary call
# or return, nor at the first call after prof() (the tree is made afresh),
# under every proftype.
. "$TOP/tests/lib.sh"

rtcc errno "$TOP/tests/progs/errno.c"
for type in user kernel elapsed sample; do
	proftype=$type ./errno > out || fail "$type: exit $?"
	[ "$(cat out)" = ok ] || fail "$type: $(cat out)"
done
