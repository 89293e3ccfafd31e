#!/bin/sh
# aptinstall.sh WHO PACKAGE...: install the missing Debian packages with
# apt-get when root, or say in one line (as WHO) the command to run.
# Used by tools/deps.sh and tools/fuzzdeps.sh.
who=$1
shift
[ $# -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "$who: missing: $*; run: sudo apt-get install -y $*" >&2
	exit 1
fi
echo "$who: installing $*" >&2
apt-get update -qq >/dev/null && apt-get install -y -qq "$@" >/dev/null ||
	{ echo "$who: apt-get install $* failed" >&2; exit 1; }
