# prof usage errors: an unknown option or two reports asked for (-C, -F,
# -S, -N, -P, -d; -r only changes -d's), -b without its baseline or with a report it has not
# (-C, -N, -P; with -g, any but the gate's), -g without -b print the usage line, alone, on stderr and exit 2, with nothing on
# stdout. (More than two arguments are a program and profiles to sum.)
. "$TOP/tests/lib.sh"
echo 'usage: prof [-CdFNPrS] [-b baseline [-g limits]] [program] [profile ...]' > want
for args in "-x" "-d -q" "-dz prog" "-C -F" "-d -F a b c" "-drC a" "-S -F" "-dS prog" \
	"-N -d" "-b" "-g calls prog" "-b x -C" "-b x -N" "-b x -g calls -F" "-b x -g calls -d" "-b x -g calls -S" \
	"-P -F" "-P -d" "-b x -P"; do
	$PROF $args > out 2> err
	rc=$?
	[ $rc -eq 2 ] || { cat err; fail "prof $args: exit status $rc, want 2"; }
	[ ! -s out ] || fail "prof $args: wrote to stdout"
	same "prof $args: stderr" want err
done
