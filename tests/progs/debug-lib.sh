# Sourced by the separate-debug-file tests (tests/10N-sym-debug*.sh) after
# tests/lib.sh. The oracle is readelf on the unstripped binary.

for _t in gcc readelf objcopy strip; do
	command -v $_t >/dev/null 2>&1 || skip "$_t not found"
done

# funcs FILE [--dyn-syms]: "address name" for each defined FUNC or IFUNC
# symbol readelf lists (.symtab, or .dynsym with --dyn-syms), the address
# as 16 hex digits, sorted; fails if two share an address (the programs
# here have no aliases, so no naming rule is involved).
funcs()
{
	_f=$1
	shift
	readelf -sW ${1:---syms} "$_f" > readelf.out || fail "readelf $_f"
	LC_ALL=C awk '($4 == "FUNC" || $4 == "IFUNC") && $7 != "UND" && $8 != "" {
		sub(/@.*/, "", $8)
		print substr("0000000000000000" $2, length($2) + 1), $8
	}' readelf.out | LC_ALL=C sort -u > funcs.out
	[ -s funcs.out ] || fail "readelf lists no function in $_f"
	[ -z "$(cut -d' ' -f1 funcs.out | uniq -d)" ] || fail "$_f: aliases in readelf's list"
	cat funcs.out
}

# buildid FILE: its GNU build-id in hex, as readelf -n shows it
buildid()
{
	readelf -n "$1" 2>/dev/null | sed -n 's/^ *Build ID: *\([0-9a-f]*\)$/\1/p'
}

# debugsplit OUT: from OUT.full (with a build-id), OUT.debug, its objcopy
# --only-keep-debug file, and OUT, the stripped copy (.dynsym only) with a
# .gnu_debuglink to OUT.debug.
debugsplit()
{
	objcopy --only-keep-debug "$1.full" "$1.debug" || fail "objcopy --only-keep-debug $1.full"
	cp "$1.full" "$1"
	strip "$1" || fail "strip $1"
	objcopy --add-gnu-debuglink="$1.debug" "$1" || fail "objcopy --add-gnu-debuglink"
	! readelf -S "$1" | grep -q '\.symtab' || fail "strip left .symtab in $1"
	[ -n "$(buildid "$1")" ] || fail "$1 has no build-id"
}

# mkstripped OUT SRC [CC-ARGS...]: OUT.full built from SRC (-O0 -g,
# -rdynamic, with a build-id), then debugsplit OUT.
mkstripped()
{
	_o=$1 _s=$2
	shift 2
	${CC:-cc} -O0 -g -rdynamic -Wl,--build-id -o "$_o.full" "$_s" "$@" || fail "cc $_s"
	debugsplit "$_o"
}

# symsof DESCRIPTION FILE WANT: symdump FILE lists exactly the file WANT.
symsof()
{
	$VG $SYMDUMP "$2" > syms.got 2>syms.err || { cat syms.err; fail "$1: symdump $2: exit $?"; }
	same "$1" "$3" syms.got
	echo "ok $1: $(wc -l < syms.got) symbols"
}
