/*
 * stopwords.c -- the words collocates and keyness leave out (see
 * stats.h): the user's own list, or the one shipped with the corpus.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stats/stats.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* A list longer than this is not a stop word list. */
#define STOPWORDS_MAX_BYTES	(1024 * 1024)

/*
 * Is this process the charta of the build tree it was built in?  (Then
 * the list is the source tree's, as the corpus is the build tree's: see
 * src/cli/corpus-path.c.)
 */
static bool
stopwords_in_build_tree(void)
{
	char	 exe[PATH_MAX];
	ssize_t	 n;
	size_t	 blen = strlen(CHARTA_BUILDDIR);

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	return (size_t)n > blen && strncmp(exe, CHARTA_BUILDDIR, blen) == 0 &&
	    exe[blen] == '/';
}

char *
stats_stopwords_path(void)
{
	const char	*xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char		*user;

	/* XDG: a relative XDG_CONFIG_HOME is ignored. */
	if (xdg != NULL && *xdg == '/')
		user = xasprintf("%s/charta/stopwords", xdg);
	else
		user = xasprintf("%s/.config/charta/stopwords",
		    home ? home : "");
	if (access(user, F_OK) == 0)
		return user;
	free(user);
	if (stopwords_in_build_tree() &&
	    access(CHARTA_SRCDIR "/data/stopwords.txt", F_OK) == 0)
		return xstrdup(CHARTA_SRCDIR "/data/stopwords.txt");
	return xstrdup(CHARTA_PKGDATADIR "/stopwords.txt");
}

/* Read all of path (a regular file, at most the cap) into *out. */
static int
stopwords_read(const char *path, struct text_buf *out, char **err)
{
	FILE		*f;
	struct stat	 st;
	char		 buf[8192];
	size_t		 n;

	f = fopen(path, "r");
	if (f == NULL) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) == -1 || !S_ISREG(st.st_mode)) {
		*err = xasprintf(_("%s: not a regular file"), path);
		fclose(f);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		text_buf_add(out, buf, n);
		if (out->len > STOPWORDS_MAX_BYTES) {
			*err = xasprintf(_("%s: more than %d bytes"), path,
			    STOPWORDS_MAX_BYTES);
			fclose(f);
			return -1;
		}
	}
	if (ferror(f)) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		fclose(f);
		return -1;
	}
	fclose(f);
	if (out->data == NULL)
		text_buf_add(out, "", 0);
	return 0;
}

/* Add the word on line s[0..n) (comment and blanks included). */
static int
stopwords_line(struct stats_vocab *v, const char *path, size_t lno,
    const char *s, size_t n, struct stats_words *w, struct text_buf *fold,
    char **err)
{
	const char	*hash = memchr(s, '#', n);
	size_t		 col;
	unsigned char	 byte;

	if (hash != NULL)
		n = (size_t)(hash - s);
	if (!text_utf8_valid(s, n, NULL, &col, &byte)) {
		*err = xasprintf(_("%s:%zu:%zu: invalid UTF-8 (byte 0x%02X)"),
		    path, lno, col, byte);
		return -1;
	}
	stats_words_split(w, s, n);
	if (w->n == 0)
		return 0;
	if (w->n > 1) {
		*err = xasprintf(_("%s:%zu: one word a line, not '%.*s'"),
		    path, lno, (int)(n > 60 ? 60 : n), s);
		return -1;
	}
	stats_word_fold(fold, s + w->v[0].off, w->v[0].len);
	stats_vocab_add(v, fold->data, fold->len);
	return 0;
}

int
stats_stopwords_load(struct stats_vocab *v, const char *path, char **err)
{
	struct text_buf		 all, fold;
	struct stats_words	 w;
	const char		*p, *end, *nl;
	size_t			 lno = 0;
	int			 rc = 0;

	*err = NULL;
	text_buf_init(&all);
	if (stopwords_read(path, &all, err) == -1) {
		text_buf_free(&all);
		return -1;
	}
	text_buf_init(&fold);
	stats_words_init(&w);
	p = all.data;
	end = all.data + all.len;
	while (p < end && rc == 0) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		lno++;
		rc = stopwords_line(v, path, lno, p, (size_t)(nl - p), &w,
		    &fold, err);
		p = nl + 1;
	}
	stats_words_free(&w);
	text_buf_free(&fold);
	text_buf_free(&all);
	if (rc == -1) {
		stats_vocab_free(v);
		stats_vocab_init(v);
	}
	return rc;
}
