# execvp and execlp of a script without "#!" (the kernel says ENOEXEC):
# glibc runs it with /bin/sh, and so must a static program, where the
# runtime's exec wrappers search $PATH themselves (tests/progs/script.c).
# Found through $PATH, named with a slash, with and without arguments, not
# executable (EACCES), not found: the output and exit status of the
# profiled program, static and dynamic, are the unprofiled program's; the
# profile written before a successful exec holds main 1, work 2.
. "$TOP/tests/lib.sh"

src=$TOP/tests/progs/script.c
plaincc plain "$src"
rtcc dyn "$src"
rtcc static "$src" -static 2> cc.err || skip "cannot link a static program: $(tail -n 1 cc.err)"
readelf -l static | grep -q INTERP && skip "-static made a dynamic program"

mkdir bin noexec
printf 'echo "ran $0 [$#] $*"\nexit 4\n' > bin/script
chmod 755 bin/script
cp bin/script noexec/script
chmod 644 noexec/script
printf 'main 1\nwork 2\n' > want.flat

# run CASE ARGS...: each build with ARGS; the profiled ones as plain
run()
{
	c=$1
	shift
	PATH=$(pwd)/noexec:$(pwd)/bin:$PATH ./plain "$@" > want.out 2>&1
	want=$?
	for p in dyn static; do
		rm -f prof.*
		PATH=$(pwd)/noexec:$(pwd)/bin:$PATH ./$p "$@" > got.out 2>&1
		rc=$?
		[ $rc -eq $want ] || { cat got.out; fail "$c, $p: exit $rc, want $want"; }
		same "$c, $p: output" want.out got.out
		if [ $want -ne 3 ]; then
			calls $p "$(profile)" > got.flat
			same "$c, $p: calls before the exec" want.flat got.flat
		fi
	done
	echo "$c: exit $want, $(head -n 1 want.out)"
}

run "execvp through PATH" script x "y z"
run "execvp, no arguments" script
run "execvp with a slash" bin/script one
run "execlp" -l script
run "not found" no-such-script
PATH=$(pwd)/noexec ./plain script > want.out 2>&1
grep -q 'Permission denied' want.out || fail "unprofiled, not executable: $(cat want.out)"
for p in dyn static; do
	PATH=$(pwd)/noexec ./$p script > got.out 2>&1
	same "not executable, $p" want.out got.out
done
