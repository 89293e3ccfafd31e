# Sourced by bench/runtime.sh and bench/real.sh: messages, installing what
# a benchmark needs, the work directory.

die()
{
	echo "bench: $*" >&2
	exit 1
}

note()
{
	echo "bench: $*" >&2
}

# have CMD PACKAGE: CMD is there, installed with apt-get if we are root
# (not with NOINSTALL=1)
have()
{
	command -v "$1" >/dev/null && return 0
	if [ "${NOINSTALL:-0}" != 1 ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
		note "installing $2"
		apt-get install -y "$2" >/dev/null 2>&1 ||
			{ apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >/dev/null 2>&1; } || true
	fi
	command -v "$1" >/dev/null
}

# workdir NAME: make a fresh work directory, $w, removed at exit (kept,
# and named, with KEEP=1)
workdir()
{
	w=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX") || die "mktemp failed"
	if [ "${KEEP:-0}" = 1 ]; then
		note "work directory $w"
	else
		trap 'rm -rf "$w"' EXIT
		trap 'exit 1' INT TERM HUP
	fi
}
