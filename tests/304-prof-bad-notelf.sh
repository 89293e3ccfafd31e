# prof with a program that is not an ELF file (text, a short file, an
# empty file): one line naming it and the reason, exit 1.
. "$TOP/tests/lib.sh"
$MKCLASSIC > prof.out <<'P'
1 - 0 0 10
- - 0x1000 1 10
P
echo 'echo hello' > text
printf '\177EL' > short
: > empty
for f in text short empty; do
	errcase "program $f" "^prof: $f: not an ELF file\$" $PROF $f prof.out
done
