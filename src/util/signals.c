/*
 * signals.c -- charta's signal handlers (see signals.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/signals.h"

volatile sig_atomic_t	signals_hup;
volatile sig_atomic_t	signals_term;
volatile sig_atomic_t	signals_int;
volatile sig_atomic_t	signals_quit;

static int	signals_pipe[2] = { -1, -1 };

static void
signals_on_reader(int sig)
{
	int	saved = errno;

	switch (sig) {
	case SIGHUP:
		signals_hup = 1;
		break;
	case SIGTERM:
		signals_term = 1;
		break;
	case SIGINT:
		signals_int = 1;
		break;
	case SIGQUIT:
		signals_quit = 1;
		break;
	}
	/* Full pipe: a wake-up is already waiting, which is enough. */
	if (signals_pipe[1] != -1)
		(void)!write(signals_pipe[1], "", 1);
	errno = saved;
}

void
signals_catch(void)
{
	struct sigaction	sa;
	int			k;

	if (signals_pipe[0] == -1 && pipe(signals_pipe) == 0) {
		for (k = 0; k < 2; k++) {
			fcntl(signals_pipe[k], F_SETFL, O_NONBLOCK |
			    fcntl(signals_pipe[k], F_GETFL));
			fcntl(signals_pipe[k], F_SETFD, FD_CLOEXEC);
		}
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = signals_on_reader;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal should end a wait for a key at once. */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN);
}

int
signals_fd(void)
{
	return signals_pipe[0];
}

void
signals_drain(void)
{
	char	buf[64];

	if (signals_pipe[0] != -1)
		while (read(signals_pipe[0], buf, sizeof buf) > 0)
			;
}

static struct sigaction	signals_saved[3];
static const int	signals_around[3] = { SIGINT, SIGQUIT, SIGTSTP };

void
signals_editor(bool on)
{
	struct sigaction	sa;
	int			k;

	if (!on) {
		for (k = 0; k < 3; k++)
			sigaction(signals_around[k], &signals_saved[k], NULL);
		return;
	}
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	for (k = 0; k < 3; k++) {
		sa.sa_handler = signals_around[k] == SIGTSTP ? SIG_DFL :
		    SIG_IGN;
		sigaction(signals_around[k], &sa, &signals_saved[k]);
	}
}

/* What signals_around_stop writes, and the handler it calls between. */
static struct sigaction		signals_stop_next;
static volatile sig_atomic_t	signals_stop_fd = -1;
static const char		*signals_stop_seq[2];
static size_t			 signals_stop_len[2];

/* Write s[0..n) to fd whole, as a signal handler may (write only). */
static void
signals_write_all(int fd, const char *s, size_t n)
{
	ssize_t	w;

	while (n > 0) {
		w = write(fd, s, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void
signals_on_stop(int sig)
{
	int	saved = errno, fd = signals_stop_fd;

	if (fd != -1)
		signals_write_all(fd, signals_stop_seq[0], signals_stop_len[0]);
	signals_stop_next.sa_handler(sig);	/* returns after SIGCONT */
	fd = signals_stop_fd;
	if (fd != -1)
		signals_write_all(fd, signals_stop_seq[1], signals_stop_len[1]);
	errno = saved;
}

void
signals_around_stop(int fd, const char *stop, const char *cont)
{
	struct sigaction	cur, sa;

	signals_stop_fd = -1;
	if (fd != -1) {
		signals_stop_seq[0] = stop;
		signals_stop_len[0] = strlen(stop);
		signals_stop_seq[1] = cont;
		signals_stop_len[1] = strlen(cont);
	}
	if (sigaction(SIGTSTP, NULL, &cur) == -1)
		return;
	if (cur.sa_handler != signals_on_stop) {
		if ((cur.sa_flags & SA_SIGINFO) ||
		    cur.sa_handler == SIG_DFL || cur.sa_handler == SIG_IGN)
			return;
		signals_stop_next = cur;
		sa = cur;
		sa.sa_handler = signals_on_stop;
		if (sigaction(SIGTSTP, &sa, NULL) == -1)
			return;
	}
	signals_stop_fd = fd;
}

/*
 * The files an import is writing, for the handler below.  Fixed buffers:
 * the handler may not allocate.
 */
static char		signals_path[4096];
static char		signals_journal[4096 + 16];
static const int	signals_fatal[] = { SIGINT, SIGTERM, SIGHUP };
#define NFATAL	(sizeof signals_fatal / sizeof signals_fatal[0])
static struct sigaction	signals_old[NFATAL];

static void
signals_on_fatal(int sig)
{
	if (signals_path[0] != '\0') {
		unlink(signals_path);
		unlink(signals_journal);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void
signals_guard_files(const char *path)
{
	struct sigaction	sa;
	size_t			k, n = strlen(path);

	for (k = 0; k < NFATAL; k++)
		sigaction(signals_fatal[k], NULL, &signals_old[k]);
	if (n + 1 > sizeof signals_path)
		return;
	memcpy(signals_path, path, n + 1);
	snprintf(signals_journal, sizeof signals_journal, "%s-journal", path);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = signals_on_fatal;
	sigemptyset(&sa.sa_mask);
	for (k = 0; k < NFATAL; k++)
		if (signals_old[k].sa_handler != SIG_IGN)
			sigaction(signals_fatal[k], &sa, NULL);
}

void
signals_unguard_files(void)
{
	size_t	k;

	for (k = 0; k < NFATAL; k++)
		sigaction(signals_fatal[k], &signals_old[k], NULL);
	signals_path[0] = '\0';
}
