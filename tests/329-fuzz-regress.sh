# Every input of the fuzz harnesses kept in the tree, replayed through the
# tools that read it as the harness does: the seeds (tests/fuzz-seeds/NAME/)
# and the inputs that once crashed, hung or leaked (tests/fuzz-regress/NAME/,
# README there). Each run must end within 10 s with status 0, or 1 and one
# line on stderr; never a crash (a signal, or a sanitizer's or valgrind's
# status under SAN=1 and VALGRIND=1; under valgrind, the first command of
# each line below only, to stay within 20 s).
#	classic, pidfile	prof, prof -d, prof -dr against f0..f15 at 0x1000 (fuzz/fuzz.c)
#	ticks9		tprof -f against the same program
#	kpdata		kprof, -9, -l against 605's System.map, with and without _etext
#	ksym		kprof against a Plan 9 kpdata and a /proc/profile of 4-byte buckets
#	symelf		prof with a prof.out, tprof -f with a profile
#	aout		the same, and kprof with a Plan 9 kpdata
#	demangle	prof with a prof.out, of a program whose function has that name
#			(names as as(1) takes them; others are not replayed)
#	names		prof -b (the names file as the baseline of a prof.out), -b -d, -b -g
#	unwind		tests/bin/unwstop -f (fuzz/unwind.c's runs of the unwinder)
. "$TOP/tests/lib.sh"
TPROF="$VG $B/tprof"
KPROF="$VG $B/kprof"
for t in as ld; do
	command -v $t >/dev/null 2>&1 || skip "$t not found"
done

mkelf prog f0=0x1000 f1=0x1010 f2=0x1020 f3=0x1030 f4=0x1040 f5=0x1050 f6=0x1060 f7=0x1070 \
	f8=0x1080 f9=0x1090 f10=0x10a0 f11=0x10b0 f12=0x10c0 f13=0x10d0 f14=0x10e0 f15=0x10f0
printf 'ffffffff81000000 T _stext\nffffffff81000000 T _text\nffffffff81000000 T startup\nffffffff81000040 T alpha\nffffffff81000080 t beta\nffffffff810000c0 W gamma\nffffffff81000100 T _etext\nffffffff81200000 D jiffies\n' > map
grep -v _etext map > map.noetext
echo '100 10 5 4*0 3 20 6*0 10 40 14*0 7' | $B/tests/kpwords -b > kp9
echo '4 64*1 2' | $B/tests/kpwords -l > kplinux
printf '\0\1\377\377\0\0\0\0\0\0\0\0\0\0\0\12\377\377\377\377\0\0\20\0\0\0\0\1\0\0\0\12' > prof.out
echo '10 0 510*1' | $B/tests/kpwords -b > ticks

nrun=0
all=1
[ -z "$VG" ] || all=
# run WHAT CMD...: CMD ends in time with 0, or 1 and one line on stderr
run()
{
	_w=$1
	shift
	timeout 10 "$@" > out 2> err
	rc=$?
	nrun=$((nrun + 1))
	case $rc in
	0) ;;
	1) [ "$(wc -l < err)" -eq 1 ] || { head -n 5 err; fail "$_w: status 1 with $(wc -l < err) lines on stderr"; } ;;
	124) fail "$_w: still running after 10 s" ;;
	*) head -n 20 err; fail "$_w: exit status $rc" ;;
	esac
}

for f in "$TOP"/tests/fuzz-seeds/*/* "$TOP"/tests/fuzz-regress/*/*; do
	[ -f "$f" ] || continue
	h=$(basename "$(dirname "$f")")
	w="$h/$(basename "$f")"
	case $h in
	classic|pidfile)
		run "$w: prof" $PROF prog "$f"
		[ -z "$all" ] && continue
		run "$w: prof -d" $PROF -d prog "$f"
		run "$w: prof -dr" $PROF -dr prog "$f" ;;
	ticks9)
		run "$w: tprof -f" $TPROF -f "$f" prog ;;
	kpdata)
		run "$w: kprof map" $KPROF map "$f"
		[ -z "$all" ] && continue
		for m in map map.noetext; do
			[ $m = map ] || run "$w: kprof $m" $KPROF $m "$f"
			run "$w: kprof -9 $m" $KPROF -9 $m "$f"
			run "$w: kprof -l $m" $KPROF -l $m "$f"
		done ;;
	ksym)
		run "$w: kprof with kpdata" $KPROF "$f" kp9
		[ -z "$all" ] && continue
		run "$w: kprof with /proc/profile" $KPROF "$f" kplinux ;;
	symelf)
		run "$w: prof" $PROF "$f" prof.out
		[ -z "$all" ] && continue
		run "$w: tprof -f" $TPROF -f ticks "$f" ;;
	aout)
		run "$w: prof" $PROF "$f" prof.out
		[ -z "$all" ] && continue
		run "$w: tprof -f" $TPROF -f ticks "$f"
		run "$w: kprof" $KPROF "$f" kp9 ;;
	demangle)
		name=$(cat "$f")
		case $name in
		*[!A-Za-z0-9_.\$]*|'') continue ;;
		esac
		mkelf named "$name=0x1000"
		run "$w: prof" $PROF named prof.out ;;
	names)
		run "$w: prof -b" $PROF -b "$f" prog prof.out
		[ -z "$all" ] && continue
		run "$w: prof -b -d" $PROF -b "$f" -d prog prof.out
		timeout 10 $PROF -b "$f" -g calls prog prof.out > out 2> err
		rc=$?
		nrun=$((nrun + 1))
		[ $rc -le 2 ] || { head -n 20 err; fail "$w: prof -b -g: exit status $rc"; } ;;
	unwind)
		run "$w: unwstop -f" $VG $B/tests/unwstop -f "$f" ;;
	*) fail "$w: no harness $h" ;;
	esac
done
[ $nrun -gt 20 ] || fail "only $nrun runs: inputs missing"
exit 0
