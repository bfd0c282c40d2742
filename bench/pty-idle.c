/*
 * pty-idle.c -- what a program does while nobody types (see
 * pty-session.h): the bytes it writes to the terminal, its context
 * switches (every wakeup of every thread is one), and the system calls
 * strace sees it make.
 *
 * The two counts are taken one after the other because attaching strace
 * wakes the process: the context switches are counted without strace.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pty-session.h"

/* Before counting: let start-up work (the filter's index) finish. */
#define IDLE_WARMUP_MS	1000

int
pty_idle_drain(int fd, double ms, size_t *bytes, size_t *chunks)
{
	struct pollfd	pfd = { .fd = fd, .events = POLLIN };
	char		buf[65536];
	double		end = pty_now_ms() + ms, now;
	ssize_t		n;
	int		rc;

	while ((now = pty_now_ms()) < end) {
		rc = poll(&pfd, 1, (int)(end - now + 0.999));
		if (rc <= 0)
			continue;
		n = read(fd, buf, sizeof buf);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		*bytes += (size_t)n;
		(*chunks)++;
	}
	return 0;
}

/* Voluntary and involuntary context switches of all of pid's threads. */
static long
idle_ctxsw(pid_t pid)
{
	char		 path[512], line[256];
	DIR		*d;
	struct dirent	*e;
	FILE		*f;
	long		 sum = 0, v;

	snprintf(path, sizeof path, "/proc/%ld/task", (long)pid);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "/proc/%ld/task/%s/status",
		    (long)pid, e->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;	/* the thread has just ended */
		while (fgets(line, sizeof line, f) != NULL)
			if (sscanf(line, "voluntary_ctxt_switches: %ld",
			    &v) == 1 || sscanf(line,
			    "nonvoluntary_ctxt_switches: %ld", &v) == 1)
				sum += v;
		fclose(f);
	}
	closedir(d);
	return sum;
}

/*
 * strace -c's table: "% time seconds usecs/call calls [errors] syscall".
 * The total leaves out restart_syscall, which is the attach itself.
 */
static void
idle_parse_strace(FILE *f, struct pty_run *r)
{
	char	line[512], name[128], top[256] = "";
	double	pct, secs;
	long	usecs, calls, total = 0;
	size_t	n;

	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "%lf %lf %ld %ld %*d %127s", &pct, &secs,
		    &usecs, &calls, name) != 5 && sscanf(line,
		    "%lf %lf %ld %ld %127s", &pct, &secs, &usecs, &calls,
		    name) != 5)
			continue;
		if (strcmp(name, "total") == 0 ||
		    strcmp(name, "restart_syscall") == 0)
			continue;
		total += calls;
		n = strlen(top);
		snprintf(top + n, sizeof top - n, "%s%s %ld", n ? ", " : "",
		    name, calls);
	}
	r->idle_syscalls = total;
	snprintf(r->idle_top, sizeof r->idle_top, "%s", top[0] ? top :
	    "none");
}

/* Attach strace to pid, wait for it to say so; returns its pid or -1. */
static pid_t
idle_strace_start(const char *strace, pid_t pid, const char *out, int fd,
    size_t *bytes, size_t *chunks)
{
	char	pidarg[32], buf[512];
	int	p[2];
	pid_t	sp;
	size_t	got = 0;
	ssize_t	n;
	double	t0;

	if (pipe(p) == -1)
		return -1;
	snprintf(pidarg, sizeof pidarg, "%ld", (long)pid);
	if ((sp = fork()) == -1) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (sp == 0) {
		dup2(p[1], 2);
		close(p[0]);
		close(p[1]);
		execlp(strace, strace, "-f", "-c", "-o", out, "-p", pidarg,
		    (char *)NULL);
		fprintf(stderr, "ptyrun: %s: %s\n", strace, strerror(errno));
		_exit(127);
	}
	close(p[1]);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	t0 = pty_now_ms();
	buf[0] = '\0';
	while (strstr(buf, "attached") == NULL && pty_now_ms() - t0 < 5000) {
		pty_idle_drain(fd, 10, bytes, chunks);
		n = read(p[0], buf + got, sizeof buf - 1 - got);
		if (n == 0)
			break;		/* strace ended: it could not attach */
		if (n > 0) {
			got += (size_t)n;
			buf[got] = '\0';
		}
		if (got == sizeof buf - 1)
			got = 0;
	}
	close(p[0]);
	if (strstr(buf, "attached") == NULL) {
		fprintf(stderr, "ptyrun: %s did not attach to %ld: %s\n",
		    strace, (long)pid, buf);
		kill(sp, SIGKILL);
		waitpid(sp, NULL, 0);
		return -1;
	}
	return sp;
}

int
pty_idle_measure(pid_t pid, int fd, int s, const char *strace,
    struct pty_run *r)
{
	char	out[] = "/tmp/ptyrun-strace-XXXXXX";
	size_t	bytes = 0, chunks = 0, sbytes = 0, schunks = 0;
	long	c0, c1;
	pid_t	sp;
	int	tfd;
	FILE	*f;

	pty_idle_drain(fd, IDLE_WARMUP_MS, &bytes, &chunks);
	bytes = chunks = 0;
	c0 = idle_ctxsw(pid);
	if (pty_idle_drain(fd, s * 1000.0, &bytes, &chunks) == -1) {
		fprintf(stderr, "ptyrun: the program ended while idle\n");
		return -1;
	}
	c1 = idle_ctxsw(pid);
	r->idle_done = 1;
	r->idle_ctxsw = c0 < 0 || c1 < 0 ? -1 : c1 - c0;
	r->idle_bytes = bytes;
	r->idle_chunks = chunks;
	if (strace == NULL)
		return 0;
	if ((tfd = mkstemp(out)) == -1) {
		perror("ptyrun: mkstemp");
		return 0;
	}
	close(tfd);
	/* Output under strace is read but not counted: it is not idle. */
	sp = idle_strace_start(strace, pid, out, fd, &sbytes, &schunks);
	if (sp != -1) {
		pty_idle_drain(fd, s * 1000.0, &sbytes, &schunks);
		kill(sp, SIGINT);
		waitpid(sp, NULL, 0);
		if ((f = fopen(out, "r")) != NULL) {
			idle_parse_strace(f, r);
			fclose(f);
		}
	}
	unlink(out);
	return 0;
}
