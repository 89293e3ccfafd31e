/*
 * The runtime's assembly, for x86-64 (amd64; amd64.h has what its C
 * code inlines): the entry points of the hooks, the raw clone of the
 * profile's writer, where a ucontext's start function returns, and
 * makecontext, swapcontext and setcontext as glibc's for a static
 * program.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <ucontext.h>

#include "rt.h"

/*
 * The entry points: each passes the hook where its own return address
 * is (slot: the callee's stack pointer) and the callee's rbp, from
 * which the unwind rules find the callee's frame (C has no cheap way to
 * say either), to the hook of the clock's mechanism (hookmode).
 */
__asm__(
	".pushsection .text\n"
	".globl __cyg_profile_func_enter\n"
	".type __cyg_profile_func_enter, @function\n"
	"__cyg_profile_func_enter:\n"
	"	.cfi_startproc\n"
	"	movq %rsp, %rdx\n"
	"	movq %rbp, %rcx\n"
	"	jmp *entryhook(%rip)\n"
	"	.cfi_endproc\n"
	".size __cyg_profile_func_enter, .-__cyg_profile_func_enter\n"
	".globl __cyg_profile_func_exit\n"
	".type __cyg_profile_func_exit, @function\n"
	"__cyg_profile_func_exit:\n"
	"	.cfi_startproc\n"
	"	movq %rsp, %rdx\n"
	"	movq %rbp, %rcx\n"
	"	jmp *exithook(%rip)\n"
	"	.cfi_endproc\n"
	".size __cyg_profile_func_exit, .-__cyg_profile_func_exit\n"
	".popsection\n");

/*
 * A copy of the process, as fork, that signals no SIGCHLD (only
 * wait(__WCLONE) sees it): the clone system call, the child calling fn
 * on the stack below top (NULL: on the copy of the caller's). The
 * child's pid, or -errno.
 */
__asm__(
	".pushsection .text\n"
	".globl wclone\n"
	".hidden wclone\n"
	".type wclone, @function\n"
	"wclone:\n"
	"	.cfi_startproc\n"
	"	movq %rsi, %r9\n"
	"	movq %rdi, %rsi\n"
	"	xorl %edi, %edi\n"
	"	xorl %edx, %edx\n"
	"	xorl %r10d, %r10d\n"
	"	xorl %r8d, %r8d\n"
	"	movl $56, %eax\n"	/* SYS_clone */
	"	syscall\n"
	"	testq %rax, %rax\n"
	"	jz 1f\n"
	"	ret\n"
	"1:\n"
	"	.cfi_undefined rip\n"
	"	xorl %ebp, %ebp\n"
	"	andq $-16, %rsp\n"
	"	call *%r9\n"
	"	hlt\n"
	"	.cfi_endproc\n"
	".size wclone, .-wclone\n"
	".popsection\n");

/*
 * Where the start function returns: a frame with no caller (as libc's
 * own), then on to libc with the stack and registers as they came (rbx
 * holds the address of uc_link's slot for libc).
 */
__asm__(
	".pushsection .text\n"
	".type ctxendfn, @function\n"
	"ctxendfn:\n"
	"	.cfi_startproc\n"
	"	.cfi_undefined rip\n"
	"	nop\n"
	".globl ctxend\n"
	".hidden ctxend\n"
	"ctxend:\n"
	"	movq %rbx, %rdi\n"
	"	call ctxfinish\n"
	"	jmp *%rax\n"
	"	.cfi_endproc\n"
	".size ctxendfn, .-ctxendfn\n"
	".popsection\n");

/*
 * makecontext, swapcontext and setcontext as glibc's for x86-64 (no
 * shadow stack), for a static program: there the runtime's wrappers
 * stand for libc's, which the link then leaves out, and dlsym cannot
 * find them. Same registers saved and restored, same floating-point
 * environment, same signal mask system call, same stack layout.
 */

/* the offsets the assembly below uses */
#define GREG(r) (offsetof(ucontext_t, uc_mcontext.gregs) + 8 * (r))
_Static_assert(GREG(REG_R8) == 40 && REG_R9 == 1 && REG_R12 == 4 && REG_R13 == 5 &&
	REG_R14 == 6 && REG_R15 == 7 && REG_RDI == 8 && REG_RSI == 9 && REG_RBP == 10 &&
	REG_RBX == 11 && REG_RDX == 12 && REG_RCX == 14 && REG_RSP == 15 && REG_RIP == 16,
	"gregs");
_Static_assert(offsetof(ucontext_t, uc_mcontext.fpregs) == 224, "fpregs");
_Static_assert(offsetof(ucontext_t, uc_sigmask) == 296, "uc_sigmask");
_Static_assert(offsetof(ucontext_t, __fpregs_mem) == 424, "__fpregs_mem");
_Static_assert(offsetof(struct _libc_fpstate, mxcsr) == 24, "mxcsr");

RT int ucfail(int e);
RT void ucexit(int status);
extern char ucstart[] __attribute__((visibility("hidden")));

int
ucfail(int e)
{
	errno = e;
	return -1;
}

void
ucexit(int status)
{
	exit(status);
}

/*
 * ucswap saves the caller's context in rdi's, sets the signal mask,
 * and goes on to ucload; ucset sets the mask and goes on too. ucload
 * loads the context at rdx. ucstart is where a start function returns:
 * rbx holds the address of the uc_link slot above its arguments.
 */
__asm__(
	".pushsection .text\n"
	".globl ucswap\n.hidden ucswap\n.type ucswap, @function\n"
	"ucswap:\n"
	"	.cfi_startproc\n"
	"	movq %r8, 40(%rdi)\n"
	"	movq %r9, 48(%rdi)\n"
	"	movq %r12, 72(%rdi)\n"
	"	movq %r13, 80(%rdi)\n"
	"	movq %r14, 88(%rdi)\n"
	"	movq %r15, 96(%rdi)\n"
	"	movq %rdi, 104(%rdi)\n"
	"	movq %rsi, 112(%rdi)\n"
	"	movq %rbp, 120(%rdi)\n"
	"	movq %rbx, 128(%rdi)\n"
	"	movq %rdx, 136(%rdi)\n"
	"	movq %rcx, 152(%rdi)\n"
	"	movq (%rsp), %rcx\n"
	"	movq %rcx, 168(%rdi)\n"
	"	leaq 8(%rsp), %rcx\n"
	"	movq %rcx, 160(%rdi)\n"
	"	leaq 424(%rdi), %rcx\n"
	"	movq %rcx, 224(%rdi)\n"
	"	fnstenv (%rcx)\n"
	"	fldenv (%rcx)\n"
	"	stmxcsr 448(%rdi)\n"
	"	movq %rsi, %r12\n"
	"	leaq 296(%rdi), %rdx\n"
	"	leaq 296(%rsi), %rsi\n"
	"	movl $2, %edi\n"		/* SIG_SETMASK */
	"	movl $8, %r10d\n"
	"	movl $14, %eax\n"		/* rt_sigprocmask */
	"	syscall\n"
	"	cmpq $-4095, %rax\n"
	"	jae 1f\n"
	"	movq %r12, %rdx\n"
	"	jmp ucload\n"
	"1:	movq -224(%rdx), %r12\n"
	"	negl %eax\n"
	"	movl %eax, %edi\n"
	"	jmp ucfail\n"
	"	.cfi_endproc\n"
	".size ucswap, .-ucswap\n"

	".globl ucset\n.hidden ucset\n.type ucset, @function\n"
	"ucset:\n"
	"	.cfi_startproc\n"
	"	pushq %rdi\n"
	"	.cfi_adjust_cfa_offset 8\n"
	"	leaq 296(%rdi), %rsi\n"
	"	xorl %edx, %edx\n"
	"	movl $2, %edi\n"
	"	movl $8, %r10d\n"
	"	movl $14, %eax\n"
	"	syscall\n"
	"	popq %rdx\n"
	"	.cfi_adjust_cfa_offset -8\n"
	"	cmpq $-4095, %rax\n"
	"	jae 1f\n"
	"	jmp ucload\n"
	"1:	negl %eax\n"
	"	movl %eax, %edi\n"
	"	jmp ucfail\n"
	"	.cfi_endproc\n"
	".size ucset, .-ucset\n"

	".type ucload, @function\n"
	"ucload:\n"
	"	movq 224(%rdx), %rcx\n"
	"	fldenv (%rcx)\n"
	"	ldmxcsr 448(%rdx)\n"
	"	movq 160(%rdx), %rsp\n"
	"	movq 128(%rdx), %rbx\n"
	"	movq 120(%rdx), %rbp\n"
	"	movq 72(%rdx), %r12\n"
	"	movq 80(%rdx), %r13\n"
	"	movq 88(%rdx), %r14\n"
	"	movq 96(%rdx), %r15\n"
	"	movq 168(%rdx), %rcx\n"
	"	pushq %rcx\n"
	"	movq 104(%rdx), %rdi\n"
	"	movq 112(%rdx), %rsi\n"
	"	movq 152(%rdx), %rcx\n"
	"	movq 40(%rdx), %r8\n"
	"	movq 48(%rdx), %r9\n"
	"	movq 136(%rdx), %rdx\n"
	"	xorl %eax, %eax\n"
	"	ret\n"
	".size ucload, .-ucload\n"

	".type ucstartfn, @function\n"
	"ucstartfn:\n"
	"	.cfi_startproc\n"
	"	.cfi_undefined rip\n"
	"	nop\n"
	".globl ucstart\n.hidden ucstart\n"
	"ucstart:\n"
	"	movq %rbx, %rsp\n"
	"	movq (%rsp), %rdi\n"
	"	testq %rdi, %rdi\n"
	"	je 1f\n"
	"	call ucset\n"
	"	movl %eax, %edi\n"
	"1:	call ucexit\n"
	"	hlt\n"
	"	.cfi_endproc\n"
	".size ucstartfn, .-ucstartfn\n"
	".popsection\n");

/* makecontext's work: fn's stack, arguments (ap, argc of them) and registers. */
void
ucmake(ucontext_t *uc, void (*fn)(void), int argc, va_list ap)
{
	uint64_t *sp, v;
	int i, nstack;
	static const int reg[] = { REG_RDI, REG_RSI, REG_RDX, REG_RCX, REG_R8, REG_R9 };

	nstack = argc > 6 ? argc - 6 : 0;
	sp = (uint64_t *)((uintptr_t)uc->uc_stack.ss_sp + uc->uc_stack.ss_size);
	sp -= nstack + 1;
	sp = (uint64_t *)(((uintptr_t)sp & -(uintptr_t)16) - 8);
	uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)fn;
	uc->uc_mcontext.gregs[REG_RBX] = (greg_t)(uintptr_t)&sp[nstack + 1];
	uc->uc_mcontext.gregs[REG_RSP] = (greg_t)(uintptr_t)sp;
	sp[0] = (uintptr_t)ucstart;
	sp[nstack + 1] = (uintptr_t)uc->uc_link;
	for(i = 0; i < argc; i++){
		v = va_arg(ap, uint64_t);
		if(i < 6)
			uc->uc_mcontext.gregs[reg[i]] = (greg_t)v;
		else
			sp[i - 5] = v;
	}
}
