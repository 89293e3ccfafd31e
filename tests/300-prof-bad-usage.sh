# prof usage errors: an unknown option or more than two arguments print the
# usage line, alone, on stderr and exit 2, with nothing on stdout.
. "$TOP/tests/lib.sh"
echo 'usage: prof [-dr] [program] [profile]' > want
for args in "-x" "-d -q" "-dz prog" "a b c" "-d a b c"; do
	$PROF $args > out 2> err
	rc=$?
	[ $rc -eq 2 ] || { cat err; fail "prof $args: exit status $rc, want 2"; }
	[ ! -s out ] || fail "prof $args: wrote to stdout"
	same "prof $args: stderr" want err
done
