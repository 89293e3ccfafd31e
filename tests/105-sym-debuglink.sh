# A stripped executable's symbols from the debug file its .gnu_debuglink
# names, looked for as gdb does: in the binary's directory, in its .debug
# subdirectory, and under the debug root followed by the binary's
# directory; a file there whose CRC-32 is not the one the link gives is
# passed over. Oracle: readelf on the unstripped binary and on the
# stripped one's .dynsym.
. "$TOP/tests/lib.sh"
. "$TOP/tests/progs/debug-lib.sh"

mkstripped prog "$TOP/tests/progs/debugme.c"
funcs prog.full > want.all
funcs prog --dyn-syms > want.dyn
grep -q ' hidden1$' want.all && ! grep -q ' hidden1$' want.dyn || fail "hidden1 is in .dynsym"
readelf -p .gnu_debuglink prog | grep -q 'prog\.debug' || fail "no debuglink to prog.debug"

# the build-id route finds nothing: an empty debug root
mkdir root d
export profdebugdir="$PWD/root"
cp prog d/prog
here=$(cd d && pwd -P)
symsof "no debug file: .dynsym" d/prog want.dyn

cp prog.debug d/prog.debug
symsof "beside the binary" d/prog want.all
rm d/prog.debug

mkdir d/.debug
cp prog.debug d/.debug/prog.debug
symsof "in .debug/" d/prog want.all
rm d/.debug/prog.debug

mkdir -p "root$here"
cp prog.debug "root$here/prog.debug"
symsof "under the debug root" d/prog want.all
profdebugdir="$PWD/empty:$PWD/root" symsof "under the second debug root" d/prog want.all
rm "root$here/prog.debug"

# the same debug file's symbols, but other bytes: its CRC differs
objcopy --strip-symbol=hidden1 prog.debug bad.debug || fail "objcopy --strip-symbol"
! cmp -s prog.debug bad.debug || fail "objcopy left bad.debug as it was"
cp bad.debug d/prog.debug
symsof "wrong CRC beside the binary: not used" d/prog want.dyn
cp bad.debug d/.debug/prog.debug
cp bad.debug "root$here/prog.debug"
symsof "wrong CRC everywhere: not used" d/prog want.dyn
cp prog.debug d/.debug/prog.debug
symsof "wrong CRC beside the binary, the right one in .debug/" d/prog want.all

# a symbolic link to the binary: the directory is the binary's own
mkdir l
ln -s "$here/prog" l/prog
symsof "through a symbolic link" l/prog want.all
exit 0
