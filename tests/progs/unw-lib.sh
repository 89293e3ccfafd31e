# Sourced by the unwinder's tests (tests/8NN-unwind-*.sh) after tests/lib.sh.
# tests/bin/unwstop runs a program until it traps (int3), unwinds its
# stack with the library and prints "name<TAB>file" per frame, or
# "[unknown]". The oracle: programs whose call chains are known by
# construction, and glibc's startup (2.34 on): _start (start.S, whose CFI
# marks the return address undefined: the outermost frame) calls
# __libc_start_main, which calls __libc_start_call_main, which calls main.

UNWSTOP="$VG $B/tests/unwstop"

# unwchain PROGRAM [ARG...]: unwstop's chain, symbol versions (@@GLIBC_2.34)
# cut; libc's names masked as "?" when its static functions cannot be
# named (no debug file holding its .symtab), its file name kept.
unwchain()
{
	$UNWSTOP "$@" > chain.raw 2> chain.err || { cat chain.err; fail "unwstop $*: exit $?"; }
	sed 's/@[^	]*	/	/' chain.raw | libcmask
}

# LIBCNAMES: yes if the library names libc's static functions (its .symtab is in a debug file)
_libc=$(ldd /bin/sh | awk '/libc\.so/ { print $3 }')
if [ -n "$_libc" ] && "$B/tests/symdump" "$_libc" | grep -q ' __libc_start_call_main$'; then
	LIBCNAMES=yes
else
	LIBCNAMES=no
fi

# libcmask: stdin with libc's names masked unless they can be known
libcmask()
{
	if [ "$LIBCNAMES" = yes ]; then
		cat
	else
		sed 's/^[^	]*	\(libc\.so\.[0-9]*\)$/?	\1/'
	fi
}

# startup FILE: the frames below main in a program dynamically linked to libc, FILE its name
startup()
{
	printf '__libc_start_call_main\tlibc.so.6\n__libc_start_main\tlibc.so.6\n_start\t%s\n' "$1"
}
