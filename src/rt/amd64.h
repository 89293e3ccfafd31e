/*
 * What the runtime's C code needs of the machine, for x86-64 (amd64):
 * the cycle counter, whether it is invariant, the floating-point
 * environment, the DWARF numbers of the stack and frame registers.
 * Its assembly (the hooks' entry points, the raw clone, the ucontext
 * functions) is in amd64.c. Another architecture needs its own pair.
 */
#ifndef AMD64_H
#define AMD64_H

#if !defined(__x86_64__)
#error "prof's runtime is written for x86-64 only: src/rt/amd64.h and amd64.c are what another architecture must provide"
#endif

#include <cpuid.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>
#include <x86intrin.h>

enum
{
	Dwarfsp = 7,	/* DWARF's numbers of rsp and rbp */
	Dwarffp = 6,
};

/* The cycle counter. */
static inline __attribute__((always_inline, no_instrument_function)) uint64_t
cycles(void)
{
	return __rdtsc();
}

/* Does the CPU promise a cycle counter at a constant rate in every state? */
static inline __attribute__((no_instrument_function)) int
cyclesinvariant(void)
{
	unsigned a, b, c, d;

	if(__get_cpuid(0x80000000, &a, &b, &c, &d) == 0 || a < 0x80000007)
		return 0;
	__get_cpuid(0x80000007, &a, &b, &c, &d);
	return (d >> 8) & 1;
}

/*
 * The floating-point environment, x87's and SSE's: the runtime's own
 * arithmetic (calibrating the clock, converting times) raises flags
 * (inexact) the program may test, so it is kept around it.
 */
typedef struct Fpenv Fpenv;
struct Fpenv
{
	unsigned char x87[28];
	uint32_t mxcsr;
};

static inline __attribute__((always_inline, no_instrument_function)) void
fpsave(Fpenv *e)
{
	__asm__ volatile("fnstenv %0" : "=m"(e->x87) :: "memory");
	__asm__ volatile("fldenv %0" :: "m"(e->x87) : "memory");	/* fnstenv masked every exception */
	__asm__ volatile("stmxcsr %0" : "=m"(e->mxcsr) :: "memory");
}

static inline __attribute__((always_inline, no_instrument_function)) void
fprestore(const Fpenv *e)
{
	__asm__ volatile("fldenv %0" :: "m"(e->x87) : "memory");
	__asm__ volatile("ldmxcsr %0" :: "m"(e->mxcsr) : "memory");
}

/* A ucontext's stack pointer. */
static inline __attribute__((no_instrument_function)) uintptr_t
ucsp(const ucontext_t *uc)
{
	return (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
}

/* Is the CPU's shadow stack on (ARCH_SHSTK_STATUS)? Then a planted return address would not match it. */
static inline __attribute__((no_instrument_function)) int
shadowstackon(void)
{
	unsigned long long feat;

	feat = 0;
	return syscall(SYS_arch_prctl, 0x5005, &feat) == 0 && (feat & 1) != 0;
}

/* amd64.c */

/*
 * A copy of the process, as fork, that signals no SIGCHLD (only
 * wait(__WCLONE) sees it): the clone system call, the child calling fn
 * on the stack below top (NULL: on the copy of the caller's). The
 * child's pid, or -errno.
 */
__attribute__((visibility("hidden"))) long wclone(char *top, void (*fn)(void));

/* Where a context's start function returns: on to ctx.c's ctxfinish, then libc's code. */
extern char ctxend[] __attribute__((visibility("hidden")));

/* makecontext's work, swapcontext and setcontext, for a static program, which has not got libc's */
__attribute__((visibility("hidden"))) void ucmake(ucontext_t *uc, void (*fn)(void), int argc, va_list ap);
__attribute__((visibility("hidden"))) int ucswap(ucontext_t *oucp, const ucontext_t *uc);
__attribute__((visibility("hidden"))) int ucset(const ucontext_t *uc);

#endif
