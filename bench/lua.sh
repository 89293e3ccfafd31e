#!/bin/sh
# The profiling runtime on an interpreter: Lua 5.4's lua, built from
# Debian's source package (apt-get source lua5.4, through tools/debsrc.sh)
# every way bench/real.sh builds a program, running a CPU-bound script
# (recursive calls, closures, tables and sorting, strings, coroutines: about
# 0.3 s unprofiled here).
#
# Usage: B=build sh bench/lua.sh, from the top of the tree, after make.
# Environment: LUAN (scale of the script, 1), and bench/real.sh's: RUNS (7),
# BIGSIZE, NOCLANG=1, NOUFTRACE=1, NOINSTALL=1, KEEP=1.
S=$(pwd)/bench
. "$S/real.sh"
LUAN=${LUAN:-1}

realsetup
tree=$(sh "$top/tools/debsrc.sh" lua5.4 "$CACHE/debsrc") || die "no Lua source"
NAME=lua
SRCS=$(ls "$tree"/src/*.c | grep -v '/luac\.c$')
# Debian's patched luaconf.h includes a header its debian/rules writes
mkdir -p "$CACHE/lua-inc"
echo "#define DEB_HOST_MULTIARCH \"$(gcc -print-multiarch)\"" > "$CACHE/lua-inc/lua5.4-deb-multiarch.h"
PCFLAGS="-DLUA_USE_LINUX -I$CACHE/lua-inc"
PLIBS="-lm -ldl"
cat > "$IN/work.lua" <<LUA
local n = $LUAN
local function fib(k) if k < 2 then return k end return fib(k - 1) + fib(k - 2) end
local s = 0
for i = 1, n do s = s + fib(26) end
-- tables, closures, sorting with a comparator
local seed = 42
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648; return seed end
local t = {}
for i = 1, 100000 * n do t[i] = { k = rnd() % 100000, v = tostring(i) } end
table.sort(t, function(a, b) return a.k < b.k end)
-- strings
local parts = {}
for i = 1, 20000 * n do parts[#parts + 1] = string.format("%d:%s", i, t[i % #t + 1].v) end
local str = table.concat(parts, ",")
local cnt = 0
for w in str:gmatch("(%d+):") do cnt = cnt + #w end
str = str:gsub("1", "one")
-- coroutines
local co = coroutine.wrap(function() for i = 1, 50000 * n do coroutine.yield(i) end end)
for i = 1, 50000 * n do s = s + co() end
print(s, cnt, #str, t[1].k)
LUA
TITLE="$(basename "$tree") lua interpreter (Debian source), a CPU-bound script: fib, sort with a Lua comparator, strings, coroutines; scale $LUAN"
ARGS="$IN/work.lua"
realbench
