# Sourced by bench/runtime.sh and bench/real.sh: messages, and installing
# what a benchmark needs.

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
