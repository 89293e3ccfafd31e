# Files the symbol reader cannot use: symdump exits 1 with one line on
# stderr, "symdump: file: reason", and prints nothing on stdout.
. "$TOP/tests/lib.sh"

for t in gcc nm strip; do
	command -v $t >/dev/null 2>&1 || skip "$t not found"
done

SD="$VG $SYMDUMP"

printf 'hello, world\n' > notelf
errcase "not an ELF file" '^symdump: notelf: not an ELF file$' $SD notelf

: > empty
errcase "empty file" '^symdump: empty: (not an ELF file|empty)' $SD empty

errcase "missing file" '^symdump: missing: No such file or directory$' $SD missing

mkdir dir
errcase "directory" '^symdump: dir: [Ii]s a directory$' $SD dir

# an object with data only: symbols, but none of them a function
cat > data.c <<'EOF'
int counter = 1;
const char greeting[] = "hello";
EOF
gcc -c -o data.o data.c || fail "gcc -c data.c"
nm data.o | grep -q ' D counter$' || fail "data.o lacks its data symbol"
errcase "no function symbols" '^symdump: data\.o: no (text|function) symbols?$' $SD data.o

# the same object stripped: no symbol table at all
cp data.o bare.o
strip bare.o || fail "strip bare.o"
errcase "no symbol table" '^symdump: bare\.o: no symbol table$' $SD bare.o

# a real executable cut after 100 bytes: an ELF header (64 bytes) whose
# program and section headers lie beyond the end of the file
mkelf prog main=0x1000
head -c 100 prog > trunc
[ "$(wc -c < trunc)" -eq 100 ] || fail "head -c 100"
errcase "truncated ELF" '^symdump: trunc: [^ ].*$' $SD trunc

# not a regular file
errcase "character device" '^symdump: /dev/null: not a regular file$' $SD /dev/null

# no read permission (not testable as root, who reads anyway)
cp prog noread
chmod 000 noread
if ! cat noread > /dev/null 2>&1; then
	errcase "unreadable file" '^symdump: noread: Permission denied$' $SD noread
fi
exit 0
