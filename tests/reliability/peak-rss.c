/*
 * peak-rss.c -- run a command and print the most memory it ever had
 * resident, in KiB (getrusage's ru_maxrss), on standard error as
 * "peak-rss KIB"; exit with the command's status.  For import-memory.sh.
 *
 * Usage: peak-rss COMMAND [ARG]...
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct rusage	ru;
	pid_t		pid;
	int		status;

	if (argc < 2) {
		fprintf(stderr, "usage: peak-rss COMMAND [ARG]...\n");
		return 2;
	}
	if ((pid = fork()) == -1) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1) {
		perror("wait4");
		return 2;
	}
	fprintf(stderr, "peak-rss %ld\n", ru.ru_maxrss);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
