#!/bin/sh
# Make sure the build and test dependencies are here. As root, install the
# missing Debian packages with apt-get; otherwise name the command to run.
# Build: libelf-dev (and pkg-config). Tests: binutils (as, ld, nm, objcopy),
# gcc-multilib for the -m32 cases, linux-perf (perf: tprof's tests compare
# with it), valgrind (VALGRIND=1 and CI's memcheck pass).
missing=
[ -f /usr/include/gelf.h ] || missing="$missing libelf-dev"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v nm >/dev/null 2>&1 || missing="$missing binutils"
command -v perf >/dev/null 2>&1 || missing="$missing linux-perf"
command -v valgrind >/dev/null 2>&1 || missing="$missing valgrind"
if [ "$(uname -m)" = x86_64 ] && ! echo 'int main(void){return 0;}' |
	cc -m32 -x c -o /dev/null - >/dev/null 2>&1; then
	missing="$missing gcc-multilib"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: missing:$missing; run: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: installing$missing" >&2
apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null ||
	{ echo "deps: apt-get install$missing failed" >&2; exit 1; }
