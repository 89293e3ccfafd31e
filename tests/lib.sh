# Sourced by every test case. Runs in the case's own temporary directory.
# $TOP is the source tree, $B the build directory.

if [ "${VALGRIND:-0}" = 1 ]; then
	VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"
else
	VG=
fi
PROF="$VG $B/prof"
SYMDUMP="$B/tests/symdump"
MKCLASSIC="$B/tests/mkclassic"

fail()
{
	echo "FAIL: $*"
	exit 1
}

skip()
{
	echo "skipped: $*"
	exit 77
}

# same DESCRIPTION EXPECTED-FILE ACTUAL-FILE: the files are byte-identical
same()
{
	cmp -s "$2" "$3" || { echo "$1: output differs (- expected, + actual)"; diff -u "$2" "$3" | cat -A | head -60; exit 1; }
}

# mkelf OUT NAME=ADDR ...: a static ELF whose text holds function symbols
# NAME at hex ADDR (given in increasing order, all >= 0x1000), text ending
# 16 bytes past the last. Addresses known by construction.
mkelf()
{
	out=$1
	shift
	{
		echo '.text'
		for s in "$@"; do
			n=${s%%=*}
			a=${s#*=}
			printf '.org 0x%x\n.globl %s\n.type %s,@function\n%s:\n\tnop\n' \
				$(($a - 0x1000)) "$n" "$n" "$n"
		done
		printf '.org 0x%x\n' $((${s#*=} - 0x1000 + 16))
	} > "$out.s"
	as -o "$out.o" "$out.s" || fail "as $out.s"
	ld -static -Ttext=0x1000 -e 0x1000 -o "$out" "$out.o" 2>/dev/null || fail "ld $out"
}

# errcase DESCRIPTION PATTERN CMD...: CMD exits 1 with exactly one stderr
# line, matching the grep -E PATTERN, and nothing on stdout.
errcase()
{
	d=$1
	pat=$2
	shift 2
	"$@" >errcase.out 2>errcase.err
	rc=$?
	[ $rc -eq 1 ] || { cat errcase.err; fail "$d: exit status $rc, want 1"; }
	[ ! -s errcase.out ] || fail "$d: wrote to stdout"
	[ "$(wc -l < errcase.err)" -eq 1 ] || { cat errcase.err; fail "$d: want one line on stderr"; }
	grep -Eq -- "$pat" errcase.err || fail "$d: stderr '$(cat errcase.err)' does not match '$pat'"
}
