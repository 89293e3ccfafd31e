/*
 * unwstop [-v] command [arg...]: run command under ptrace until it
 * stops on a trap (an int3 it executes) or SIGSTOP, or with -v until,
 * stopped every millisecond, its pc is in the vdso; read its registers and 64 KB
 * of its stack from rsp, unwind with the library's unwinder and print the
 * chain, a line per frame: "name<TAB>file" (the file's last path
 * element; a caller's name is that of its return address - 1, the call),
 * or "[unknown]" where the unwinder stopped without reaching the
 * outermost frame. The command is killed after.
 *
 * unwstop -f file: the unwinder over file, as fuzz/unwind.c runs it (the
 * file mapped at 0x400000 is also the stack copy; pcs spread over its
 * first segment), for the fuzz inputs kept in the tree; prints nothing.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/base.h"
#include "sym/sym.h"
#include "live/live.h"

enum { Stack = 64 * 1024, Page = 4096, Maxpc = 256, Maxtries = 5000 };
enum { Fbase = 0x400000, Fstack = 0x7ff000, Fnpc = 64 };

static int child;

/* "unwstop: what: why", the command killed, and exit 1. */
static void
die(const char *what, const char *why)
{
	fprintf(stderr, "unwstop: %s: %s\n", what, why);
	if(child > 0)
		kill(child, SIGKILL);
	exit(1);
}

/* Run argv stopped at its exec, then unless atexec continue it to its first trap or SIGSTOP. */
static int
stopped(char **argv, int atexec)
{
	int pid, st, sig;

	pid = fork();
	if(pid < 0)
		die("fork", strerror(errno));
	if(pid == 0){
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		execvp(argv[0], argv);
		fprintf(stderr, "unwstop: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	child = pid;
	if(waitpid(pid, &st, 0) < 0 || !WIFSTOPPED(st))
		die(argv[0], "did not start");
	sig = 0;
	while(!atexec){
		if(ptrace(PTRACE_CONT, pid, NULL, (void *)(uintptr_t)sig) < 0)
			die("ptrace", strerror(errno));
		if(waitpid(pid, &st, 0) < 0 || !WIFSTOPPED(st))
			die(argv[0], "exited without stopping");
		sig = WSTOPSIG(st);
		if(sig == SIGTRAP || sig == SIGSTOP)
			return pid;
		/* other signals are delivered: the command may handle them */
	}
	return pid;
}

/* Is pc in pid's vdso? */
static int
invdso(int pid, uint64_t pc)
{
	Map *m;
	size_t i, n;
	int in;

	if(readmaps(pid, &m, &n) < 0)
		die("maps", errstr());
	in = 0;
	for(i = 0; i < n; i++)
		if(pc >= m[i].start && pc < m[i].end && strcmp(m[i].path, "[vdso]") == 0)
			in = 1;
	freemaps(m, n);
	return in;
}

/* Stop pid every millisecond until its pc is in the vdso: its registers into g. */
static void
stopinvdso(int pid, struct user_regs_struct *g)
{
	int i, st;

	for(i = 0; i < Maxtries; i++){
		if(ptrace(PTRACE_CONT, pid, NULL, NULL) < 0)
			die("ptrace", strerror(errno));
		usleep(1000);
		kill(pid, SIGSTOP);
		if(waitpid(pid, &st, 0) < 0 || !WIFSTOPPED(st))
			die("command", "exited before its pc was in the vdso");
		if(ptrace(PTRACE_GETREGS, pid, NULL, g) < 0)
			die("ptrace", strerror(errno));
		if(invdso(pid, g->rip))
			return;
	}
	die("command", "its pc was never in the vdso");
}

/* Uregs from ptrace's, by the DWARF numbers. */
static void
regsof(const struct user_regs_struct *g, Uregs *r)
{
	const unsigned long long v[Nureg] = {
		g->rax, g->rdx, g->rcx, g->rbx, g->rsi, g->rdi, g->rbp, g->rsp,
		g->r8, g->r9, g->r10, g->r11, g->r12, g->r13, g->r14, g->r15, g->rip,
	};
	int i;

	for(i = 0; i < Nureg; i++)
		r->reg[i] = v[i];
	r->have = (1u << Nureg) - 1;
}

/* Up to Stack bytes of pid's memory from addr: a page at a time, up to the first unmapped one. */
static size_t
readstack(int pid, uint64_t addr, unsigned char *buf)
{
	struct iovec local, remote[Stack / Page];
	size_t i, n, first;
	ssize_t got;

	first = Page - addr % Page;
	n = 0;
	for(i = 0; i < Stack / Page; i++){
		remote[i].iov_base = (void *)(uintptr_t)(addr + n);
		remote[i].iov_len = i == 0 ? first : Page;
		n += remote[i].iov_len;
	}
	local.iov_base = buf;
	local.iov_len = n;
	got = process_vm_readv(pid, &local, 1, remote, Stack / Page, 0);
	return got > 0 ? (size_t)got : 0;
}

/* The name of pc in the file mapped there, or "#hex". */
static const char *
nameof(Unwinder *u, uint64_t pc, char *buf, size_t nbuf, const char **file)
{
	static Symtab *tab[64];
	static char *path[64];
	const Map *m;
	const char *s;
	uint64_t bias;
	size_t i;
	long k;

	snprintf(buf, nbuf, "#%llx", (unsigned long long)pc);
	*file = "?";
	m = unwmapof(u, pc, &bias);
	if(m == NULL)
		return buf;
	s = strrchr(m->path, '/');
	*file = s != NULL ? s + 1 : m->path;
	for(i = 0; i < 64 && path[i] != NULL && strcmp(path[i], m->path) != 0; i++)
		;
	if(i == 64)
		return buf;
	if(path[i] == NULL){
		path[i] = strdup(m->path);
		tab[i] = m->ino != 0 ? symelf(m->path) : NULL;
	}
	if(tab[i] == NULL || (k = symfind(tab[i], pc - bias)) < 0)
		return buf;
	return tab[i]->sym[k].name;
}

/* unwstop -f: fuzz/unwind.c's runs over file. */
static int
overfile(const char *file)
{
	unsigned char *data;
	uint64_t pcs[Maxpc], span;
	Unwinder *u;
	Elfload l;
	size_t i, k, size;
	Uregs r;
	Map m;

	data = readfile(file, &size);
	if(data == NULL)
		die(file, errstr());
	m.path = (char *)file;
	if(elfload(m.path, &l) < 0){
		free(data);
		return 0;
	}
	m.start = Fbase;
	m.end = Fbase + size + 1;
	m.off = 0;
	m.dev = 1;
	m.ino = 1;
	u = unwnew();
	if(u == NULL || unwsetmaps(u, &m, 1) < 0)
		die("unwinder", errstr());
	span = l.seg[0].filesz + 1;
	for(i = 0; i < Fnpc; i++){
		for(k = 0; k < Nureg; k++)
			r.reg[k] = Fstack + 8 * k;
		r.reg[Urip] = Fbase + (span * i / Fnpc) % (size + 1);
		r.have = (1u << Nureg) - 1;
		unwind(u, &r, data, size, Fstack, pcs, Maxpc);
	}
	unwfree(u);
	free(data);
	return 0;
}

int
main(int argc, char **argv)
{
	struct user_regs_struct g;
	static unsigned char stack[Stack];
	uint64_t pcs[Maxpc];
	const char *file, *name;
	char buf[32];
	Unwinder *u;
	size_t i, n, ns;
	Uregs r;
	int pid, vdso;

	if(argc == 3 && strcmp(argv[1], "-f") == 0)
		return overfile(argv[2]);
	vdso = argc > 1 && strcmp(argv[1], "-v") == 0;
	if(argc < 2 + vdso){
		fprintf(stderr, "usage: unwstop [-v] command [arg...] | unwstop -f file\n");
		return 2;
	}
	pid = stopped(argv + 1 + vdso, vdso);
	if(vdso)
		stopinvdso(pid, &g);
	else if(ptrace(PTRACE_GETREGS, pid, NULL, &g) < 0)
		die("ptrace", strerror(errno));
	regsof(&g, &r);
	ns = readstack(pid, g.rsp, stack);
	u = unwnew();
	if(u == NULL || unwmaps(u, pid) < 0)
		die("unwinder", errstr());
	n = unwind(u, &r, stack, ns, g.rsp, pcs, Maxpc);
	for(i = 0; i < n; i++){
		if(pcs[i] == Unknownpc){
			printf("[unknown]\n");
			continue;
		}
		name = nameof(u, pcs[i] - (i > 0), buf, sizeof buf, &file);
		printf("%s\t%s\n", name, file);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	unwfree(u);
	return 0;
}
