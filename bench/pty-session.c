/*
 * pty-session.c -- one run of a program in a pseudo-terminal, step by step
 * (see pty-session.h).
 *
 * A step is done when (1) every expectation holds on the model of the
 * screen (vt.c), (2) at least one byte has come if the expectations
 * already held before the step's keys were written, and (3) no byte has
 * come for the settle time.  Its time is that of the last byte read, from
 * the write of its keys (from just before the fork for the start): the
 * settle time is not counted.  An ncurses program writes a frame in one or
 * a few write()s, so the settle time only has to outlast a scheduling
 * hiccup, and the expectations make sure that a pause inside a slow
 * redraw is not taken for its end.  With first_shown (-f), its time is
 * that of the byte after which the expectations first held: a first
 * answer that a later one replaces within the settle time is timed, not
 * the later one.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pty-session.h"
#include "vt.h"

double
pty_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long
pty_keys_decode(const char *s, char *out, size_t cap)
{
	size_t	n = 0;
	char	c;

	for (; *s != '\0'; s++) {
		c = *s;
		if (c == '\\') {
			switch (*++s) {
			case 't': c = '\t'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 'e': c = 27; break;
			case '\\': c = '\\'; break;
			case 'x':
				if (hexval(s[1]) < 0 || hexval(s[2]) < 0)
					return -1;
				c = (char)(hexval(s[1]) * 16 + hexval(s[2]));
				s += 2;
				break;
			default:
				return -1;
			}
		}
		if (n == cap)
			return -1;
		out[n++] = c;
	}
	return (long)n;
}

/* The terminal's answers (cursor position, attributes) to the program. */
static void
session_reply(void *arg, const char *buf, size_t len)
{
	int	fd = *(int *)arg;

	if (write(fd, buf, len) == -1)
		return;		/* the program is gone: nothing to answer */
}

static int
session_expect_holds(const struct vt *vt, const struct pty_expect *x)
{
	char	row[4096];
	int	y, found = 0;

	if (!x->any_row)
		found = strstr(vt_row(vt, x->row, row, sizeof row), x->text) !=
		    NULL;
	for (y = 0; x->any_row && y < vt_rows(vt) && !found; y++)
		found = strstr(vt_row(vt, y, row, sizeof row), x->text) !=
		    NULL;
	return found != x->negated;
}

static int
session_all_hold(const struct vt *vt, const struct pty_step *s)
{
	size_t	i;

	for (i = 0; i < s->nexpect; i++)
		if (!session_expect_holds(vt, &s->expect[i]))
			return 0;
	return 1;
}

/* The screen's rows, up to the last that is not blank. */
static void
session_dump_screen(FILE *f, const struct vt *vt)
{
	char	row[4096];
	int	y, last = 0;

	for (y = 0; y < vt_rows(vt); y++)
		if (*vt_row(vt, y, row, sizeof row) != '\0')
			last = y;
	for (y = 0; y <= last; y++)
		fprintf(f, "  |%s\n", vt_row(vt, y, row, sizeof row));
	if (last + 1 < vt_rows(vt))
		fprintf(f, "  (%d blank rows)\n", vt_rows(vt) - last - 1);
}

static FILE *
session_transcript(const struct pty_script *sc, const struct pty_step *s,
    size_t i, const char *suffix)
{
	char	path[4096];
	FILE	*f;

	if (sc->prefix == NULL)
		return NULL;
	if (s->label != NULL)
		snprintf(path, sizeof path, "%s.%s%s", sc->prefix, s->label,
		    suffix);
	else
		snprintf(path, sizeof path, "%s.step%zu%s", sc->prefix, i,
		    suffix);
	if ((f = fopen(path, "w")) == NULL)
		fprintf(stderr, "ptyrun: %s: %s\n", path, strerror(errno));
	return f;
}

/*
 * Read the program's output for step i until it is done (see the top of
 * the file).  Returns 0, or -1 with a message when the time runs out or
 * the program ends first.
 */
static int
session_step_read(struct pty_script *sc, size_t i, int run, int fd,
    struct vt *vt, double t0, int *eof, FILE *raw)
{
	struct pty_step	*s = &sc->steps[i];
	struct pollfd	 pfd = { .fd = fd, .events = POLLIN };
	char		 buf[65536];
	int		 max_ms = i == 0 ? sc->start_max_ms : sc->key_max_ms;
	int		 held_before, ok, timeout, rc, shown = 0;
	double		 last = t0, now;
	ssize_t		 n;
	size_t		 k;

	held_before = i > 0 && s->nexpect > 0 && session_all_hold(vt, s);
	s->bytes[run] = s->chunks[run] = 0;
	s->ms[run] = 0;
	for (;;) {
		now = pty_now_ms();
		ok = session_all_hold(vt, s) && (s->bytes[run] > 0 ||
		    (s->nexpect > 0 && !held_before));
		if (ok) {
			timeout = (int)(sc->settle_ms - (now - last) + 0.999);
			if (timeout <= 0 || *eof)
				break;
		} else {
			timeout = (int)(max_ms - (now - t0) + 0.999);
			if (timeout <= 0 || *eof) {
				if (s->nexpect == 0 && !*eof)
					break;	/* no output, none expected */
				goto fail;
			}
		}
		rc = poll(&pfd, 1, timeout);
		if (rc == -1 && errno == EINTR)
			continue;
		if (rc == -1) {
			perror("ptyrun: poll");
			return -1;
		}
		if (rc == 0)
			continue;
		n = read(fd, buf, sizeof buf);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			*eof = 1;	/* EIO: the program closed the pty */
			continue;
		}
		last = pty_now_ms();
		s->bytes[run] += (size_t)n;
		s->chunks[run]++;
		if (!shown)
			s->ms[run] = last - t0;
		vt_write(vt, buf, (size_t)n);
		if (sc->first_shown && s->nexpect > 0 && !held_before &&
		    session_all_hold(vt, s))
			shown = 1;
		if (raw != NULL)
			fwrite(buf, 1, (size_t)n, raw);
	}
	return 0;
fail:
	fprintf(stderr, "ptyrun: run %d, step %s: %s before the screen "
	    "showed", run + 1, s->label ? s->label : "(unlabelled)",
	    *eof ? "the program ended" : "time ran out");
	for (k = 0; k < s->nexpect; k++) {
		const struct pty_expect	*x = &s->expect[k];

		if (x->any_row)
			fprintf(stderr, " [%sany row: \"%s\"]",
			    x->negated ? "not " : "", x->text);
		else
			fprintf(stderr, " [%srow %d: \"%s\"]",
			    x->negated ? "not " : "", x->row, x->text);
	}
	fprintf(stderr, " (%zu bytes in %.0f ms); the screen:\n",
	    s->bytes[run], pty_now_ms() - t0);
	session_dump_screen(stderr, vt);
	return -1;
}

static pid_t
session_spawn(const struct pty_script *sc, int *fd)
{
	struct winsize	ws = { .ws_row = (unsigned short)sc->rows,
	    .ws_col = (unsigned short)sc->cols };
	pid_t		pid;

	pid = forkpty(fd, NULL, NULL, &ws);
	if (pid == -1) {
		perror("ptyrun: forkpty");
		return -1;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
		unsetenv("NO_COLOR");
		unsetenv("LESS");
		unsetenv("LESSOPEN");
		unsetenv("LESSCLOSE");
		unsetenv("FZF_DEFAULT_OPTS");
		unsetenv("TMUX");
		execvp(sc->argv[0], sc->argv);
		fprintf(stderr, "ptyrun: %s: %s\n", sc->argv[0],
		    strerror(errno));
		_exit(127);
	}
	return pid;
}

/*
 * The program's peak RSS so far (VmHWM), in KB, or -1.  Not wait4()'s
 * ru_maxrss: that counts the harness's own pages in the child before exec.
 */
static long
session_peak_rss(pid_t pid)
{
	char	path[64], line[256];
	FILE	*f;
	long	kb = -1;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/*
 * Quit with the end keys (unless the session failed: then SIGTERM at
 * once), then SIGTERM, then SIGKILL, two seconds apart; reap with wait4,
 * whose peak RSS is kept when /proc could not say.
 */
static void
session_end(const struct pty_script *sc, pid_t pid, int fd, int eof,
    int failed, struct pty_run *r)
{
	struct rusage	ru;
	size_t		bytes = 0, chunks = 0;
	int		status, sig = SIGTERM;
	double		t;
	pid_t		w;

	if (failed) {
		kill(pid, SIGTERM);
		sig = SIGKILL;
	} else if (!eof && sc->nend > 0 &&
	    write(fd, sc->end, sc->nend) == -1)
		eof = 1;
	t = pty_now_ms();
	for (;;) {
		memset(&ru, 0, sizeof ru);
		w = wait4(pid, &status, WNOHANG, &ru);
		if (w == pid || (w == -1 && errno != EINTR))
			break;
		if (pty_now_ms() - t > 2000) {
			kill(pid, sig);
			sig = SIGKILL;
			t = pty_now_ms();
		}
		/* Keep reading so that the program is never blocked. */
		if (eof || pty_idle_drain(fd, 20, &bytes, &chunks) == -1) {
			eof = 1;
			usleep(10000);
		}
	}
	r->maxrss_kb = ru.ru_maxrss;
}

int
pty_session_run(struct pty_script *sc, int run, struct pty_run *r)
{
	struct vt	*vt;
	FILE		*raw = NULL, *scr;
	int		 fd = -1, eof = 0, rc = 0;
	pid_t		 pid;
	double		 t0;
	size_t		 i;
	long		 peak;

	memset(r, 0, sizeof *r);
	r->idle_syscalls = -1;
	if ((vt = vt_new(sc->cols, sc->rows, session_reply, &fd)) == NULL) {
		fprintf(stderr, "ptyrun: out of memory\n");
		return -1;
	}
	t0 = pty_now_ms();
	if ((pid = session_spawn(sc, &fd)) == -1) {
		vt_free(vt);
		return -1;
	}
	for (i = 0; i < sc->nsteps; i++) {
		struct pty_step	*s = &sc->steps[i];

		if (run == 0)
			raw = session_transcript(sc, s, i, "");
		if (i > 0)
			t0 = pty_now_ms();
		if (s->nkeys > 0 &&
		    write(fd, s->keys, s->nkeys) != (ssize_t)s->nkeys) {
			fprintf(stderr, "ptyrun: run %d: cannot write the keys "
			    "of step %zu: %s\n", run + 1, i, strerror(errno));
			rc = -1;
		} else
			rc = session_step_read(sc, i, run, fd, vt, t0, &eof,
			    raw);
		if (raw != NULL)
			fclose(raw);
		raw = NULL;
		if (run == 0 && (scr = session_transcript(sc, s, i,
		    ".screen")) != NULL) {
			session_dump_screen(scr, vt);
			fclose(scr);
		}
		if (rc == -1)
			break;
	}
	if (rc == 0 && sc->idle_s > 0 && run == 0 && !eof)
		rc = pty_idle_measure(pid, fd, sc->idle_s, sc->strace, r);
	peak = session_peak_rss(pid);
	session_end(sc, pid, fd, eof, rc == -1, r);
	if (peak > 0)
		r->maxrss_kb = peak;
	close(fd);
	vt_free(vt);
	return rc;
}
