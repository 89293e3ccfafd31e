# kprof on damaged input: 601's System.map and kpdata, and a /proc/profile
# of the same kernel, each with bytes overwritten or cut at positions from a
# fixed pseudo-random sequence. kprof must end with status 0 (the damage
# still made sense) or 1 with one line on stderr; never crash (a signal, or
# a sanitizer's or valgrind's error status).
. "$TOP/tests/lib.sh"
KPROF="$VG $B/kprof"
KPWORDS="$B/tests/kpwords"

cat > map <<'E'
ffffffff81000000 T _stext
ffffffff81000000 T _text
ffffffff81000000 T startup
ffffffff81000040 T alpha
ffffffff81000080 t beta
ffffffff810000c0 W gamma
ffffffff81000100 T _etext
ffffffff81200000 D jiffies
E
echo '100 10 5 4*0 3 20 6*0 10 40 14*0 7' | $KPWORDS -b > kp9
echo '8 31*3 9' | $KPWORDS -l > kplinux

seed=12345
rnd()	# rnd N: a number in [0, N) into $r
{
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	r=$(( seed / 65536 % $1 ))
}

# check WHAT: run kprof on m and k
check()
{
	$KPROF m k > out 2> err
	rc=$?
	case $rc in
	0) ;;
	1) [ "$(wc -l < err)" -eq 1 ] || { cat err; fail "$1: status 1 with $(wc -l < err) lines on stderr"; } ;;
	*) cat err; fail "$1: exit status $rc" ;;
	esac
}

i=0
while [ $i -lt 12 ]; do
	for f in map kp9 kplinux; do
		cp map m
		case $f in map) cp kp9 k ;; *) cp $f k ;; esac
		[ $f = map ] && t=m || t=k
		size=$(wc -c < $t)
		n=0
		rnd 4
		while [ $n -le $r ]; do
			rnd $size; pos=$r
			rnd 256; byte=$(printf '\\%03o' $r)
			printf "$byte" | dd of=$t bs=1 seek=$pos conv=notrunc 2>/dev/null
			n=$((n + 1))
		done
		check "$f, bytes changed (case $i)"
		rnd $size
		head -c $r $t > cut && mv cut $t
		check "$f, changed and cut to $r bytes (case $i)"
	done
	i=$((i + 1))
done
exit 0
