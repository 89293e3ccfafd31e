# prof usage errors: an unknown option or two reports asked for (-C, -F,
# -S, -d; -r only changes -d's) print the usage line, alone, on stderr and exit 2, with nothing on
# stdout. (More than two arguments are a program and profiles to sum.)
. "$TOP/tests/lib.sh"
echo 'usage: prof [-CdFrS] [program] [profile ...]' > want
for args in "-x" "-d -q" "-dz prog" "-C -F" "-d -F a b c" "-drC a" "-S -F" "-dS prog"; do
	$PROF $args > out 2> err
	rc=$?
	[ $rc -eq 2 ] || { cat err; fail "prof $args: exit status $rc, want 2"; }
	[ ! -s out ] || fail "prof $args: wrote to stdout"
	same "prof $args: stderr" want err
done
