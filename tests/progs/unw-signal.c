/*
 * A chain through a signal frame for the unwinder's tests (tests/807):
 * main -> interrupted -> raise (libc) sends SIGUSR1 to itself; the
 * kernel runs handler on the same stack, returning to libc's
 * __restore_rt (a signal frame: its CFI reads the interrupted registers
 * from the ucontext on the stack); handler -> hot stops (int3).
 */
#include <signal.h>

volatile int sink;

__attribute__((noinline, noclone)) void
hot(int n)
{
	__asm__ volatile("int3");
	sink += n;
}

__attribute__((noinline, noclone)) void
handler(int s)
{
	hot(s);
	sink++;
}

__attribute__((noinline, noclone)) void
interrupted(void)
{
	raise(SIGUSR1);
	sink++;
}

int
main(void)
{
	signal(SIGUSR1, handler);
	interrupted();
	sink++;
	return 0;
}
