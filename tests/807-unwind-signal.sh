# The unwinder through a signal frame (tests/progs/unw-signal.c, -O2):
# hot, handler, then libc's __restore_rt (the return address the kernel
# gave handler; its CFI, augmentation "S", reads the interrupted
# registers from the ucontext by DWARF expressions), then the
# interrupted frames: glibc 2.36's raise calls __pthread_kill_implementation
# (nptl/pthread_kill.c; __pthread_kill_internal is inlined), which is
# in the kill system call; then interrupted, main, startup. unwstop names
# a return address by the byte before it, the call: __restore_rt's
# address is its first byte, so its name is not checked (only libc's);
# the interrupted pc is its exact place. On another glibc, libc's names
# are not checked.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/unw-lib.sh"

exact=no
[ "$LIBCNAMES" = yes ] && ldd --version | head -n 1 | grep -q ' 2\.36$' && exact=yes
for o in -fomit-frame-pointer -fno-omit-frame-pointer; do
	cc -O2 -g $o -o sig "$TOP/tests/progs/unw-signal.c" || fail "cc unw-signal.c $o"
	{
		printf 'hot\tsig\nhandler\tsig\n?\tlibc.so.6\n'
		printf '__pthread_kill_implementation\tlibc.so.6\nraise\tlibc.so.6\n'
		printf 'interrupted\tsig\nmain\tsig\n'
		startup sig
	} > want
	unwchain ./sig | sed '3s/^[^	]*	libc\.so\.6$/?	libc.so.6/' > got
	if [ $exact = no ]; then
		sed 's/^[^	]*	\(libc\.so\.[0-9]*\)$/?	\1/' want > w && mv w want
		sed 's/^[^	]*	\(libc\.so\.[0-9]*\)$/?	\1/' got > g && mv g got
	fi
	same "$o: main -> interrupted -> raise -> signal -> handler -> hot" want got
done
exit 0
