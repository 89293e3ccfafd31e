# prof with a profile it may not read: one line naming it and the reason
# (permission denied), exit 1. As root, run prof as user nobody, since
# root reads any file.
. "$TOP/tests/lib.sh"
mkelf prog main=0x1000
$MKCLASSIC > ok.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
cp ok.out prof.out
chmod 600 prof.out
if [ "$(id -u)" -ne 0 ]; then
	chmod 000 prof.out
	asuser() { "$@"; }
elif command -v setpriv >/dev/null 2>&1; then
	asuser() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
elif command -v su >/dev/null 2>&1; then
	asuser()
	{
		for a in "$@"; do printf "'%s' " "$a"; done > cmd.sh
		su nobody -s /bin/sh -c "sh $(pwd)/cmd.sh"
	}
else
	skip "neither setpriv nor su to run prof as another user than root"
fi
# the test directory and prof must be usable by that user
chmod 755 .
cp "$B/prof" ./prof
chmod 755 prof
asuser cat prof.out > /dev/null 2>&1 && skip "prof.out stays readable (no way to drop privileges here)"
asuser ./prof prog ok.out > got 2> err || { cat err; skip "prof cannot run as another user here"; }
errcase "unreadable profile" '^prof: prof\.out: Permission denied$' asuser $VG ./prof prog prof.out
