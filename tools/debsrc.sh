#!/bin/sh
# debsrc.sh PACKAGE DIR: unpack Debian's source package PACKAGE under DIR
# (made if need be) and print the path of its source tree; a tree unpacked
# there before is reused. For the benchmarks and tests that build real
# programs (bench/sqlite.sh, tests/470-*).
#
# apt-get source needs a deb-src line: where apt has none, one is added
# (/etc/apt/sources.list.d/prof-deb-src.sources) for each Debian mirror apt
# already uses, read from /etc/apt/sources.list (one-line format) and
# /etc/apt/sources.list.d/*.list and *.sources (deb822), and the lists
# are updated. dpkg-dev (dpkg-source) is installed if missing. Both need
# root; otherwise it says in one line what to run. Exits 1 on failure.
pkg=$1 dir=$2
[ -n "$pkg" ] && [ -n "$dir" ] || { echo "usage: debsrc.sh PACKAGE DIR" >&2; exit 2; }

die()
{
	echo "debsrc: $pkg: $*" >&2
	exit 1
}

# found: the unpacked tree (apt-get source leaves DIR/PACKAGE-VERSION and a
# .dsc; the stamp says the unpacking finished)
found()
{
	for d in "$dir"/*/; do
		[ -f "$d.debsrc-$pkg" ] && { echo "${d%/}"; return 0; }
	done
	return 1
}
found && exit 0

apt=/etc/apt
root=0
[ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && root=1

# debsources: deb822 stanzas of type deb-src for the Debian mirrors of the
# deb lines and stanzas apt has
debsources()
{
	{
		[ -f $apt/sources.list ] && cat $apt/sources.list
		for f in $apt/sources.list.d/*.list; do [ -f "$f" ] && cat "$f"; done
	} | awk '$1 == "deb" && /debian/ {
		# deb [opt=value ...] uri suite component...; of the options, signed-by is kept
		i = 2
		signed = ""
		if($2 ~ /^\[/){
			for(; i <= NF; i++){
				o = $i
				gsub(/[][]/, "", o)
				if(o ~ /^signed-by=/){ sub(/^signed-by=/, "", o); signed = o }
				if($i ~ /\]$/) break
			}
			i++
		}
		printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents:", $i, $(i + 1)
		for(j = i + 2; j <= NF; j++) printf " %s", $j
		printf "\n"
		if(signed != "") printf "Signed-By: %s\n", signed
		printf "\n"
	}'
	for f in $apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		case $f in */prof-deb-src.sources) continue;; esac
		# stanzas are separated by blank lines; keep those of type deb on a Debian URI
		awk 'function flush(){ if(types ~ /(^| )deb( |$)/ && uris ~ /debian/) printf "%s\n", s; s = ""; types = ""; uris = "" }
			/^[ \t]*$/ { flush(); next }
			/^#/ { next }
			/^Types:/ { types = $0; sub(/^Types:[ \t]*/, "", types); s = s "Types: deb-src\n"; next }
			/^URIs:/ { uris = $0 }
			{ s = s $0 "\n" }
			END { flush() }' "$f"
	done
}

hassrc()
{
	grep -qs '^deb-src' $apt/sources.list $apt/sources.list.d/*.list ||
		grep -qs '^Types:.*deb-src' $apt/sources.list.d/*.sources
}

need=
hassrc || need="a deb-src line in $apt/sources.list.d"
command -v dpkg-source >/dev/null 2>&1 || need="$need${need:+, }dpkg-dev"
if [ -n "$need" ]; then
	[ $root = 1 ] || die "needs $need: run as root, or add them and run again"
	if ! hassrc; then
		s=$(debsources)
		[ -n "$s" ] || die "no Debian mirror in apt's sources to add a deb-src line for"
		printf '%s\n' "$s" > $apt/sources.list.d/prof-deb-src.sources
		echo "debsrc: added $apt/sources.list.d/prof-deb-src.sources" >&2
	fi
	apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed"
	if ! command -v dpkg-source >/dev/null 2>&1; then
		apt-get install -y -qq dpkg-dev >/dev/null 2>&1 || die "apt-get install dpkg-dev failed"
	fi
fi

mkdir -p "$dir" || die "cannot make $dir"
log=$dir/.debsrc-$pkg.log
# try [VERSION]: apt-get source of the newest version, or of VERSION
try()
{
	(cd "$dir" && apt-get source -q "$pkg${1:+=$1}") > "$log" 2>&1
}
# versions: the versions apt knows of, newest first
versions()
{
	apt-cache showsrc "$pkg" 2>/dev/null | sed -n 's/^Version: //p' | sort -rV | uniq
}
# The lists may be older than the deb-src line (or gone): update once and
# retry. A mirror may also lack the newest version's files (a security
# update's source): then the other versions, newest first.
ok=0
try && ok=1
if [ $ok = 0 ] && [ $root = 1 ]; then
	apt-get update -qq >/dev/null 2>&1
	try && ok=1
	if [ $ok = 0 ]; then
		for v in $(versions); do
			try "$v" && { ok=1; break; }
		done
	fi
fi
[ $ok = 1 ] || { tail -n 5 "$log" >&2; die "apt-get source failed (log: $log)"; }
# the tree is the directory named in dpkg-source's "extracting PACKAGE in DIR" line
t=$(sed -n "s/^dpkg-source: info: extracting .* in \\(.*\\)\$/\\1/p" "$log" | tail -n 1)
[ -n "$t" ] && [ -d "$dir/$t" ] || die "apt-get source: no source tree (log: $log)"
: > "$dir/$t/.debsrc-$pkg"
echo "$dir/$t"
