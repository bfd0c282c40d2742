/*
 * read.c -- reading a source file safely: only regular files, a size cap,
 * binary and UTF-16/32 refused by name, strict UTF-8 with the line and
 * column of the first bad byte, a UTF-8 BOM stripped and line endings made
 * LF.  See import.h.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import/import.h"
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

int
import_check_text(const char *name, char *data, size_t *len, char **err)
{
	size_t		 i, j, n = *len, line, col, scan;
	unsigned char	 byte;
	const char	*nul;

	for (i = 0; i < sizeof import_bom / sizeof import_bom[0]; i++) {
		if (n >= import_bom[i].len &&
		    memcmp(data, import_bom[i].bytes, import_bom[i].len) == 0) {
			*err = xasprintf(_("%s: file is %s; convert it with "
			    "'iconv -f %s -t UTF-8'"), name, import_bom[i].name,
			    import_bom[i].name);
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
	scan = n;
	nul = memchr(data, '\0', scan);
	if (nul != NULL) {
		line = 1;
		col = 1;
		for (j = 0; j < (size_t)(nul - data); j++) {
			if (data[j] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)data[j] & 0xc0) != 0x80)
				col++;
		}
		if (nul - data < 8192)
			*err = xasprintf(_("%s:%zu:%zu: not a text file (NUL "
			    "byte)"), name, line, col);
		else
			*err = xasprintf(_("%s:%zu:%zu: NUL byte in text"),
			    name, line, col);
		return -1;
	}
	if (!text_utf8_valid(data, n, &line, &col, &byte)) {
		*err = xasprintf(_("%s:%zu:%zu: invalid UTF-8 (byte 0x%02X)"),
		    name, line, col, byte);
		return -1;
	}
	*len = n;
	return 0;
}

int
import_read_file(const char *path, char **data, size_t *len, char **err)
{
	struct stat	 st;
	char		*buf;
	size_t		 got = 0;
	ssize_t		 r;
	int		 fd;

	*data = NULL;
	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd == -1) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = xasprintf(_("%s: not a regular file"), path);
		close(fd);
		return -1;
	}
	if (st.st_size > IMPORT_MAX_FILE) {
		*err = xasprintf(_("%s: file too large (%lld bytes; the limit "
		    "is %d)"), path, (long long)st.st_size, IMPORT_MAX_FILE);
		close(fd);
		return -1;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		r = read(fd, buf + got, (size_t)st.st_size - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			*err = xasprintf("%s: %s", path, strerror(errno));
			free(buf);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;		/* the file shrank: take what is there */
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	if (import_check_text(path, buf, &got, err) == -1) {
		free(buf);
		return -1;
	}
	*data = buf;
	*len = got;
	return 0;
}
