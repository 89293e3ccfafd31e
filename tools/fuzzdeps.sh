#!/bin/sh
# make fuzz's dependencies: libelf's headers, clang (14, as Debian 12 has
# it) and its libFuzzer runtime. As root, install the missing Debian
# packages with apt-get; otherwise name the command to run.
cc=$(command -v clang-14 || command -v clang)
missing=
[ -f /usr/include/gelf.h ] || missing="libelf-dev "
command -v pkg-config >/dev/null 2>&1 || missing="${missing}pkg-config "
if [ -z "$cc" ]; then
	missing="${missing}clang-14 libclang-rt-14-dev"
elif ! echo 'int LLVMFuzzerTestOneInput(const char *d, long n){return 0;}' |
	"$cc" -fsanitize=fuzzer,address,undefined -x c -o /dev/null - >/dev/null 2>&1; then
	missing="${missing}libclang-rt-14-dev"
fi
exec sh "$(dirname "$0")/aptinstall.sh" fuzzdeps $missing
