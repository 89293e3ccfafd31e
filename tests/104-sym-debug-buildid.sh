# A stripped executable's symbols from its separate debug file found by
# build-id: ROOT/.build-id/ab/cdef....debug under a debug root
# ($profdebugdir, a colon-separated list). Oracle: readelf on the
# unstripped binary (all functions) and on the stripped one's .dynsym
# (what is left without the debug file). A debug file whose build-id
# differs is not used; a binary that has its own .symtab never uses one.
# Where the machine has libc's debug file (libc6-dbg), libc's symbols are
# its .symtab's.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/debug-lib.sh"

mkstripped prog "$TOP/tests/progs/debugme.c"
# out of the debuglink's reach: no prog.debug beside the copy
mkdir b
cp prog b/prog
funcs prog.full > want.all
funcs prog --dyn-syms > want.dyn
grep -q ' hidden1$' want.all && ! grep -q ' hidden1$' want.dyn || fail "hidden1 is in .dynsym"

mkdir empty root
export profdebugdir="$PWD/empty"
symsof "no debug file: .dynsym" b/prog want.dyn

id=$(buildid prog)
dir=root/.build-id/$(echo "$id" | cut -c1-2)
mkdir -p "$dir"
cp prog.debug "$dir/$(echo "$id" | cut -c3-).debug"
profdebugdir="$PWD/root" symsof "by build-id" b/prog want.all
profdebugdir="$PWD/empty:$PWD/root" symsof "by build-id, second root" b/prog want.all
profdebugdir= symsof "no debug root" b/prog want.dyn

# a debug file with the right build-id and hidden1's symbol taken out:
# its symbols are the ones read, and the unstripped binary ignores it
objcopy --strip-symbol=hidden1 prog.debug part.debug || fail "objcopy --strip-symbol"
[ "$(buildid part.debug)" = "$id" ] || fail "objcopy changed the build-id"
cp part.debug "$dir/$(echo "$id" | cut -c3-).debug"
grep -v ' hidden1$' want.all > want.part
profdebugdir="$PWD/root" symsof "by build-id, the debug file's symbols" b/prog want.part
profdebugdir="$PWD/root" symsof "own .symtab first" prog.full want.all

# another build's debug file placed at this build-id: not used
mkstripped other "$TOP/tests/progs/debugme.c" -O1
[ "$(buildid other)" != "$id" ] || fail "-O0 and -O1 builds share a build-id"
cp other.debug "$dir/$(echo "$id" | cut -c3-).debug"
profdebugdir="$PWD/root" symsof "another build's debug file" b/prog want.dyn

# libc, when its debug file is here: the addresses are those of the debug
# file's defined functions
unset profdebugdir
libc=$(ldd prog | awk '$1 ~ /^libc\.so/ { print $3 }')
[ -n "$libc" ] && lid=$(buildid "$libc") || lid=
ldbg=/usr/lib/debug/.build-id/$(echo "$lid" | cut -c1-2)/$(echo "$lid" | cut -c3-).debug
if [ -n "$lid" ] && [ -f "$ldbg" ] && ! readelf -S "$libc" | grep -q '\.symtab'; then
	readelf -sW --syms "$ldbg" 2>/dev/null | LC_ALL=C awk '($4 == "FUNC" || $4 == "IFUNC") && $7 != "UND" {
		print substr("0000000000000000" $2, length($2) + 1) }' | LC_ALL=C sort -u > libc.want
	$SYMDUMP "$libc" | cut -d' ' -f1 > libc.got || fail "symdump $libc"
	same "libc: addresses of $ldbg" libc.want libc.got
	echo "ok libc: $(wc -l < libc.got) addresses from $ldbg"
else
	echo "note: no stripped libc with a debug file here (libc6-dbg): not checked"
fi
exit 0
