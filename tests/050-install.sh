# make install puts the commands, runtime, headers, pkg-config file and
# man pages under PREFIX, and nothing of the tools' private library; a program built with pkg-config's flags writes
# a profile that the installed prof reads; tprof and kprof are installed
# too, and nothing setuid or setgid.
# Program: main calls twice() 2 times; twice calls leaf once each time.
. "$TOP/tests/lib.sh"
make -s -C "$TOP" B="$B" install PREFIX="$PWD/inst" >make.out 2>&1 || { cat make.out; fail "make install"; }
for f in bin/prof lib/libprof.a lib/libprof.so lib/pkgconfig/prof.pc \
	include/prof.h include/proffile.h \
	share/man/man1/prof.1 share/man/man3/prof.3 share/man/man5/prof.5; do
	[ -f "inst/$f" ] || fail "not installed: $f"
done
for f in lib/libproftools.a include/proftools.h include/base.h; do
	[ ! -e "inst/$f" ] || fail "the tools' private library installed: $f"
done
[ "$(ls inst/include)" = "$(printf 'prof.h\nproffile.h')" ] || fail "headers other than prof.h, proffile.h: $(ls inst/include)"
for c in prof tprof kprof; do
	[ -x inst/bin/$c ] || fail "inst/bin/$c not installed or not executable"
done
# the samplers get their rights from the kernel's checks, never from the file's mode
[ -z "$(find inst -perm /6000)" ] || fail "installed setuid or setgid: $(find inst -perm /6000)"
export PKG_CONFIG_PATH="$PWD/inst/lib/pkgconfig"
flags=$(pkg-config --cflags --libs prof) || fail "pkg-config prof"
case $flags in *-finstrument-functions*) ;; *) fail "cflags lack -finstrument-functions: $flags";; esac
cat > p.c <<'P'
#include <prof.h>
__attribute__((noinline)) void leaf(void) { __asm__ volatile(""); }
__attribute__((noinline)) void twice(void) { leaf(); }
int main(void) { twice(); twice(); return Profoff; }
P
cc -O0 -o p p.c $flags || fail "build with pkg-config flags"
./p || fail "profiled program failed"
ls prof.* >/dev/null 2>&1 || fail "no prof.<pid> written"
inst/bin/prof -d p 2>/dev/null | sed 's/:[0-9]*/:T/' > got
printf 'main:T\n. twice:T/2\n.\tleaf:T/2\n' > want
same "installed prof -d" want got
make -s -C "$TOP" B="$B" uninstall PREFIX="$PWD/inst" >/dev/null 2>&1 || fail "make uninstall"
[ -z "$(find inst -type f)" ] || fail "uninstall left: $(find inst -type f)"
