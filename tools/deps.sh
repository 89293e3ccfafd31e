#!/bin/sh
# Make sure the build and test dependencies are here. As root, install the
# missing Debian packages with apt-get; otherwise name the command to run.
# Build: libelf-dev (and pkg-config). Tests: binutils (as, ld, nm, objcopy),
# gcc-multilib for the -m32 cases, linux-perf (perf: tprof's tests compare
# with it), valgrind (VALGRIND=1 and CI's memcheck pass), g++ (C++
# names), libxml2-utils and chromium (xmllint and a browser for prof -S),
# nodejs and npm (256 drives chromium with npm's puppeteer-core), golang-go
# (go tool pprof, the oracle of -P's tests), and for 470's SQLite from
# Debian source checked against uftrace: uftrace, dpkg-dev (apt-get
# source) and tcl (tclsh, to make the amalgamation).
missing=
[ -f /usr/include/gelf.h ] || missing="$missing libelf-dev"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v nm >/dev/null 2>&1 || missing="$missing binutils"
command -v perf >/dev/null 2>&1 || missing="$missing linux-perf"
command -v valgrind >/dev/null 2>&1 || missing="$missing valgrind"
command -v g++ >/dev/null 2>&1 || missing="$missing g++"
command -v xmllint >/dev/null 2>&1 || missing="$missing libxml2-utils"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
command -v go >/dev/null 2>&1 || [ -x /usr/lib/go/bin/go ] || missing="$missing golang-go"
command -v uftrace >/dev/null 2>&1 || missing="$missing uftrace"
command -v dpkg-source >/dev/null 2>&1 || missing="$missing dpkg-dev"
command -v tclsh >/dev/null 2>&1 || missing="$missing tcl"
if [ "$(uname -m)" = x86_64 ] && ! echo 'int main(void){return 0;}' |
	cc -m32 -x c -o /dev/null - >/dev/null 2>&1; then
	missing="$missing gcc-multilib"
fi
exec sh "$(dirname "$0")/aptinstall.sh" deps $missing
