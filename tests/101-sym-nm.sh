# The ELF symbol reader against nm, the oracle: one sample program built as a
# PIE and a non-PIE executable, a shared object, a stripped executable that
# keeps .dynsym, a relocatable .o, a -m32 executable, and big-endian ELF64 and
# ELF32 copies of relocatable files. For each, symdump must list exactly the
# addresses of nm's defined FUNC and IFUNC symbols, and at each address the
# name the rule of symfinish picks, computed here from nm's data alone:
# lowest rank (global, then weak, then local), then fewest leading
# underscores, then the strcmp-smallest name.
. "$TOP/tests/lib.sh"

for t in gcc nm objcopy strip readelf od; do
	command -v $t >/dev/null 2>&1 || skip "$t not found"
done

cat > sample.c <<'EOF'
/*
 * Names sharing an address, and the one the rule keeps (worked by hand):
 *	zglobal global, aweak weak alias, alocal static alias	-> zglobal
 *	zweak weak, alocal2 static alias			-> zweak
 *	z3, _b3, __a3, all global				-> z3
 *	m4, k4, b4, all global					-> b4
 *	ifn global IFUNC, at its static resolver resolveifn	-> ifn
 * Built with: gcc -O0 [-DIFUNC] and the options of each variant.
 */
static int sfun(int x) { return x + 1; }
static int sfun2(int x) { return sfun(x) * 3; }
int plain(int x) { return sfun2(x) - 1; }

int zglobal(int x) { return x * 2; }
int aweak(int) __attribute__((weak, alias("zglobal")));
static int alocal(int) __attribute__((alias("zglobal")));

int __attribute__((weak)) zweak(int x) { return x - 2; }
static int alocal2(int) __attribute__((alias("zweak")));

int z3(int x) { return x ^ 3; }
int _b3(int) __attribute__((alias("z3")));
int __a3(int) __attribute__((alias("z3")));

int m4(int x) { return x | 4; }
int k4(int) __attribute__((alias("m4")));
int b4(int) __attribute__((alias("m4")));

#ifdef IFUNC
static int impl(int x) { return x + 5; }
static int (*resolveifn(void))(int) { return impl; }
int ifn(int) __attribute__((ifunc("resolveifn")));
#else
int ifn(int x) { return x + 5; }
#endif

int
main(int argc, char **argv)
{
	int (*tab[])(int) = { plain, alocal, alocal2, aweak, _b3, __a3, k4, b4 };
	unsigned i;
	int s;

	(void)argv;
	s = ifn(argc);	/* called, not address-taken: i386 PIE cannot */
	for(i = 0; i < sizeof tab / sizeof tab[0]; i++)
		s += tab[i](argc);
	return s == 12345;
}
EOF

# Winners every variant must show (the hand-worked table above).
winners="zglobal zweak z3 b4 ifn"

cat > probe.c <<'EOF'
static int impl(void) { return 0; }
static int (*res(void))(void) { return impl; }
int f(void) __attribute__((ifunc("res")));
int main(void) { return f(); }
EOF
if gcc -o probe probe.c 2>/dev/null; then
	CF=-DIFUNC
else
	CF=
	echo "note: gcc cannot build an IFUNC here; ifn is a plain function"
fi

# nmfuncs FILE [nm options]: "address rank name" for each defined FUNC or
# IFUNC symbol nm -f sysv lists; address as 16 lowercase hex digits.
# nm's class letter gives the binding: uppercase global, W or V weak,
# lowercase local; 'i' (IFUNC) hides it, so an 'i' symbol that nm -g
# (external only) also lists counts as global, else local.
nmfuncs()
{
	f=$1
	shift
	nm -f sysv -g "$@" "$f" > nm.ext 2>/dev/null || : > nm.ext
	nm -f sysv "$@" "$f" > nm.all || fail "nm $* $f"
	LC_ALL=C awk -F'|' -v ext=nm.ext '
	function trim(s) { gsub(/^ +| +$/, "", s); return s }
	BEGIN {
		while((getline l < ext) > 0)
			if(split(l, f, "|") >= 7)
				global[trim(f[1])] = 1
	}
	NF >= 7 {
		name = trim($1); val = tolower(trim($2)); cls = trim($3); typ = trim($4)
		if(val == "" || trim($7) == "*UND*" || cls ~ /^[Uwv]$/)
			next
		# STT_GNU_IFUNC is 10, which nm prints as "<OS specific>: 10"
		if(typ != "FUNC" && typ !~ /: 10$/)
			next
		if(cls == "i")
			rank = (name in global) ? 0 : 2
		else if(cls == "W" || cls == "V")
			rank = 1
		else if(cls ~ /^[A-Z]$/)
			rank = 0
		else
			rank = 2
		print substr("0000000000000000" val, length(val) + 1), rank, name
	}' nm.all
}

# pickname: from nmfuncs lines, "address name" with the rule's name for
# each address, sorted by address.
pickname()
{
	LC_ALL=C awk '
	function better(r, u, n, a) {
		if(r != rank[a]) return r < rank[a]
		if(u != us[a]) return u < us[a]
		return ("x" n) < ("x" name[a])
	}
	{
		match($3, /^_*/)
		if(!($1 in name) || better($2, RLENGTH, $3, $1)) {
			rank[$1] = $2; us[$1] = RLENGTH; name[$1] = $3
		}
	}
	END { for(a in name) print a, name[a] }' | LC_ALL=C sort
}

# check VARIANT FILE [nm options]: symdump FILE agrees with the oracle.
check()
{
	v=$1
	f=$2
	shift 2
	nmfuncs "$f" "$@" > "$v.nm"
	[ -s "$v.nm" ] || fail "$v: nm lists no function in $f"
	pickname < "$v.nm" > "$v.want"
	$VG $SYMDUMP "$f" > "$v.got" || fail "$v: symdump $f: exit $?"
	cut -d' ' -f1 "$v.want" > "$v.want.addr"
	cut -d' ' -f1 "$v.got" > "$v.got.addr"
	same "$v: addresses (nm vs symdump)" "$v.want.addr" "$v.got.addr"
	same "$v: names (rule over nm vs symdump)" "$v.want" "$v.got"
	[ -n "$(cut -d' ' -f1 "$v.nm" | sort | uniq -d)" ] ||
		fail "$v: no address has several names, the rule is not exercised"
	for n in $winners; do
		grep -q " $n\$" "$v.got" || fail "$v: $n is not the name kept at its address"
	done
	echo "ok $v: $(wc -l < "$v.got") addresses, $(wc -l < "$v.nm") names"
}

# isbig FILE ELFCLASS: FILE is a big-endian ELF of class 1 (32) or 2 (64).
isbig()
{
	[ "$(od -An -tu1 -j4 -N2 "$1" | tr -s ' ' ' ')" = " $2 2" ]
}

# bigcopy IN OUT BFDTARGET LLVMTARGET: OUT, a big-endian copy of the
# relocatable IN. GNU objcopy refuses to change endianness ("unable to
# change endianness"), so then llvm-objcopy, else rebuild with GNU
# objcopy alone: IN's .text bytes as a binary input, which has no
# endianness, plus IN's function symbols (values and bindings from nm)
# added with --add-symbol. IN's functions must all be in .text.
bigcopy()
{
	if objcopy -O "$3" "$1" "$2" 2>/dev/null; then
		how="objcopy -O $3"
	elif command -v llvm-objcopy >/dev/null 2>&1 &&
	    llvm-objcopy -O "$4" "$1" "$2" 2>/dev/null; then
		how="llvm-objcopy -O $4"
	else
		how="objcopy -I binary -O $3 --add-symbol"
		objcopy -O binary --only-section=.text "$1" text.bin || fail "objcopy -O binary $1"
		nm -f sysv "$1" > nm.all || fail "nm $1"
		nm -f sysv -g "$1" > nm.ext 2>/dev/null
		args=$(LC_ALL=C awk -F'|' -v ext=nm.ext '
		function trim(s) { gsub(/^ +| +$/, "", s); return s }
		BEGIN {
			while((getline l < ext) > 0)
				if(split(l, f, "|") >= 7)
					global[trim(f[1])] = 1
		}
		NF >= 7 && trim($7) == ".text" {
			name = trim($1); cls = trim($3); typ = trim($4)
			if(cls == "i")
				fl = "indirect-function," (name in global ? "global" : "local")
			else if(typ != "FUNC")
				next
			else if(cls == "W")
				fl = "function,weak"
			else if(cls ~ /^[A-Z]$/)
				fl = "function,global"
			else
				fl = "function,local"
			printf " --add-symbol %s=.text:0x%s,%s", name, trim($2), fl
		}' nm.all)
		# names and flags hold no blanks: split args into words
		objcopy -I binary -O "$3" --rename-section \
			.data=.text,alloc,load,readonly,code,contents $args text.bin "$2" ||
			fail "$how: cannot build $2"
	fi
	case $3 in *64*) c=2;; *) c=1;; esac
	isbig "$2" $c || fail "$how: $2 is not a big-endian ELF class $c"
	# the copy kept the function symbols
	nmfuncs "$1" > kept.in
	nmfuncs "$2" > kept.out
	same "$how kept the function symbols of $1" kept.in kept.out
	echo "note: $2 made by $how"
}

gcc -O0 $CF -o pie -pie -fPIE sample.c || fail "gcc -pie"
check pie pie

gcc -O0 $CF -o nopie -no-pie -fno-pie sample.c || fail "gcc -no-pie"
check nopie nopie

gcc -O0 $CF -o sample.so -shared -fPIC sample.c || fail "gcc -shared"
check shared sample.so

gcc -O0 $CF -o dyn -rdynamic sample.c || fail "gcc -rdynamic"
strip dyn || fail "strip dyn"
! readelf -S dyn | grep -q '\.symtab' || fail "strip left .symtab in dyn"
check stripped-dynsym dyn -D

gcc -O0 $CF -c -o sample.o sample.c || fail "gcc -c"
check relocatable sample.o

bigcopy sample.o big64.o elf64-big elf64-powerpc
check big-endian-elf64 big64.o

skipped=
# -fno-pie: no __x86.get_pc_thunk in a section of its own, as the rebuild
# route copies .text only
if gcc -O0 $CF -m32 -fno-pie -c -o sample32.o sample.c 2>m32.err; then
	bigcopy sample32.o big32.o elf32-big elf32-powerpc
	check big-endian-elf32 big32.o
else
	skipped="gcc -m32 cannot compile: $(head -n 1 m32.err)"
fi

if gcc -O0 $CF -m32 -o m32 sample.c 2>m32.err; then
	check m32 m32
else
	skipped="gcc -m32 cannot link (is gcc-multilib installed?): $(head -n 1 m32.err)"
fi

[ -z "$skipped" ] || skip "$skipped; the other variants passed"
exit 0
