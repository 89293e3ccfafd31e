# Property test: on random valid classic profiles, prof's flat, -d and -dr
# reports equal those of tests/ref/prof.awk, an independent reference
# written in awk from the Plan 9 rules (its own Plan 9 qsort for the order
# of equal times), and -r alone prints the flat report. Trees of 1 to 20,000 nodes; random
# pcs (mostly symbol addresses, some inside functions, some unknown),
# counts (1, 0, large), times (negative ones too), deep chains and repeated
# pcs so -d compresses. One seed per run, printed on failure; PROF_SEED=N
# reruns with seed N.
. "$TOP/tests/lib.sh"
export LC_ALL=C
unset tabstop
AWK=${AWK:-awk}
seed=${PROF_SEED:-$(date +%s)}
GEN=$TOP/tests/ref/gentree.awk
REF=$TOP/tests/ref/prof.awk

# one NAME SEED NODES NSYM [gentree variables]: build, profile, compare.
# (r_ names: mkelf uses n, s, a and out.)
one()
{
	r_name=$1 r_seed=$2 r_n=$3 r_k=$4
	shift 4
	$AWK -v seed="$r_seed" -v n="$r_n" -v nsym="$r_k" "$@" -v out="$r_name" -f "$GEN" ||
		fail "$r_name: gentree failed (seed $seed)"
	# shellcheck disable=SC2046
	mkelf "$r_name.elf" $($AWK '{ print $1 "=" $2 }' "$r_name.syms")
	$MKCLASSIC < "$r_name.lst" > "$r_name.out" || fail "$r_name: mkclassic failed (seed $seed)"
	for r_mode in flat d r; do
		$AWK -v mode=$r_mode -f "$REF" "$r_name.syms" "$r_name.lst" > "$r_name.want.$r_mode" ||
			fail "$r_name: reference failed (seed $seed)"
		case $r_mode in
		flat) r_opt= ;;
		d) r_opt=-d ;;
		r) r_opt=-dr ;;
		esac
		$PROF $r_opt "$r_name.elf" "$r_name.out" > "$r_name.got.$r_mode" ||
			fail "$r_name: prof $r_opt exit $? (seed $seed; rerun with PROF_SEED=$seed)"
		cmp -s "$r_name.want.$r_mode" "$r_name.got.$r_mode" || {
			echo "$r_name: prof $r_opt differs from the reference: seed $seed (rerun with PROF_SEED=$seed)"
			echo "tree: $r_name.lst from: awk -v seed=$r_seed -v n=$r_n -v nsym=$r_k $* -f tests/ref/gentree.awk"
			same "$r_name $r_mode" "$r_name.want.$r_mode" "$r_name.got.$r_mode"
		}
	done
	# -r without -d: the flat report (Plan 9 reads rflag only in its graph walk)
	$PROF -r "$r_name.elf" "$r_name.out" > "$r_name.got.r1" || fail "$r_name: prof -r exit $?"
	same "$r_name -r alone" "$r_name.want.flat" "$r_name.got.r1"
}

one root	$seed		1	3
one two		$((seed + 1))	2	2
one ties	$((seed + 2))	300	20	-v small=1
one small	$((seed + 3))	200	12
one recur	$((seed + 4))	2000	8	-v recur=0.5 -v chain=0.6
one mutual	$((seed + 5))	3000	2	-v recur=0.3 -v chain=0.7 -v unknown=0 -v maxdepth=400
one chain	$((seed + 6))	3000	10	-v chain=0.999 -v maxdepth=2500 -v recur=0.3
one wide	$((seed + 7))	5000	60	-v chain=0.05 -v small=1
one big		$((seed + 8))	20000	150	-v chain=0.5 -v maxdepth=300
one bigrec	$((seed + 9))	20000	40	-v chain=0.4 -v recur=0.4 -v unknown=0.1 -v inside=0.3 -v maxdepth=150
exit 0
