# A path that is not a regular file never hangs prof (issue 16.3, 16.7):
# every file is opened without blocking (a FIFO with no writer would
# block open(2) for ever) and its type checked on the open descriptor.
# The program named by a FIFO or a device is refused at once ("not a
# regular file": an ELF file is read by mmap); a profile from a FIFO
# with no writer is an empty one; /dev/zero as the profile is refused at
# once, before reading (it used to read 1 GiB, then say "file too
# large"). A prof.<pid> whose module path is now a FIFO: the module's
# symbols are unreadable, one warning naming it, and the report.
# Each run under timeout 10: a hang fails with status 124.
. "$TOP/tests/lib.sh"

mkelf prog main=0x1000
mkfifo fifo
errcase "program a FIFO" '^prof: fifo: not a regular file$' timeout 10 $PROF fifo prof.out
errcase "program a device" '^prof: /dev/zero: not a regular file$' timeout 10 $PROF /dev/zero prof.out
errcase "profile /dev/zero" '^prof: /dev/zero: not a regular file$' timeout 10 $PROF prog /dev/zero
errcase "profile a FIFO, no writer" '^prof: fifo: ' timeout 10 $PROF prog fifo

# the profile through a pipe and as "-": read as a file is
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
printf '%b\n' '  %     Time     Calls  Name' '100.0    0.010        1\tmain' > want
cat prof.out | timeout 10 $PROF prog - > got || fail "prof prog -: exit $?"
same "profile on standard input" want got

# a module of a prof.<pid> that is a FIFO now
${CC:-cc} -O0 -shared -fPIC -finstrument-functions -o plug.so "$TOP/tests/progs/plug.c" || fail "cc plug.so"
rtcc host "$TOP/tests/progs/host.c" -rdynamic
./host "$(pwd)/plug.so" > out || fail "host: exit $?"
p=$(profile)
rm plug.so
mkfifo plug.so
timeout 10 $PROF host "$p" > got 2> err
rc=$?
[ $rc -ne 124 ] || fail "prof hung on a module that is a FIFO"
cat err
[ "$(grep -c plug err)" -eq 1 ] && grep -q "^prof: .*/plug\.so: not a regular file; its functions show as #addresses$" err ||
	fail "want one warning naming plug.so"
exit 0
