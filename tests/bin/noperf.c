/*
 * noperf: run a command under a seccomp filter that refuses
 * perf_event_open with EACCES, as container runtimes' default
 * profiles do, for the tests of tprof's fallback on ptrace.
 *	noperf command [arg ...]
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define Arch AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define Arch AUDIT_ARCH_AARCH64
#elif defined(__i386__)
#define Arch AUDIT_ARCH_I386
#endif

int
main(int argc, char *argv[])
{
	struct sock_filter code[] = {
		/* another architecture's calls are let through: the filter is for this one */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, Arch, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_perf_event_open, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof code / sizeof code[0], code };

	if(argc < 2){
		fprintf(stderr, "usage: noperf command [arg ...]\n");
		return 2;
	}
	if(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0){
		fprintf(stderr, "noperf: seccomp: %s\n", strerror(errno));
		return 1;
	}
	execvp(argv[1], argv + 1);
	fprintf(stderr, "noperf: %s: %s\n", argv[1], strerror(errno));
	return 1;
}
