/*
 * Functions with no CFI (no .cfi directives: no FDE in .eh_frame) for
 * the unwinder's tests. nocfi keeps no frame pointer and leaves rbp as
 * its caller set it: a frame-pointer walk from it would read its
 * caller's frame and skip its caller. nocfifp keeps a frame pointer
 * (push %rbp; mov %rsp,%rbp). Both call hot(n) and return.
 */
	.text
	.globl	nocfi
	.type	nocfi, @function
nocfi:
	sub	$8, %rsp	/* keep the stack 16-byte aligned at the call */
	call	hot
	add	$8, %rsp
	ret
	.size	nocfi, .-nocfi

	.globl	nocfifp
	.type	nocfifp, @function
nocfifp:
	push	%rbp
	mov	%rsp, %rbp
	call	hot
	pop	%rbp
	ret
	.size	nocfifp, .-nocfifp

	.section .note.GNU-stack,"",@progbits
