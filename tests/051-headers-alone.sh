# Every header compiles on its own, with the build's flags (-std=c11
# -D_GNU_SOURCE, -Wall -Wextra as errors): the installed ones and the
# runtime's, and each of the library's folders' (src/lib/*/*.h). And the runtime's architecture layer says plainly that it
# is x86-64 only when built for anything else (here: __x86_64__
# undefined), naming the files another architecture must provide.
. "$TOP/tests/lib.sh"
for h in "$TOP"/include/*.h "$TOP"/src/rt/*.h "$TOP"/src/lib/*/*.h; do
	printf '#include "%s"\n' "$h" > one.c
	${CC:-cc} -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -I"$TOP/include" -I"$TOP/src/lib" \
		$(pkg-config --cflags libelf 2>/dev/null) -fsyntax-only one.c 2>err ||
		{ cat err; fail "${h#"$TOP"/} does not compile on its own"; }
done
printf '#include "%s"\n' "$TOP/src/rt/rt.h" > one.c
${CC:-cc} -std=c11 -D_GNU_SOURCE -U__x86_64__ -I"$TOP/include" -fsyntax-only one.c 2>err &&
	fail "rt.h compiled with __x86_64__ undefined"
grep -q 'x86-64 only.*amd64\.h and amd64\.c' err || { cat err; fail "no clear error off x86-64"; }
exit 0
