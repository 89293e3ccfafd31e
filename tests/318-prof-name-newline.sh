# A file's name with a newline in it is quoted on one line (issue 16.7):
# every error and warning is one line, control characters escaped as C
# writes them (\n). Here a profiled object loaded from a directory named
# "a<newline>b" is gone when prof reads the profile: one warning line
# naming it as "a\nb/plug.so" (it was two lines).
. "$TOP/tests/lib.sh"

d='a
b'
mkdir "$d"
${CC:-cc} -O0 -shared -fPIC -finstrument-functions -o "$d/plug.so" "$TOP/tests/progs/plug.c" || fail "cc plug.so"
rtcc host "$TOP/tests/progs/host.c" -rdynamic
./host "$(pwd)/$d/plug.so" > out || fail "host: exit $?"
p=$(profile)
rm "$d/plug.so"
$PROF host "$p" > got 2> err || { cat err; fail "prof: exit $?"; }
grep -v '^prof: .*: proftype ' err > warn
cat warn
[ "$(wc -l < warn)" -eq 1 ] || fail "want one line of warning, have $(wc -l < warn)"
grep -qF "prof: $(pwd)/a\\nb/plug.so: No such file or directory; its functions show as #addresses" warn ||
	fail "the warning does not name a\\nb/plug.so"
# and an error: a program that does not exist
errcase "a program named no<newline>such" '^prof: no\\nsuch: No such file or directory$' $PROF "no
such" "$p"
exit 0
