# One node with hundreds of children, and one function reached by hundreds
# of call paths: a generated program whose main calls f0 .. f299, f_j (j%5)+1
# times, in the order j = 7i mod 300 (i = 0 .. 299), and every f_j calls leaf
# once. So main has 300 children, in that order; leaf is called 900 times
# (60 functions each of 1 .. 5 calls) through 300 paths.
. "$TOP/tests/lib.sh"

n=300
awk -v n=$n 'BEGIN {
	print "#include <stdio.h>"
	print "static long sum;"
	print "__attribute__((noinline)) static void leaf(int j) { sum += j; }"
	for(j = 0; j < n; j++)
		printf "__attribute__((noinline)) static void f%d(void) { leaf(%d); }\n", j, j
	printf "static void (*fns[%d])(void) = {", n
	for(j = 0; j < n; j++)
		printf "%sf%d", j ? ", " : "", j
	print "};"
	print "int main(void) {"
	printf "\tfor(int i = 0; i < %d; i++){\n", n
	printf "\t\tint j = 7 * i %% %d;\n", n
	print "\t\tfor(int k = 0; k < j % 5 + 1; k++)"
	print "\t\t\tfns[j]();"
	print "\t}"
	print "\tprintf(\"%ld\\n\", sum);"
	print "\treturn 0;"
	print "}"
}' > fan.c
rtcc fan fan.c
./fan > out || fail "fan exit $?"
# sum of j * ((j%5)+1) over j
awk -v n=$n 'BEGIN { for(j = 0; j < n; j++) s += j * (j % 5 + 1); print s }' > want.out
same "program output" want.out out

p=$(profile)
awk -v n=$n 'BEGIN { print "leaf", 900; print "main", 1
	for(j = 0; j < n; j++) print "f" j, j % 5 + 1 }' | LC_ALL=C sort > want.flat
calls fan "$p" > got.flat
same "flat calls" want.flat got.flat

awk -v n=$n 'BEGIN { print 0, "main", 1
	for(i = 0; i < n; i++){ j = 7 * i % n; print 1, "f" j, j % 5 + 1; print 2, "leaf", j % 5 + 1 } }' |
	tree > want.d
graph fan "$p" > got.d
same "prof -d" want.d got.d
