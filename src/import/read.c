/*
 * read.c -- reading a source file safely: only regular files, a size cap,
 * binary and UTF-16/32 refused by name (with or without a byte-order
 * mark), strict UTF-8 with the line and column of the first bad byte and
 * what the bytes look like instead, a UTF-8 BOM stripped and line endings
 * made LF; a file that changes while it is read is refused; a named
 * encoding is converted as the file is read.  See import.h.
 *
 * Memory.  The file is read 64 KiB at a time into a buffer of its size,
 * and no block can hold more than IMPORT_MAX_STRETCH bytes of source: the
 * bytes since the last blank line or ATX heading are counted as they come
 * in, so that a file of one 100 MB line is refused after 2 MiB of it, not
 * after all of it has been read and parsed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import/enc-private.h"
#include "import/import.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Formats whose magic numbers mean "this is not a text file". */
static const struct import_magic {
	const char	*bytes;
	size_t		 len;
	const char	*name;
} import_magic[] = {
	{ .bytes = "\177ELF", .len = 4, .name = "an ELF executable" },
	{ .bytes = "\211PNG", .len = 4, .name = "a PNG image" },
	{ .bytes = "PK\003\004", .len = 4, .name = "a ZIP archive" },
	{ .bytes = "%PDF-", .len = 5, .name = "a PDF document" },
	{ .bytes = "SQLite format 3", .len = 16, .name = "an SQLite database" },
	{ .bytes = "\037\213", .len = 2, .name = "a gzip archive" },
	{ .bytes = "\377\330\377", .len = 3, .name = "a JPEG image" },
	{ .bytes = "GIF8", .len = 4, .name = "a GIF image" },
};

/* Byte-order marks of the encodings charta does not read. */
static const struct import_bom {
	const char	*bytes;
	size_t		 len;
	const char	*name;
} import_bom[] = {
	/* UTF-32 first: its little-endian BOM begins with UTF-16LE's. */
	{ .bytes = "\377\376\0\0", .len = 4, .name = "UTF-32LE" },
	{ .bytes = "\0\0\376\377", .len = 4, .name = "UTF-32BE" },
	{ .bytes = "\377\376", .len = 2, .name = "UTF-16LE" },
	{ .bytes = "\376\377", .len = 2, .name = "UTF-16BE" },
};

/* The line and column (in characters) of byte off of data[0..n). */
static void
read_where(const char *data, size_t off, size_t *line, size_t *col)
{
	size_t	j;

	*line = 1;
	*col = 1;
	for (j = 0; j < off; j++) {
		if (data[j] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)data[j] & 0xc0) != 0x80)
			(*col)++;
	}
}

/*
 * What the first bytes of a file say it is not: another encoding (by its
 * byte-order mark, or its zero bytes), a known binary format.  Returns 0,
 * or -1 with *err set.  converted: the text was converted from a named
 * encoding, so only the formats are checked.
 */
static int
read_check_head(const char *name, const char *data, size_t n, bool converted,
    char **err)
{
	const char	*wide;
	size_t		 i;

	for (i = 0; !converted && i < sizeof import_bom / sizeof import_bom[0];
	    i++) {
		if (n >= import_bom[i].len &&
		    memcmp(data, import_bom[i].bytes, import_bom[i].len) == 0) {
			*err = xasprintf(_("%s: file is %s; convert it with "
			    "'iconv -f %s -t UTF-8' or import it with "
			    "--encoding=%s"), name, import_bom[i].name,
			    import_bom[i].name, import_bom[i].name);
			return -1;
		}
	}
	for (i = 0; i < sizeof import_magic / sizeof import_magic[0]; i++) {
		if (n >= import_magic[i].len && memcmp(data,
		    import_magic[i].bytes, import_magic[i].len) == 0) {
			*err = xasprintf(_("%s: not a text file (it looks like "
			    "%s)"), name, import_magic[i].name);
			return -1;
		}
	}
	if (!converted && (wide = enc_guess_wide(data, n)) != NULL) {
		*err = xasprintf(_("%s: file looks like %s without a byte-order "
		    "mark; convert it with 'iconv -f %s -t UTF-8' or import it "
		    "with --encoding=%s"), name, wide, wide, wide);
		return -1;
	}
	return 0;
}

int
import_check_text(const char *name, char *data, size_t *len, char **err)
{
	size_t		 i, j, n = *len, line, col;
	unsigned char	 byte;
	const char	*nul, *guess;

	if (read_check_head(name, data, n, false, err) == -1)
		return -1;
	/*
	 * Strip a UTF-8 BOM, then make every line end LF, before anything
	 * is counted: lines and columns below are then those an editor
	 * shows, even in a file of lone CRs.
	 */
	i = 0;
	if (n >= 3 && memcmp(data, "\357\273\277", 3) == 0)
		i = 3;
	for (j = 0; i < n; i++) {
		if (data[i] == '\r') {
			data[j++] = '\n';
			if (i + 1 < n && data[i + 1] == '\n')
				i++;
		} else
			data[j++] = data[i];
	}
	data[j] = '\0';
	n = j;
	/* NUL early on means binary; later, it is still not text. */
	nul = memchr(data, '\0', n);
	if (nul != NULL) {
		read_where(data, (size_t)(nul - data), &line, &col);
		if (nul - data < 8192)
			*err = xasprintf(_("%s:%zu:%zu: not a text file (NUL "
			    "byte)"), name, line, col);
		else
			*err = xasprintf(_("%s:%zu:%zu: NUL byte in text"),
			    name, line, col);
		return -1;
	}
	if (!text_utf8_valid(data, n, &line, &col, &byte)) {
		guess = enc_guess(data, n);
		if (guess != NULL)
			*err = xasprintf(_("%s:%zu:%zu: invalid UTF-8 (byte "
			    "0x%02X); the file looks like %s: import it with "
			    "--encoding=%s"), name, line, col, byte, guess,
			    guess);
		else
			*err = xasprintf(_("%s:%zu:%zu: invalid UTF-8 (byte "
			    "0x%02X)"), name, line, col, byte);
		return -1;
	}
	*len = n;
	return 0;
}

/*
 * The first bytes of a file being read (n of them): is it text at all?
 * A NUL among the first 8 KiB is refused here, with the message the whole
 * check would give, rather than after the rest is read.
 */
static int
read_head(const char *path, const char *data, size_t n, bool converted,
    char **err)
{
	char	*copy;
	size_t	 k = n < 8192 ? n : 8192;
	int	 rc = 0;

	if (read_check_head(path, data, n, converted, err) == -1)
		return -1;
	if (!converted && memchr(data, '\0', k) != NULL) {
		copy = xmalloc(k + 1);
		memcpy(copy, data, k);
		rc = import_check_text(path, copy, &k, err);
		free(copy);
	}
	return rc;
}

/*
 * The block-size guard: bytes since the last blank line or ATX heading
 * line, counted as the text comes in.  Line ends are LF, CR or CR LF, as
 * import_check_text will make them.
 */
struct read_guard {
	size_t	 line;		/* the current line */
	size_t	 from;		/* the line the stretch starts at */
	size_t	 bytes;		/* bytes in the stretch */
	size_t	 hashes;	/* '#'s that start the current line */
	bool	 blank;		/* the current line is blank so far */
	bool	 start;		/* at the start of the line, after '#'s */
	bool	 cr;		/* the last byte was CR */
};

/* Feed s[0..n); -1 (with *err) once a stretch is too long. */
static int
read_guard_feed(struct read_guard *g, const char *name, const char *s,
    size_t n, char **err)
{
	size_t	i;
	char	ch;

	for (i = 0; i < n; i++) {
		ch = s[i];
		if (ch == '\n' && g->cr) {
			g->cr = false;
			continue;
		}
		g->cr = ch == '\r';
		if (ch == '\n' || ch == '\r') {
			if (g->blank || (g->start && g->hashes >= 1 &&
			    g->hashes <= 6)) {
				g->bytes = 0;
				g->from = g->line + 1;
			} else
				g->bytes++;
			g->line++;
			g->hashes = 0;
			g->blank = true;
			g->start = true;
			continue;
		}
		if (g->start && ch == '#' && g->hashes < 7) {
			g->hashes++;
		} else if (g->start) {
			/* "# Title": a heading starts a new block. */
			if ((ch == ' ' || ch == '\t') && g->hashes >= 1 &&
			    g->hashes <= 6) {
				g->bytes = 0;
				g->from = g->line;
			}
			g->start = false;
		}
		if (ch != ' ' && ch != '\t')
			g->blank = false;
		if (++g->bytes > IMPORT_MAX_STRETCH) {
			*err = xasprintf(_("%s:%zu: block too long: more than %d "
			    "bytes of source from this line on without a blank "
			    "line (a block holds at most %d bytes of text)"),
			    name, g->from, IMPORT_MAX_STRETCH, CORPUS_MAX_TEXT);
			return -1;
		}
	}
	return 0;
}

/* Has the file changed since before: another size, time or file? */
static bool
read_changed(const struct stat *before, const struct stat *now)
{
	return before->st_dev != now->st_dev ||
	    before->st_ino != now->st_ino ||
	    before->st_size != now->st_size ||
	    before->st_mtim.tv_sec != now->st_mtim.tv_sec ||
	    before->st_mtim.tv_nsec != now->st_mtim.tv_nsec;
}

#define READ_CHUNK	65536

int
import_read_opened(int fd, const char *path, const struct stat *before,
    const struct import_options *opt, char **data, size_t *len, char **err)
{
	struct stat		 after, again;
	struct read_guard	 g = { .line = 1, .from = 1, .blank = true,
	    .start = true };
	struct enc_conv		*ec = NULL;
	struct text_buf		 conv;
	char			*buf, *text, one;
	size_t			 got = 0, size, bad, line, col, want, head = 0;
	ssize_t			 r;
	bool			 named = opt != NULL && opt->encoding != NULL &&
	    *opt->encoding != '\0';

	*data = NULL;
	*err = NULL;
	if (!S_ISREG(before->st_mode)) {
		*err = xasprintf(_("%s: not a regular file"), path);
		return -1;
	}
	if (before->st_size > IMPORT_MAX_FILE) {
		*err = xasprintf(_("%s: file too large (%lld bytes; the limit "
		    "is %d)"), path, (long long)before->st_size,
		    IMPORT_MAX_FILE);
		return -1;
	}
	if (named && (ec = enc_conv_new(opt->encoding)) == NULL) {
		*err = xasprintf(_("%s: unknown encoding '%s' (iconv -l lists "
		    "the known ones)"), path, opt->encoding);
		return -1;
	}
	text_buf_init(&conv);
	size = (size_t)before->st_size;
	/* Only the pages read into are ever touched. */
	buf = xmalloc(size + 1);
	for (;;) {
		want = size - got < READ_CHUNK ? size - got : READ_CHUNK;
		if (want == 0)
			break;
		r = read(fd, buf + got, want);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			*err = xasprintf("%s: %s", path, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		/* The first bytes say what the file is, before any limit. */
		if (got < 8192 && got + (size_t)r >= (size < 8192 ? size :
		    8192) && read_head(path, buf, got + (size_t)r, named,
		    err) == -1)
			goto fail;
		if (named) {
			if (enc_conv_feed(ec, buf + got, (size_t)r, false, &conv,
			    &bad) == -1)
				goto bad_encoding;
			if (read_guard_feed(&g, path, conv.data + head,
			    conv.len - head, err) == -1)
				goto fail;
			head = conv.len;
		} else if (read_guard_feed(&g, path, buf + got, (size_t)r,
		    err) == -1)
			goto fail;
		got += (size_t)r;
	}
	/*
	 * The file must be what it was when it was opened: as long, with
	 * the same time stamp, and still the file at path.  A short read, a
	 * byte past the end, another size or time or inode: it changed.
	 */
	while ((r = read(fd, &one, 1)) == -1 && errno == EINTR)
		;
	if (got != size || r != 0 || fstat(fd, &after) == -1 ||
	    read_changed(before, &after) || stat(path, &again) == -1 ||
	    again.st_dev != before->st_dev || again.st_ino != before->st_ino) {
		*err = xasprintf(_("%s changed while it was being imported"),
		    path);
		goto fail;
	}
	if (named) {
		if (enc_conv_feed(ec, "", 0, true, &conv, &bad) == -1)
			goto bad_encoding;
		free(buf);
		enc_conv_free(ec);
		ec = NULL;
		text_buf_add(&conv, "", 0);
		got = conv.len;
		text = text_buf_steal(&conv);
	} else {
		buf[got] = '\0';
		text = buf;
	}
	if (import_check_text(path, text, &got, err) == -1) {
		free(text);
		return -1;
	}
	*data = text;
	*len = got;
	return 0;
bad_encoding:
	text_buf_add(&conv, "", 0);
	read_where(conv.data, conv.len, &line, &col);
	*err = xasprintf(_("%s:%zu:%zu: not valid %s (byte 0x%02X)"), path,
	    line, col, opt->encoding, bad < size ? (unsigned char)buf[bad] :
	    0);
fail:
	enc_conv_free(ec);
	text_buf_free(&conv);
	free(buf);
	return -1;
}

int
import_read_file_opt(const char *path, const struct import_options *opt,
    char **data, size_t *len, char **err)
{
	struct stat	 st;
	int		 fd, rc;

	*data = NULL;
	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	rc = import_read_opened(fd, path, &st, opt, data, len, err);
	close(fd);
	return rc;
}

int
import_read_file(const char *path, char **data, size_t *len, char **err)
{
	return import_read_file_opt(path, NULL, data, len, err);
}
