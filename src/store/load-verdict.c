/*
 * load-verdict.c -- the verdicts of quick_check, kept per file identity
 * (see load-private.h), so that a corpus already checked is not read
 * whole again at every start: on a large corpus the check reads every
 * page and takes a core for as long as the load itself.
 *
 * The verdicts are lines of a small file in the user's data directory
 * (userdir.h), the newest first:
 *
 *	charta-checked 1
 *	ok DEV INO SIZE MTIME.NSEC CTIME.NSEC
 *
 * A file whose device, inode, size, modification or status-change time
 * differs is a file never checked: any write to it changes its ctime,
 * which nobody can set back.  The one hole is a write within the same
 * tick of the file system's clock as the check: a verdict is recorded
 * only for a file whose times were already older than the clock's
 * granularity when the check began (LOAD_VERDICT_SETTLED).
 *
 * The file is only an optimisation: when it cannot be read or written
 * (no data directory yet -- it is the reader's to make --, an unsafe one,
 * a full disk) every corpus is checked, as before.  A line it does not
 * understand is no verdict.
 */
#include "config.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/load-private.h"
#include "store/userdir.h"
#include "text/text.h"
#include "util/xmalloc.h"

#define LOAD_VERDICT_FILE	"corpus-checked"
#define LOAD_VERDICT_MAGIC	"charta-checked 1\n"
/* Verdicts kept: the newest ones, for the corpora the user has. */
#define LOAD_VERDICT_MAX	32
/* Lines longer than this are not verdicts. */
#define LOAD_VERDICT_LINE	160

/* The line that stands for the identity of the file sb. */
static char *
load_verdict_line(const struct stat *sb)
{
	return xasprintf("ok %ju %ju %jd %jd.%09ld %jd.%09ld\n",
	    (uintmax_t)sb->st_dev, (uintmax_t)sb->st_ino,
	    (intmax_t)sb->st_size, (intmax_t)sb->st_mtim.tv_sec,
	    (long)sb->st_mtim.tv_nsec, (intmax_t)sb->st_ctim.tv_sec,
	    (long)sb->st_ctim.tv_nsec);
}

/*
 * The verdict file's lines after its magic line (a new string, "" if
 * none), or NULL if there is no such file or it is not one of ours.
 */
static char *
load_verdict_read(const char *path)
{
	struct stat	 sb;
	char		*buf;
	ssize_t		 n;
	int		 fd;
	size_t		 max = LOAD_VERDICT_MAX * LOAD_VERDICT_LINE +
			    sizeof LOAD_VERDICT_MAGIC;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1)
		return NULL;
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    sb.st_uid != geteuid() || (size_t)sb.st_size > max) {
		close(fd);
		return NULL;
	}
	buf = xmalloc(max + 1);
	n = read(fd, buf, max);
	close(fd);
	if (n < (ssize_t)sizeof LOAD_VERDICT_MAGIC - 1 ||
	    memcmp(buf, LOAD_VERDICT_MAGIC, sizeof LOAD_VERDICT_MAGIC - 1)
	    != 0) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	memmove(buf, buf + sizeof LOAD_VERDICT_MAGIC - 1,
	    (size_t)n - (sizeof LOAD_VERDICT_MAGIC - 1) + 1);
	return buf;
}

/* Does the text of verdict lines hold line, whole, on a line of its own? */
static bool
load_verdict_has(const char *lines, const char *line)
{
	const char	*p = lines;
	size_t		 len = strlen(line);

	while (*p != '\0') {
		if (strncmp(p, line, len) == 0)
			return true;
		if ((p = strchr(p, '\n')) == NULL)
			break;
		p++;
	}
	return false;
}

/*
 * The verdict file's path (a new string), if the user's charta/ data
 * directory is there and only the user can write to it; else NULL.
 */
static char *
load_verdict_dir_path(void)
{
	char	*path, *dir, *err = NULL;

	if ((path = userdir_locate(LOAD_VERDICT_FILE, &err)) == NULL) {
		free(err);
		return NULL;
	}
	dir = xstrdup(path);
	*strrchr(dir, '/') = '\0';
	if (userdir_check(dir, &err) == -1) {
		free(path);
		path = NULL;
	}
	free(err);
	free(dir);
	return path;
}

bool
load_verdict_known(const struct stat *sb)
{
	char	*path, *lines, *line;
	bool	 known = false;

	if ((path = load_verdict_dir_path()) == NULL)
		return false;
	if ((lines = load_verdict_read(path)) != NULL) {
		line = load_verdict_line(sb);
		known = load_verdict_has(lines, line);
		free(line);
		free(lines);
	}
	free(path);
	return known;
}

/* Is t older than the moment checked by more than the clock's grain? */
static bool
load_verdict_settled(const struct timespec *t, const struct timespec *checked)
{
	/*
	 * Where the times have nanoseconds the file system's clock ticks
	 * with the kernel's (a jiffy, 10 ms at most); where they have none
	 * it may tick once in 2 s (FAT).
	 */
	double	grain = t->tv_nsec != 0 ? 0.1 : 2.5;
	double	age = (double)(checked->tv_sec - t->tv_sec) +
		    (double)(checked->tv_nsec - t->tv_nsec) / 1e9;

	return age > grain;
}

void
load_verdict_record(const char *corpus, const struct stat *sb,
    const struct timespec *checked)
{
	struct stat	 now;
	struct text_buf	 out;
	char		*path, *tmp, *lines, *line, *p, *q;
	int		 fd, kept = 1;
	bool		 ok;

	if (!load_verdict_settled(&sb->st_mtim, checked) ||
	    !load_verdict_settled(&sb->st_ctim, checked))
		return;
	/* The file checked must still be the file loaded. */
	if (stat(corpus, &now) == -1 || now.st_dev != sb->st_dev ||
	    now.st_ino != sb->st_ino || now.st_size != sb->st_size ||
	    now.st_mtim.tv_sec != sb->st_mtim.tv_sec ||
	    now.st_mtim.tv_nsec != sb->st_mtim.tv_nsec ||
	    now.st_ctim.tv_sec != sb->st_ctim.tv_sec ||
	    now.st_ctim.tv_nsec != sb->st_ctim.tv_nsec)
		return;
	/*
	 * Only into a data directory there already is (the reader makes it
	 * for the user's state): a command never makes it.
	 */
	if ((path = load_verdict_dir_path()) == NULL)
		return;
	line = load_verdict_line(sb);
	text_buf_init(&out);
	text_buf_puts(&out, LOAD_VERDICT_MAGIC);
	text_buf_puts(&out, line);
	/* The other verdicts after it, well-formed ones only. */
	if ((lines = load_verdict_read(path)) != NULL) {
		for (p = lines; *p != '\0' && kept < LOAD_VERDICT_MAX; p = q) {
			if ((q = strchr(p, '\n')) == NULL)
				break;
			*q++ = '\0';
			if (strncmp(p, "ok ", 3) != 0 ||
			    q - p > LOAD_VERDICT_LINE ||
			    strncmp(p, line, strlen(line) - 1) == 0)
				continue;
			text_buf_puts(&out, p);
			text_buf_addc(&out, '\n');
			kept++;
		}
		free(lines);
	}
	/* A new file renamed over the old: readers see one or the other. */
	tmp = xasprintf("%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) != -1) {
		ok = write(fd, out.data, out.len) == (ssize_t)out.len;
		ok = close(fd) == 0 && ok;
		if (!ok || rename(tmp, path) == -1)
			unlink(tmp);
	}
	free(tmp);
	text_buf_free(&out);
	free(line);
	free(path);
}
