# The profile's write fails: the program's output and exit status are the
# unprofiled program's (tests/progs/paths.c exits 7), the runtime says so
# in one line naming prof.<pid> and the error, and no temporary
# .prof.<pid>.*.tmp is left. ENOSPC from a full tmpfs (as root, where
# mount works); EIO and ENOSPC from every write after the first 100 bytes,
# and EIO from close, made by tests/progs/failio.c (LD_PRELOAD, of the
# program only: the runtime's temporary file is the only one touched).
. "$TOP/tests/lib.sh"

RUNST=$B/tests/runst
src=$TOP/tests/progs/paths.c
plaincc plain "$src"
rtcc paths "$src"
${CC:-cc} -shared -fPIC -o failio.so "$TOP/tests/progs/failio.c" -ldl || fail "cc failio.so"
$RUNST want.st ./plain > want.out
[ "$(cat want.st)" = "exit 7" ] || fail "unprofiled: $(cat want.st)"

# check WHAT DIR ERROR: got.st, got.out and err, run in DIR
check()
{
	same "$1: wait status" want.st got.st
	same "$1: output" want.out got.out
	[ "$(wc -l < err)" -eq 1 ] || { cat err; fail "$1: want one line on stderr"; }
	grep -Eq "^prof: prof\.[0-9]+: $3\$" err || fail "$1: stderr $(cat err)"
	[ -z "$(ls -A "$2" | grep '^\.prof\.')" ] || fail "$1: left behind: $(ls -A "$2" | grep '^\.prof\.')"
	ls "$2" | grep -q '^prof\.' && fail "$1: a profile was written: $(ls "$2")"
	echo "$1: $(cat err)"
}

for e in "EIO write" "ENOSPC write" "EIO close"; do
	set -- $e
	$RUNST got.st env LD_PRELOAD="$(pwd)/failio.so" failio=$1 failat=$2 ./paths > got.out 2> err
	case $1 in EIO) msg='Input/output error';; ENOSPC) msg='No space left on device';; esac
	check "$1 at $2" . "$msg"
done

if [ "$(id -u)" -eq 0 ] && mkdir full && mount -t tmpfs -o size=4k tmpfs full 2> /dev/null; then
	head -c 4096 /dev/zero > full/filler 2> /dev/null
	(cd full && $RUNST ../got.st ../paths > ../got.out 2> ../err)
	check "a full tmpfs" full 'No space left on device'
	umount full
else
	echo "a full tmpfs: not tried (needs root and mount)"
fi
