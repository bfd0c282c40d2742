/*
 * test-store.c -- unit tests of the corpus database (src/store): a corpus
 * survives the round trip through SQLite byte for byte; the loader refuses
 * every kind of foreign, newer, damaged or malformed file with a message
 * naming it; and the writer replaces the target atomically or not at all.
 *
 * The hostile databases are made here with sqlite3 directly.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <grp.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "import/import.h"
#include "model/corpus.h"
#include "model/kind.h"
#include "store/schema.h"
#include "store/store.h"
#include "text/text.h"

/* A string literal as (pointer, length): literals may hold NUL bytes. */
#define S(x)	(x), (sizeof (x) - 1)

/* The temporary directory all files of one test live in. */
static char	tmpdir[256];

/* A path in the temporary directory (one of four rotating buffers). */
static const char *
tpath(const char *name)
{
	static char	buf[4][512];
	static int	k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
	return buf[k];
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	if (flag == FTW_DP || flag == FTW_D)
		return rmdir(path) == -1 ? -1 : 0;
	return unlink(path) == -1 ? -1 : 0;
}

/* Make every directory writable again, so the tree can be removed. */
static int
chmod_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	if (flag == FTW_D || flag == FTW_DP || flag == FTW_DNR)
		(void)chmod(path, 0700);
	return 0;
}

static int
setup(void **state)
{
	const char	*t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/charta-test-store-XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		fprintf(stderr, "mkdtemp %s: %s\n", tmpdir, strerror(errno));
		return -1;
	}
	/* The verdicts of quick_check are kept here, not in the user's. */
	setenv("XDG_DATA_HOME", tpath("data"), 1);
	return 0;
}

static int
teardown(void **state)
{
	(void)nftw(tmpdir, chmod_one, 16, FTW_PHYS);
	(void)nftw(tmpdir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

/* The bytes of a file (malloc'ed) and their number; NULL if unreadable. */
static char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*buf = NULL;
	size_t	 cap = 0, n = 0, r;

	if (f == NULL)
		return NULL;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	*len = n;
	return buf;
}

static void
spit(const char *path, const char *data, size_t len)
{
	FILE	*f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Number of files whose name starts with prefix in directory dir. */
static int
count_prefix(const char *dir, const char *prefix)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	int		 n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

/* ------------------------------------------------------ the corpus */

static const char	sample_md[] =
	"---\n"
	"slug: iscc-2017-mfa\n"
	"alias: mfa\n"
	"title: International Strategy of Cooperation on Cyberspace\n"
	"short: Cyberspace Strategy\n"
	"issuer: Ministry of Foreign Affairs\n"
	"date: 2017-03-01\n"
	"language: en\n"
	"source: https://example.org/mfa\n"
	"work: iscc-2017\n"
	"kind: strategy\n"
	"author: A. Author\n"
	"translator: T. Ranslator\n"
	"publisher: P. Ublisher\n"
	"container: Newsletter, Issue IV\n"
	"url: https://example.org/mfa.html\n"
	"---\n"
	"\n"
	"{.byline} By the Ministry\n"
	"\n"
	"# Basic Principles {#principles .chapter label=II page=4}\n"
	"\n"
	"> An epigraph, \xe2\x80\x9cquoted\xe2\x80\x9d.\n"
	"\n"
	"## Peace {#peace .principle label=II.1 page=5}\n"
	"\n"
	"The first paragraph\n"
	"of peace.\n"
	"\n"
	"- one\n"
	"- two\n"
	"\n"
	"## Sovereignty {.principle}\n"
	"\n"
	"\xe4\xb8\xbb\xe6\x9d\x83 text.\n"
	"\n"
	"# Actions {.chapter label=IV}\n"
	"\n"
	"## A section {.section}\n";

/*
 * The test corpus: the sample document imported, then a document made by
 * hand with text the importer would refuse (NUL bytes, control
 * characters, ill-formed UTF-8) and odd numbers, then a document with
 * nothing in it.
 */
static struct corpus *
make_corpus(void)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m;
	char			*err = NULL;
	uint32_t		 r, s, a, b;

	assert_int_equal(import_markdown(c, "data/sample.md", S(sample_md),
	    &err), 0);
	memset(&m, 0, sizeof m);
	m.slug = "raw";
	m.title = "Raw \033[31m bytes";
	m.file = "/abs/path/raw.md";
	r = corpus_add_doc(c, &m);
	s = corpus_add_node(c, r, KIND_SECTION, "1", "a-1", "Sec\ttion", NULL,
	    0, 99999, 4000000000u);
	corpus_add_node(c, s, KIND_PARAGRAPH, "1.p1", NULL, NULL,
	    S("nul\0inside\0\0"), -7, 1);
	corpus_add_node(c, s, KIND_CAPTION, "1.p2", "cap", NULL,
	    S("\xff\xfe bad \xc3 utf-8 \r\n\033]0;x\007"), 0, 2);
	corpus_add_node(c, s, KIND_PARAGRAPH, "1.p3", NULL, NULL, S("\0"), 0,
	    3);
	corpus_add_node(c, r, KIND_SIGNATURE, "p1", NULL, NULL, S("x"), 0, 0);
	memset(&m, 0, sizeof m);
	m.slug = "empty";
	m.alias = "e";
	m.title = "Nothing";
	corpus_add_doc(c, &m);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	return c;
}

/* Every field of every document and node is the same. */
static void
assert_corpus_equal(const struct corpus *x, const struct corpus *y)
{
	size_t	i;

	assert_int_equal(x->ndocs, y->ndocs);
	assert_int_equal(x->nnodes, y->nnodes);
	for (i = 0; i < x->ndocs; i++) {
		const struct corpus_doc	*a = &x->docs[i], *b = &y->docs[i];

		assert_string_equal(a->slug, b->slug);
		assert_string_equal(a->alias, b->alias);
		assert_string_equal(a->title, b->title);
		assert_string_equal(a->short_title, b->short_title);
		assert_string_equal(a->issuer, b->issuer);
		assert_string_equal(a->date, b->date);
		assert_string_equal(a->language, b->language);
		assert_string_equal(a->source, b->source);
		assert_string_equal(a->work, b->work);
		assert_string_equal(a->kind, b->kind);
		assert_string_equal(a->file, b->file);
		assert_string_equal(a->author, b->author);
		assert_string_equal(a->translator, b->translator);
		assert_string_equal(a->publisher, b->publisher);
		assert_string_equal(a->container, b->container);
		assert_string_equal(a->url, b->url);
		assert_int_equal(a->root, b->root);
		assert_int_equal(a->end, b->end);
	}
	for (i = 0; i < x->nnodes; i++) {
		const struct corpus_node	*a = &x->nodes[i];
		const struct corpus_node	*b = &y->nodes[i];

		assert_int_equal(a->parent, b->parent);
		assert_int_equal(a->first_child, b->first_child);
		assert_int_equal(a->next_sibling, b->next_sibling);
		assert_int_equal(a->doc, b->doc);
		assert_int_equal(a->line, b->line);
		assert_int_equal(a->page, b->page);
		assert_int_equal(a->depth, b->depth);
		assert_int_equal(a->kind, b->kind);
		assert_string_equal(a->label, b->label);
		assert_string_equal(a->anchor, b->anchor);
		assert_string_equal(a->title, b->title);
		assert_int_equal(a->text_len, b->text_len);
		assert_memory_equal(a->text, b->text, a->text_len + 1);
	}
}

/* ------------------------------------------------------ round trip */

/*
 * Write c (finished) to db and load it back: the loaded corpus, checked
 * equal to c, field by field.
 */
static struct corpus *
round_trip(const char *db, const struct corpus *c)
{
	struct corpus	*l;
	char		*err = NULL;

	assert_int_equal(store_write_corpus(db, c, &err), 0);
	assert_null(err);
	l = store_load_corpus(db, &err);
	if (l == NULL) {
		fprintf(stderr, "%s\n", err);
		fail();
	}
	assert_null(err);
	assert_corpus_equal(c, l);
	return l;
}

static void
test_round_trip(void **state)
{
	struct corpus	*c = make_corpus(), *l;
	const char	*db = tpath("corpus.db");
	uint32_t	 i;

	/* The corpus is what the test means it to be. */
	assert_int_equal(c->ndocs, 3);
	assert_string_equal(c->docs[0].translator, "T. Ranslator");
	assert_string_equal(c->docs[0].url, "https://example.org/mfa.html");
	assert_int_equal(c->nnodes, 18);
	i = corpus_resolve(c, S("raw:1.p1"));
	assert_int_equal(c->nodes[i].text_len, 12);

	l = round_trip(db, c);

	/* The exact bytes, NULs and all, and references resolve. */
	i = corpus_resolve(l, S("raw:1.p1"));
	assert_int_not_equal(i, CORPUS_NONE);
	assert_int_equal(l->nodes[i].text_len, 12);
	assert_memory_equal(l->nodes[i].text, "nul\0inside\0\0", 13);
	i = corpus_resolve(l, S("RAW:1.P3"));
	assert_int_equal(l->nodes[i].text_len, 1);
	assert_int_equal(l->nodes[i].text[0], '\0');
	assert_int_equal(corpus_resolve(l, S("mfa:II.1.p2")),
	    corpus_resolve(c, S("mfa:II.1.p2")));
	assert_int_equal(corpus_resolve(l, S("e")), l->docs[2].root);
	assert_int_equal(l->nodes[corpus_resolve(l, S("raw:1"))].line,
	    4000000000u);
	corpus_free(l);

	/* Nothing but the database is left beside it. */
	assert_int_equal(count_prefix(tmpdir, ".charta-import-"), 0);
	assert_int_equal(count_prefix(tmpdir, "corpus.db-"), 0);
	corpus_free(c);
}

/* Loading reads and never writes: the file keeps its bytes. */
static void
test_load_is_read_only(void **state)
{
	struct corpus	*c = make_corpus(), *l;
	const char	*db = tpath("ro.db");
	char		*err = NULL, *before, *after;
	size_t		 nb, na;
	sqlite3		*h;
	sqlite3_stmt	*st;

	assert_int_equal(store_write_corpus(db, c, &err), 0);
	before = slurp(db, &nb);
	assert_non_null(before);
	assert_int_equal(nb % 4096, 0);
	assert_int_equal(chmod(db, 0444), 0);
	l = store_load_corpus(db, &err);
	assert_non_null(l);
	assert_corpus_equal(c, l);
	corpus_free(l);
	after = slurp(db, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb);
	assert_int_equal(count_prefix(tmpdir, "ro.db-"), 0);

	/* The header says what the file is; no journal is needed. */
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	    "delete");
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_memory_equal(before + 68, "\x43\x48\x52\x54", 4);
	assert_memory_equal(before + 60, "\0\0\0\2", 4);
	free(before);
	free(after);
	corpus_free(c);
}

/* Fields at the limits the importer enforces load back. */
static void
test_round_trip_limits(void **state)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .slug = "big", .title = "Big" };
	const char		*db = tpath("limits.db");
	char			*big, label[CORPUS_MAX_LABEL + 1];
	uint32_t		 r, s, a, b;
	size_t			 i;

	big = malloc(CORPUS_MAX_TEXT + 1);
	assert_non_null(big);
	for (i = 0; i < CORPUS_MAX_TEXT; i++)
		big[i] = (char)('a' + i % 26);
	big[CORPUS_MAX_TEXT] = '\0';
	memset(label, 'L', CORPUS_MAX_LABEL);
	label[CORPUS_MAX_LABEL] = '\0';
	r = corpus_add_doc(c, &m);
	s = corpus_add_node(c, r, KIND_SECTION, label, big, big, NULL, 0, 0,
	    0);
	corpus_add_node(c, s, KIND_PARAGRAPH, "x.p1", big, NULL, big,
	    CORPUS_MAX_TEXT, 0, 0);
	/* The deepest tree there may be. */
	for (i = 2; i <= CORPUS_MAX_DEPTH; i++) {
		snprintf(label, sizeof label, "d%zu", i);
		s = corpus_add_node(c, s, i == CORPUS_MAX_DEPTH ?
		    KIND_PARAGRAPH : KIND_SECTION, label, NULL, "t", "x", 1, 0,
		    0);
	}
	assert_int_equal(c->nodes[s].depth, CORPUS_MAX_DEPTH);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	corpus_free(round_trip(db, c));
	corpus_free(c);
	free(big);
}

/* ------------------------------------------------------- refusals */

/* Loading path must fail with "PATH: ..." and what somewhere after. */
static void
expect_refusal(const char *path, const char *what)
{
	struct corpus	*c;
	char		*err = NULL;
	size_t		 n = strlen(path);

	c = store_load_corpus(path, &err);
	if (c != NULL) {
		fprintf(stderr, "%s was loaded; expected: %s\n", path, what);
		corpus_free(c);
		fail();
	}
	assert_non_null(err);
	if (strncmp(err, path, n) != 0 || strncmp(err + n, ": ", 2) != 0 ||
	    strstr(err + n + 2, what) == NULL) {
		fprintf(stderr, "got:  %s\nwant: %s: ...%s...\n", err, path,
		    what);
		fail();
	}
	free(err);
}

static void
exec_sql(sqlite3 *db, const char *sql)
{
	char	*e = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &e) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, e);
		sqlite3_free(e);
		fail();
	}
}

/* The document table of schema version 1, which charta still reads. */
#define V1_DOCUMENT \
	"CREATE TABLE document(id INTEGER PRIMARY KEY, " \
	"slug TEXT NOT NULL, alias TEXT NOT NULL, title TEXT NOT NULL, " \
	"short TEXT NOT NULL, issuer TEXT NOT NULL, date TEXT NOT NULL, " \
	"language TEXT NOT NULL, source TEXT NOT NULL, " \
	"work TEXT NOT NULL, kind TEXT NOT NULL, file TEXT NOT NULL)"

/*
 * A new database name with the given application_id and user_version and
 * charta's tables, except that table skip is left out and table swap is
 * created by swap_sql instead; then sql is run on it.
 */
static const char *
craft_tables(const char *name, int appid, int version, const char *skip,
    const char *swap, const char *swap_sql, const char *sql)
{
	const char	*path = tpath(name);
	sqlite3		*db;
	char		 buf[128];
	int		 k;

	unlink(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(buf, sizeof buf, "PRAGMA application_id=%d; "
	    "PRAGMA user_version=%d", appid, version);
	exec_sql(db, buf);
	exec_sql(db, "BEGIN");
	for (k = 0; k < schema_ntables; k++) {
		if (skip != NULL && strcmp(schema_tables[k].name, skip) == 0)
			continue;
		if (swap != NULL && strcmp(schema_tables[k].name, swap) == 0)
			exec_sql(db, swap_sql);
		else if (version != STORE_SCHEMA_VERSION &&
		    strcmp(schema_tables[k].name, "document") == 0)
			exec_sql(db, V1_DOCUMENT);
		else
			exec_sql(db, schema_tables[k].sql);
	}
	if (sql != NULL)
		exec_sql(db, sql);
	exec_sql(db, "COMMIT");
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
	return path;
}

/*
 * A hand-made database of schema version 1: what an older charta wrote,
 * which this one must read as it did (the version 2 round trip is
 * test_round_trip's).
 */
static const char *
craft(const char *name, const char *sql)
{
	return craft_tables(name, STORE_APPLICATION_ID, 1, NULL, NULL, NULL,
	    sql);
}

#define DOC1 \
	"INSERT INTO document VALUES(1,'d','','D','','','','','','','','d.md');"
#define ROOT1 \
	"INSERT INTO node VALUES(1,1,NULL,'document','','','D',x'',0,0);"
#define GOOD \
	DOC1 ROOT1 \
	"INSERT INTO node VALUES(2,1,1,'section','1','','One',x'',0,5);" \
	"INSERT INTO node VALUES(3,1,2,'paragraph','1.p1','','',x'6869',0,7);"

/* The hand-made database the refusals start from is a good one. */
static void
test_crafted_good(void **state)
{
	struct corpus	*c;
	char		*err = NULL;
	uint32_t	 i;

	c = store_load_corpus(craft("good.db", GOOD), &err);
	if (c == NULL) {
		fprintf(stderr, "%s\n", err);
		fail();
	}
	assert_int_equal(c->ndocs, 1);
	assert_int_equal(c->nnodes, 3);
	i = corpus_resolve(c, S("d:1.p1"));
	assert_int_equal(i, 2);
	assert_int_equal(c->nodes[i].text_len, 2);
	assert_string_equal(c->nodes[i].text, "hi");
	assert_int_equal(c->nodes[i].line, 7);
	assert_string_equal(c->docs[0].file, "d.md");
	corpus_free(c);

	/* A body of exactly the limit loads. */
	c = store_load_corpus(craft("max.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'paragraph','p1','','',"
	    "zeroblob(1048576),0,0);"), &err);
	assert_non_null(c);
	assert_int_equal(c->nodes[1].text_len, CORPUS_MAX_TEXT);
	corpus_free(c);
}

static void
test_refuse_files(void **state)
{
	static const char	 junk[] = "\x53\x51\x4c\x69\x74\x65\x20\x66"
	    "\x6f\x72\x6d\x61\x74\x20\x33\x00garbage garbage garbage";
	char			 noise[8192];
	size_t			 i;

	expect_refusal(tpath("missing.db"), "No such file or directory");
	expect_refusal(tpath("no/such/dir/x.db"), "No such file or directory");
	assert_int_equal(mkdir(tpath("dir.db"), 0755), 0);
	expect_refusal(tpath("dir.db"), "not a regular file");
	spit(tpath("zero.db"), "", 0);
	expect_refusal(tpath("zero.db"), "empty file; not a charta database");
	spit(tpath("text.db"), S("---\nslug: x\ntitle: y\n---\nHello.\n"));
	expect_refusal(tpath("text.db"), "not a charta database");
	spit(tpath("header.db"), S(junk));
	expect_refusal(tpath("header.db"), "");
	for (i = 0; i < sizeof noise; i++)
		noise[i] = (char)(i * 7919 % 251);
	spit(tpath("noise.db"), noise, sizeof noise);
	expect_refusal(tpath("noise.db"), "not a charta database");
	/* A FIFO is refused, not opened: this must not hang. */
	assert_int_equal(mkfifo(tpath("fifo.db"), 0644), 0);
	expect_refusal(tpath("fifo.db"), "not a regular file");
	assert_int_equal(symlink(tpath("fifo.db"), tpath("link.db")), 0);
	expect_refusal(tpath("link.db"), "not a regular file");
	expect_refusal("/dev/null", "not a regular file");
}

static void
test_refuse_foreign(void **state)
{
	/* Another application's database, or a plain one. */
	expect_refusal(craft_tables("other.db", 0x12345678, 1, NULL, NULL,
	    NULL, GOOD), "not a charta database");
	expect_refusal(craft_tables("plain.db", 0, 1, NULL, NULL, NULL, GOOD),
	    "not a charta database");
	/* A newer schema, or none. */
	expect_refusal(craft_tables("v3.db", STORE_APPLICATION_ID, 3, NULL,
	    NULL, NULL, GOOD), "created by a newer charta (schema 3; this "
	    "charta reads 2)");
	expect_refusal(craft_tables("v99.db", STORE_APPLICATION_ID, 99, NULL,
	    NULL, NULL, GOOD), "newer charta (schema 99");
	expect_refusal(craft_tables("v0.db", STORE_APPLICATION_ID, 0, NULL,
	    NULL, NULL, GOOD), "not a charta database (unknown schema "
	    "version)");
	expect_refusal(craft_tables("vneg.db", STORE_APPLICATION_ID, -1, NULL,
	    NULL, NULL, GOOD), "not a charta database");
}

static void
test_refuse_schema(void **state)
{
	static const char	*extras[] = {
		"CREATE TABLE extra(x);",
		"CREATE TRIGGER t AFTER INSERT ON node BEGIN DELETE FROM link; "
		"END;",
		"CREATE VIEW v AS SELECT * FROM node;",
		"CREATE INDEX i ON node(label);",
		"CREATE UNIQUE INDEX u ON document(slug);",
		"ALTER TABLE node ADD COLUMN extra TEXT;",
	};
	struct corpus	*c;
	char		*err = NULL, sql[512];
	size_t		 k;

	/*
	 * What charta does not know, a newer charta may have added: ignored,
	 * and the corpus loads as it is.
	 */
	for (k = 0; k < sizeof extras / sizeof extras[0]; k++) {
		snprintf(sql, sizeof sql, "%s%s", GOOD, extras[k]);
		c = store_load_corpus(craft("extra.db", sql), &err);
		if (c == NULL) {
			fprintf(stderr, "%s: %s\n", extras[k], err);
			fail();
		}
		assert_int_equal(c->nnodes, 3);
		assert_string_equal(c->nodes[2].text, "hi");
		corpus_free(c);
	}
	/* A column of another name or type: not what charta reads. */
	expect_refusal(craft_tables("create.db", STORE_APPLICATION_ID, 1,
	    NULL, "node", "CREATE TABLE node(id INTEGER PRIMARY KEY, "
	    "doc INTEGER NOT NULL, parent INTEGER, kind TEXT NOT NULL, "
	    "label TEXT NOT NULL, anchor TEXT NOT NULL, title TEXT NOT NULL, "
	    "text BLOB NOT NULL, page INTEGER NOT NULL, "
	    "line INTEGER NOT NULL)", DOC1),
	    "unsupported document schema (column node.body is missing or "
	    "changed)");
	expect_refusal(craft_tables("type.db", STORE_APPLICATION_ID, 1,
	    NULL, "link", "CREATE TABLE link(id INTEGER PRIMARY KEY, "
	    "a TEXT NOT NULL, b TEXT NOT NULL, relation INTEGER NOT NULL, "
	    "note TEXT)", GOOD), "unsupported document schema (column "
	    "link.relation is missing or changed)");
	/* A generated column is not a stored value. */
	expect_refusal(craft_tables("generated.db", STORE_APPLICATION_ID, 1,
	    NULL, "link", "CREATE TABLE link(id INTEGER PRIMARY KEY, "
	    "a TEXT NOT NULL, b TEXT NOT NULL, relation TEXT NOT NULL, "
	    "note TEXT GENERATED ALWAYS AS (zeroblob(1000)))", DOC1 ROOT1),
	    "unsupported document schema (column link.note is missing or "
	    "changed)");
	/* Version 2 needs the citation columns, version 1 not. */
	expect_refusal(craft_tables("v2-old.db", STORE_APPLICATION_ID, 2,
	    NULL, "document", V1_DOCUMENT, GOOD), "unsupported document "
	    "schema (column document.author is missing or changed)");
	/* A known name that is not a table. */
	expect_refusal(craft_tables("name.db", STORE_APPLICATION_ID, 1,
	    NULL, "link", "CREATE TABLE links(id INTEGER PRIMARY KEY, "
	    "a TEXT NOT NULL, b TEXT NOT NULL, relation TEXT NOT NULL, "
	    "note TEXT NOT NULL)", GOOD),
	    "not a charta database (no table 'link')");
	expect_refusal(craft_tables("viewname.db", STORE_APPLICATION_ID, 1,
	    NULL, "link", "CREATE VIEW link AS SELECT 1 AS id, 'a' AS a, "
	    "'b' AS b, 'r' AS relation, '' AS note", GOOD),
	    "not a charta database (no table 'link')");
	/* A table missing. */
	expect_refusal(craft_tables("missing.db", STORE_APPLICATION_ID, 1,
	    "link", NULL, NULL, GOOD), "not a charta database (no table "
	    "'link')");
	expect_refusal(craft_tables("empty-schema.db", STORE_APPLICATION_ID,
	    1, "link", "node", "CREATE TABLE x(y)", "DROP TABLE x; DROP TABLE "
	    "document;"), "not a charta database (no table 'document')");
}
static void
test_refuse_documents(void **state)
{
	expect_refusal(craft("noslug.db", "INSERT INTO document VALUES(1,'',"
	    "'','D','','','','','','','','d.md');" ROOT1),
	    "malformed document record");
	expect_refusal(craft("notitle.db", "INSERT INTO document VALUES(1,"
	    "'d','','','','','','','','','','d.md');" ROOT1),
	    "malformed document record");
	expect_refusal(craft("docid.db", "INSERT INTO document VALUES(2,'d',"
	    "'','D','','','','','','','','d.md');" ROOT1),
	    "malformed document record");
	expect_refusal(craft("docnul.db", "INSERT INTO document VALUES(1,"
	    "CAST(x'640065' AS TEXT),'','D','','','','','','','','d.md');"
	    ROOT1), "malformed document record");
	/* A document without its node. */
	expect_refusal(craft("nonode.db", DOC1), "a document has no nodes");
	expect_refusal(craft("nonode2.db", GOOD "INSERT INTO document VALUES("
	    "2,'e','','E','','','','','','','','e.md');"),
	    "a document has no nodes");
	/* Two documents of one name. */
	expect_refusal(craft("twoslugs.db", GOOD "INSERT INTO document VALUES("
	    "2,'D','','E','','','','','','','','e.md');"
	    "INSERT INTO node VALUES(4,2,NULL,'document','','','E',x'',0,0);"),
	    "");
}

static void
test_refuse_nodes(void **state)
{
	char	sql[1024];
	int	k, n;

	/* A parent at or after its child: a cycle or a forward link. */
	expect_refusal(craft("self.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,2,'section','1','','One',x'',0,0);"),
	    "malformed node 2 (parent)");
	expect_refusal(craft("forward.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,3,'section','1','','One',x'',0,0);"
	    "INSERT INTO node VALUES(3,1,1,'section','2','','Two',x'',0,0);"),
	    "malformed node 2 (parent)");
	expect_refusal(craft("noparent.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,NULL,'section','1','','One',x'',0,"
	    "0);"),
	    "malformed node 2 (parent)");
	expect_refusal(craft("textparent.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,'x','section','1','','One',x'',0,0);"),
	    "malformed node 2 (parent)");
	expect_refusal(craft("orphan.db", DOC1
	    "INSERT INTO node VALUES(1,1,1,'section','1','','One',x'',0,0);"),
	    "malformed node 1 (parent)");
	expect_refusal(craft("nolabel.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'section','','','One',x'',0,0);"),
	    "malformed node 2 (parent)");
	/* A parent in another document. */
	expect_refusal(craft("otherdoc.db", GOOD "INSERT INTO document VALUES("
	    "2,'e','','E','','','','','','','','e.md');"
	    "INSERT INTO node VALUES(4,2,NULL,'document','','','E',x'',0,0);"
	    "INSERT INTO node VALUES(5,2,2,'section','1','','X',x'',0,0);"),
	    "malformed node 5 (parent)");
	expect_refusal(craft("wrongdoc.db", GOOD
	    "INSERT INTO node VALUES(4,2,1,'section','2','','X',x'',0,0);"),
	    "malformed node 4 (parent)");
	/* Not in preorder. */
	expect_refusal(craft("order.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'section','1','','One',x'',0,0);"
	    "INSERT INTO node VALUES(3,1,1,'section','2','','Two',x'',0,0);"
	    "INSERT INTO node VALUES(4,1,2,'paragraph','1.p1','','',x'61',0,"
	    "0);"), "malformed node 4 (order)");
	/* Ids with a gap. */
	expect_refusal(craft("gap.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(3,1,1,'section','1','','One',x'',0,0);"),
	    "malformed node 2 (node)");
	/* Kinds. */
	expect_refusal(craft("kind.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'chapterx','1','','One',x'',0,0);"),
	    "malformed node 2 (kind)");
	expect_refusal(craft("kindcase.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'Section','1','','One',x'',0,0);"),
	    "malformed node 2 (kind)");
	expect_refusal(craft("twodocs.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'document','1','','One',x'',0,0);"),
	    "malformed node 2 (document)");
	expect_refusal(craft("rootparent.db", DOC1
	    "INSERT INTO node VALUES(1,1,1,'document','','','D',x'',0,0);"),
	    "malformed node 1 (document)");
	expect_refusal(craft("docrange.db", DOC1
	    "INSERT INTO node VALUES(1,2,NULL,'document','','','D',x'',0,0);"),
	    "malformed node 1 (document)");
	/* A block with children. */
	expect_refusal(craft("blockkids.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'paragraph','p1','','',x'61',0,0);"
	    "INSERT INTO node VALUES(3,1,2,'paragraph','p1.p1','','',x'61',0,"
	    "0);"), "malformed node 3 (nesting)");
	/* Too deep: CORPUS_MAX_DEPTH + 1 levels under the document. */
	n = snprintf(sql, sizeof sql, "%s%s", DOC1, ROOT1);
	for (k = 2; k <= CORPUS_MAX_DEPTH + 2; k++)
		n += snprintf(sql + n, sizeof sql - (size_t)n, "INSERT INTO "
		    "node VALUES(%d,1,%d,'section','s%d','','S',x'',0,0);", k,
		    k - 1, k);
	expect_refusal(craft("deep.db", sql), "malformed node 10 (nesting)");
	/* Labels: a NUL inside, or longer than CORPUS_MAX_LABEL. */
	expect_refusal(craft("labelnul.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'section',CAST(x'310032' AS TEXT),"
	    "'','One',x'',0,0);"), "malformed node 2 (node)");
	expect_refusal(craft("label65.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'section','"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',"
	    "'','One',x'',0,0);"), "malformed node 2 (node)");
	expect_refusal(craft("titlenul.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'section','1','',"
	    "CAST(x'4f006e65' AS TEXT),x'',0,0);"), "malformed node 2 (node)");
	/* Bodies: one byte over the limit, and well over SQLite's. */
	expect_refusal(craft("body1.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'paragraph','p1','','',"
	    "zeroblob(1048577),0,0);"), "text of node 2 is larger than the 1048576-byte limit");
	expect_refusal(craft("body2.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'paragraph','p1','','',"
	    "zeroblob(4000000),0,0);"), "");
	expect_refusal(craft("title2.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'section','1','',"
	    "CAST(zeroblob(2000000) AS TEXT),x'',0,0);"), "");
	/* Two nodes of one label. */
	expect_refusal(craft("twolabels.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'section','IV','','One',x'',0,0);"
	    "INSERT INTO node VALUES(3,1,1,'section','iv','','Two',x'',0,0);"),
	    "two nodes share the reference 'd:iv'");
}

/* ------------------------------------------------- a split load */

/*
 * A corpus just over STORE_SPLIT_NODES nodes in 40 documents, so that it
 * is loaded in two halves: written, loaded, and compared node by node.
 */
static struct corpus *
make_large(void)
{
	struct corpus		*c = corpus_new();
	char			 slug[16], label[32], text[64];
	struct corpus_doc	 m = { .slug = slug, .title = "Doc" };
	uint32_t		 r, s = 0, a, b;
	int			 d, i, per = STORE_SPLIT_NODES / 40 + 100;
	size_t			 len;

	for (d = 0; d < 40; d++) {
		snprintf(slug, sizeof slug, "doc%d", d);
		r = corpus_add_doc(c, &m);
		for (i = 0; i < per; i++) {
			if (i % 100 == 0) {
				snprintf(label, sizeof label, "%d", i / 100);
				s = corpus_add_node(c, r, KIND_SECTION, label,
				    NULL, "Section", NULL, 0, d, (uint32_t)i);
				continue;
			}
			snprintf(label, sizeof label, "%d.p%d", i / 100,
			    i % 100);
			len = (size_t)snprintf(text, sizeof text,
			    "Paragraph %d of document %d.", i, d);
			corpus_add_node(c, s, KIND_PARAGRAPH, label, NULL, NULL,
			    text, len, d, (uint32_t)i);
		}
	}
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	assert_true(c->nnodes > STORE_SPLIT_NODES);
	return c;
}

/* A copy of the database src as dst, changed by the statements in sql. */
static const char *
changed_copy(const char *src, const char *dst, const char *sql)
{
	sqlite3	*db;
	char	*bytes;
	size_t	 size;

	bytes = slurp(src, &size);
	assert_non_null(bytes);
	spit(dst, bytes, size);
	free(bytes);
	assert_int_equal(sqlite3_open(dst, &db), SQLITE_OK);
	exec_sql(db, sql);
	sqlite3_close(db);
	return dst;
}

static void
test_split_load(void **state)
{
	struct corpus	*c = make_large(), *l;
	char		 db[512], sql[512], want[64];
	uint32_t	 last = (uint32_t)c->nnodes, split;

	/* (tpath's buffers rotate: this one is kept.) */
	snprintf(db, sizeof db, "%s", tpath("large.db"));
	l = round_trip(db, c);
	assert_int_equal(corpus_resolve(l, S("doc39:12.p34")),
	    corpus_resolve(c, S("doc39:12.p34")));
	assert_int_equal(corpus_resolve(l, S("doc0:0.p1")), 2);
	corpus_free(l);

	/* Where the load splits: the first document past the middle. */
	for (split = last / 2; c->nodes[split].kind != KIND_DOCUMENT; split++)
		;
	split++;				/* an id */

	/* The second half is checked as strictly as the first. */
	snprintf(sql, sizeof sql, "UPDATE node SET parent = id WHERE id = %u",
	    last - 10);
	snprintf(want, sizeof want, "malformed node %u (parent)", last - 10);
	expect_refusal(changed_copy(db, tpath("split1.db"), sql), want);
	snprintf(sql, sizeof sql, "DELETE FROM node WHERE id = %u", last - 99);
	snprintf(want, sizeof want, "malformed node %u (node)", last - 99);
	expect_refusal(changed_copy(db, tpath("split2.db"), sql), want);
	/* A node missing just before the split ends the first half early. */
	snprintf(sql, sizeof sql, "DELETE FROM node WHERE id = %u", split - 1);
	snprintf(want, sizeof want, "malformed node %u (node)", split - 1);
	expect_refusal(changed_copy(db, tpath("split3.db"), sql), want);
	/* Errors in both halves: the first in reading order is told. */
	snprintf(sql, sizeof sql, "UPDATE node SET parent = id WHERE id IN "
	    "(%u, 7)", last - 10);
	expect_refusal(changed_copy(db, tpath("split4.db"), sql),
	    "malformed node 7 (parent)");
	/* The halves disagree on where the second one's documents start. */
	snprintf(sql, sizeof sql, "UPDATE node SET doc = doc + 1 WHERE doc >= "
	    "(SELECT doc FROM node WHERE id = %u)", split);
	snprintf(want, sizeof want, "malformed node %u (document)", split);
	expect_refusal(changed_copy(db, tpath("split5.db"), sql), want);
	corpus_free(c);
}

/* --------------------------------------------------------- damage */

/* Write a corpus of many paragraphs; returns its size in bytes. */
static size_t
write_big(const char *path, int nblocks)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .slug = "big", .title = "Big" };
	char			 label[32], text[300];
	char			*err = NULL;
	uint32_t		 r, s = 0, a, b;
	size_t			 len;
	int			 i;
	struct stat		 sb;

	r = corpus_add_doc(c, &m);
	for (i = 0; i < nblocks; i++) {
		if (i % 50 == 0) {
			snprintf(label, sizeof label, "%d", i / 50 + 1);
			s = corpus_add_node(c, r, KIND_SECTION, label, NULL,
			    "Section", NULL, 0, i, (uint32_t)i);
		}
		snprintf(label, sizeof label, "%d.p%d", i / 50 + 1, i % 50 + 1);
		len = (size_t)snprintf(text, sizeof text, "Paragraph %d: %s", i,
		    "lorem ipsum dolor sit amet, consectetur adipiscing elit, "
		    "sed do eiusmod tempor incididunt ut labore et dolore "
		    "magna aliqua. Ut enim ad minim veniam, quis nostrud "
		    "exercitation");
		corpus_add_node(c, s, KIND_PARAGRAPH, label, NULL, NULL, text,
		    len, 0, (uint32_t)i);
	}
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	assert_int_equal(store_write_corpus(path, c, &err), 0);
	corpus_free(c);
	assert_int_equal(stat(path, &sb), 0);
	return (size_t)sb.st_size;
}

static void
test_refuse_truncated(void **state)
{
	const char	*db = tpath("whole.db"), *cut = tpath("cut.db");
	char		*bytes;
	size_t		 size, n;

	write_big(db, 400);
	bytes = slurp(db, &size);
	assert_non_null(bytes);
	assert_true(size >= 8 * 4096);
	/* Half of it. */
	spit(cut, bytes, size / 2);
	expect_refusal(cut, "");
	/* Every cut, from the header on: refused, never a crash. */
	for (n = 1; n < size; n += n < 200 ? 37 : 1024) {
		spit(cut, bytes, n);
		expect_refusal(cut, "");
	}
	/*
	 * Even one byte less: SQLite would read the missing bytes as zeros
	 * and quick_check would not notice the changed text.
	 */
	for (n = size - 1; n > size - 4096; n -= 255) {
		spit(cut, bytes, n);
		expect_refusal(cut, "the database is damaged (the file is "
		    "truncated)");
	}
	free(bytes);
}

/*
 * A corpus of nblocks paragraphs, damaged in turn: its size must be on the
 * side of a megabyte that small_file says (the loader checks files under a
 * megabyte on its own connection, larger ones on a second one in a thread).
 */
static void
expect_damage_refused(int nblocks, bool small_file)
{
	const char	*db = tpath("whole.db"), *bad = tpath("bad.db");
	struct corpus	*c;
	char		*bytes, *err = NULL;
	size_t		 size, page, npages;

	write_big(db, nblocks);
	bytes = slurp(db, &size);
	assert_non_null(bytes);
	assert_true((size < 1024 * 1024) == small_file);
	npages = size / 4096;
	assert_true(npages > 50);

	/* Bytes overwritten in the middle of the node table's pages. */
	memcpy(bytes + npages / 2 * 4096, "\xde\xad\xbe\xef"
	    "\xde\xad\xbe\xef\xde\xad\xbe\xef\xde\xad\xbe\xef", 16);
	spit(bad, bytes, size);
	c = store_load_corpus(bad, &err);
	if (c != NULL) {
		fprintf(stderr, "a damaged page was loaded\n");
		fail();
	}
	assert_non_null(err);
	assert_int_equal(strncmp(err, bad, strlen(bad)), 0);
	if (strstr(err, "damaged") == NULL &&
	    strstr(err, "malformed") == NULL) {
		fprintf(stderr, "got: %s\n", err);
		fail();
	}
	free(err);
	free(bytes);

	/*
	 * A page whose header miscounts its fragmented bytes reads well:
	 * only quick_check finds it, and its verdict must be heeded.
	 */
	bytes = slurp(db, &size);
	for (page = npages / 2; page < npages; page++)
		if (bytes[page * 4096] == 0x0d)		/* a table leaf */
			break;
	assert_true(page < npages);
	bytes[page * 4096 + 7] += 3;
	spit(bad, bytes, size);
	free(bytes);
	expect_refusal(bad, "the database is damaged (");

	/* Any one page wholly overwritten is refused. */
	for (page = 0; page < npages; page += page < 4 ? 1 : 7) {
		bytes = slurp(db, &size);
		memset(bytes + page * 4096, 0x55, 4096);
		spit(bad, bytes, size);
		free(bytes);
		expect_refusal(bad, "");
	}
}

static void
test_refuse_corrupt_page(void **state)
{
	expect_damage_refused(1500, true);
	expect_damage_refused(5000, false);
}

/* ------------------------------------------------ quick_check verdicts */

/* Damage path in place where only quick_check sees it; same size. */
static void
damage_page_header(const char *path)
{
	char	*bytes;
	size_t	 size, page, npages;

	bytes = slurp(path, &size);
	assert_non_null(bytes);
	npages = size / 4096;
	for (page = npages / 2; page < npages; page++)
		if (bytes[page * 4096] == 0x0d)		/* a table leaf */
			break;
	assert_true(page < npages);
	bytes[page * 4096 + 7] += 3;
	spit(path, bytes, size);
	free(bytes);
}

/* The verdict line the loader keeps for the file sb stands for. */
static char *
verdict_line(const struct stat *sb)
{
	char	buf[256];

	snprintf(buf, sizeof buf, "ok %ju %ju %jd %jd.%09ld %jd.%09ld\n",
	    (uintmax_t)sb->st_dev, (uintmax_t)sb->st_ino,
	    (intmax_t)sb->st_size, (intmax_t)sb->st_mtim.tv_sec,
	    (long)sb->st_mtim.tv_nsec, (intmax_t)sb->st_ctim.tv_sec,
	    (long)sb->st_ctim.tv_nsec);
	return strdup(buf);
}

/* Does the verdict file hold the line for the file at path as it is? */
static bool
verdict_kept(const char *path)
{
	struct stat	 sb;
	char		*kept, *line;
	size_t		 len;
	bool		 found;

	assert_int_equal(stat(path, &sb), 0);
	if ((kept = slurp(tpath("data/charta/corpus-checked"), &len)) == NULL)
		return false;
	kept = realloc(kept, len + 1);
	assert_non_null(kept);
	kept[len] = '\0';
	line = verdict_line(&sb);
	found = strstr(kept, line) != NULL;
	free(line);
	free(kept);
	return found;
}

/*
 * Wait until the file at path is older than the grain of the file
 * system's clock (the loader keeps no verdict for a younger one, which a
 * write in the same tick could change without changing its times).
 */
static void
age_file(const char *path)
{
	struct stat	 sb;
	struct timespec	 now, tick = { 0, 20 * 1000 * 1000 };

	assert_int_equal(stat(path, &sb), 0);
	assert_true(sb.st_ctim.tv_nsec != 0);	/* else 2.5 s: too long */
	for (;;) {
		clock_gettime(CLOCK_REALTIME, &now);
		if ((double)(now.tv_sec - sb.st_ctim.tv_sec) +
		    (double)(now.tv_nsec - sb.st_ctim.tv_nsec) / 1e9 > 0.15)
			break;
		nanosleep(&tick, NULL);
	}
}

static void
load_ok(const char *path)
{
	struct corpus	*c;
	char		*err = NULL;

	c = store_load_corpus(path, &err);
	if (c == NULL)
		fprintf(stderr, "%s\n", err);
	assert_non_null(c);
	corpus_free(c);
}

/*
 * quick_check's verdict is kept per file identity, and a file that
 * changed in any way is checked again, even where only quick_check sees
 * the damage and the modification time was put back.
 */
static void
test_verdict_cache(void **state)
{
	char		 db[512], fresh[512], small[512];
	struct stat	 sb;
	struct timespec	 times[2];

	/* tpath's buffers rotate: these must outlive four more calls. */
	snprintf(db, sizeof db, "%s", tpath("big.db"));
	snprintf(fresh, sizeof fresh, "%s", tpath("fresh.db"));
	snprintf(small, sizeof small, "%s", tpath("small.db"));

	write_big(db, 5000);
	age_file(db);
	/* A load never makes the data directory: no verdict without it. */
	load_ok(db);
	assert_int_equal(access(tpath("data"), F_OK), -1);
	assert_int_equal(mkdir(tpath("data"), 0700), 0);
	assert_int_equal(mkdir(tpath("data/charta"), 0700), 0);
	load_ok(db);
	assert_true(verdict_kept(db));
	/* Known now, and still good. */
	load_ok(db);
	assert_true(verdict_kept(db));

	/* Damaged in place, same size, its mtime put back: checked again. */
	assert_int_equal(stat(db, &sb), 0);
	damage_page_header(db);
	times[0] = sb.st_atim;
	times[1] = sb.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, db, times, 0), 0);
	expect_refusal(db, "the database is damaged (");
	assert_false(verdict_kept(db));

	/* A file just written is checked, but keeps no verdict yet. */
	write_big(fresh, 5000);
	load_ok(fresh);
	assert_false(verdict_kept(fresh));

	/* A small file is checked every time: nothing kept. */
	write_big(small, 400);
	age_file(small);
	load_ok(small);
	assert_false(verdict_kept(small));
}

/* Write ndocs documents "d1", "d2"... of nblocks paragraphs each. */
static void
write_docs(const char *path, int ndocs, int nblocks)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m;
	char			 slug[16], label[32], text[300];
	char			*err = NULL;
	uint32_t		 r, s = 0, a, b;
	size_t			 len;
	int			 d, i;

	for (d = 1; d <= ndocs; d++) {
		memset(&m, 0, sizeof m);
		snprintf(slug, sizeof slug, "d%d", d);
		m.slug = slug;
		m.title = "A document";
		r = corpus_add_doc(c, &m);
		for (i = 0; i < nblocks; i++) {
			if (i % 50 == 0) {
				snprintf(label, sizeof label, "%d", i / 50 + 1);
				s = corpus_add_node(c, r, KIND_SECTION, label,
				    NULL, "Section", NULL, 0, 0, 0);
			}
			snprintf(label, sizeof label, "%d.p%d", i / 50 + 1,
			    i % 50 + 1);
			len = (size_t)snprintf(text, sizeof text, "Document %d, "
			    "paragraph %d: lorem ipsum dolor sit amet, "
			    "consectetur adipiscing elit, sed do eiusmod tempor "
			    "incididunt ut labore et dolore magna aliqua", d, i);
			corpus_add_node(c, s, KIND_PARAGRAPH, label, NULL, NULL,
			    text, len, 0, 0);
		}
	}
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	assert_int_equal(store_write_corpus(path, c, &err), 0);
	corpus_free(c);
}

/* Are part's nodes whole's from node from on, one for one? */
static void
assert_same_nodes(const struct corpus *part, const struct corpus *whole,
    uint32_t from)
{
	const struct corpus_node	*w, *p;
	uint32_t			 i;

	for (i = 0; i < part->nnodes; i++) {
		w = &whole->nodes[from + i];
		p = &part->nodes[i];
		assert_int_equal(p->kind, w->kind);
		assert_string_equal(p->label, w->label);
		assert_string_equal(p->text, w->text);
		assert_int_equal(p->depth, w->depth);
	}
}

/* The corpus file at db, checked (its verdict kept), loaded whole. */
static struct corpus *
checked_docs(const char *db)
{
	struct corpus	*whole;
	char		*err = NULL;

	(void)mkdir(tpath("data"), 0700);
	(void)mkdir(tpath("data/charta"), 0700);
	load_ok(db);
	assert_true(verdict_kept(db));
	whole = store_load_corpus(db, &err);
	assert_non_null(whole);
	return whole;
}

/*
 * The first screen's part of a large corpus, for the document of the
 * place kept (store_load_head_doc): that document alone, node for node
 * the whole's; only for a file quick_check has passed; NULL for a slug
 * no document has.
 */
static void
test_load_head_doc(void **state)
{
	char			 db[512];
	struct corpus		*whole, *part;
	const char		*slugs[] = { "d1", "d7", "d12" };
	size_t			 k;
	uint32_t		 d;

	(void)state;
	snprintf(db, sizeof db, "%s", tpath("docs.db"));
	write_docs(db, 12, 600);
	age_file(db);
	/* Not yet checked: no part. */
	assert_null(store_load_head_doc(db, "d7"));
	whole = checked_docs(db);
	for (k = 0; k < sizeof slugs / sizeof slugs[0]; k++) {
		part = store_load_head_doc(db, slugs[k]);
		assert_non_null(part);
		assert_int_equal(part->ndocs, 1);
		assert_string_equal(part->docs[0].slug, slugs[k]);
		d = corpus_find_doc(whole, slugs[k], strlen(slugs[k]));
		assert_int_equal(part->nnodes,
		    whole->docs[d].end - whole->docs[d].root);
		assert_same_nodes(part, whole, whole->docs[d].root);
		corpus_free(part);
	}
	assert_null(store_load_head_doc(db, "d13"));
	assert_null(store_load_head_doc(db, ""));
	corpus_free(whole);
}

/*
 * The first screen's part of a large corpus (store_load_head): its first
 * whole documents, enough for the rows asked for, node for node and with
 * the metadata of the whole's, though only theirs is read; NULL if the
 * corpus has not that many rows.
 */
static void
test_load_head(void **state)
{
	char			 db[512];
	struct corpus		*whole, *part;
	size_t			 rows[] = { 5, 30, 100 }, k;
	uint32_t		 d;

	(void)state;
	snprintf(db, sizeof db, "%s", tpath("head.db"));
	/* Twelve documents of a title and twelve sections: 13 rows each. */
	write_docs(db, 12, 600);
	age_file(db);
	assert_null(store_load_head(db, 5));	/* not yet checked */
	whole = checked_docs(db);
	for (k = 0; k < sizeof rows / sizeof rows[0]; k++) {
		part = store_load_head(db, rows[k]);
		assert_non_null(part);
		assert_true(part->ndocs * 13 >= rows[k]);
		assert_true(part->ndocs < whole->ndocs);
		assert_int_equal(part->nnodes, whole->docs[part->ndocs].root);
		for (d = 0; d < part->ndocs; d++) {
			assert_string_equal(part->docs[d].slug,
			    whole->docs[d].slug);
			assert_string_equal(part->docs[d].title,
			    whole->docs[d].title);
			assert_int_equal(part->docs[d].root,
			    whole->docs[d].root);
		}
		assert_same_nodes(part, whole, 0);
		corpus_free(part);
	}
	assert_null(store_load_head(db, 12 * 13 + 1));
	corpus_free(whole);
}

/*
 * A verdict in the file is heeded only for the very file it names: one
 * that differs in its status-change time, its size or its inode is no
 * verdict for a damaged file.  The same line for the file as it is is
 * taken at its word (the check is skipped: that is the point of it).
 */
static void
test_verdict_identity(void **state)
{
	char		 db[512], kept[512];
	struct stat	 sb, other;
	char		*line, *text;

	snprintf(db, sizeof db, "%s", tpath("big.db"));
	snprintf(kept, sizeof kept, "%s", tpath("data/charta/corpus-checked"));

	write_big(db, 5000);
	damage_page_header(db);
	assert_int_equal(stat(db, &sb), 0);
	assert_int_equal(mkdir(tpath("data"), 0700), 0);
	assert_int_equal(mkdir(tpath("data/charta"), 0700), 0);

	/* Every one of these differs from the damaged file in one field. */
	other = sb;
	other.st_ctim.tv_nsec = (other.st_ctim.tv_nsec + 1) % 1000000000;
	line = verdict_line(&other);
	text = malloc(strlen(line) + 32);
	assert_non_null(text);
	sprintf(text, "charta-checked 1\n%s", line);
	spit(kept, text, strlen(text));
	free(line);
	free(text);
	expect_refusal(db, "the database is damaged (");

	other = sb;
	other.st_size++;
	line = verdict_line(&other);
	text = malloc(strlen(line) + 32);
	assert_non_null(text);
	sprintf(text, "charta-checked 1\n%s", line);
	spit(kept, text, strlen(text));
	free(line);
	free(text);
	expect_refusal(db, "the database is damaged (");

	other = sb;
	other.st_ino++;
	line = verdict_line(&other);
	text = malloc(strlen(line) + 32);
	assert_non_null(text);
	sprintf(text, "charta-checked 1\n%s", line);
	spit(kept, text, strlen(text));
	free(line);
	free(text);
	expect_refusal(db, "the database is damaged (");

	/* Not one of ours: no verdict. */
	line = verdict_line(&sb);
	spit(kept, line, strlen(line));
	expect_refusal(db, "the database is damaged (");

	/* The file's own line: the check is not run again. */
	text = malloc(strlen(line) + 32);
	assert_non_null(text);
	sprintf(text, "charta-checked 1\n%s", line);
	spit(kept, text, strlen(text));
	load_ok(db);
	free(line);
	free(text);
}

/* ------------------------------------------------------- atomicity */

/*
 * Run store_write_corpus(path, c) in a child process: as an unprivileged
 * user if unprivileged (a read-only directory does not stop root), and
 * with the file size limit fsize unless it is 0.  Returns its result and
 * its message in *msg (to free; NULL if none).  Skips the test when
 * privileges cannot be dropped.
 */
static int
write_in_child(const char *path, const struct corpus *c, bool unprivileged,
    rlim_t fsize, char **msg)
{
	struct rlimit	rl;
	char		buf[4096], *err = NULL;
	size_t		n = 0;
	ssize_t		r;
	pid_t		pid;
	int		p[2], status, rc;

	assert_int_equal(pipe(p), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		close(p[0]);
		if (unprivileged && geteuid() == 0 && (setgroups(0, NULL) ==
		    -1 || setgid(65534) == -1 || setuid(65534) == -1))
			_exit(77);
		if (fsize != 0) {
			signal(SIGXFSZ, SIG_IGN);
			if (getrlimit(RLIMIT_FSIZE, &rl) == -1)
				_exit(78);
			rl.rlim_cur = fsize;
			if (setrlimit(RLIMIT_FSIZE, &rl) == -1)
				_exit(78);
		}
		rc = store_write_corpus(path, c, &err);
		if (err != NULL && write(p[1], err, strlen(err)) == -1)
			_exit(79);
		free(err);
		close(p[1]);
		_exit(rc == 0 ? 0 : 1);
	}
	close(p[1]);
	while ((r = read(p[0], buf + n, sizeof buf - 1 - n)) > 0)
		n += (size_t)r;
	close(p[0]);
	buf[n] = '\0';
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		skip();
	assert_true(WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
	*msg = n > 0 ? strdup(buf) : NULL;
	return WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* A small corpus, different from make_corpus's. */
static struct corpus *
make_small(const char *slug)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .title = "Small" };
	uint32_t		 r, a, b;

	m.slug = slug;
	r = corpus_add_doc(c, &m);
	corpus_add_node(c, r, KIND_PARAGRAPH, "p1", NULL, NULL, S("small"), 0,
	    1);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	return c;
}

static void
test_write_replaces(void **state)
{
	struct corpus	*c1 = make_corpus(), *c2 = make_small("second"), *l;
	const char	*db = tpath("replace.db");
	char		*err = NULL;
	struct stat	 sb;
	mode_t		 old;

	old = umask(022);
	assert_int_equal(store_write_corpus(db, c1, &err), 0);
	assert_int_equal(stat(db, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0644);
	l = store_load_corpus(db, &err);
	assert_non_null(l);
	assert_int_equal(l->ndocs, 3);
	corpus_free(l);

	umask(027);
	assert_int_equal(store_write_corpus(db, c2, &err), 0);
	assert_null(err);
	assert_int_equal(stat(db, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0640);
	l = store_load_corpus(db, &err);
	assert_non_null(l);
	assert_corpus_equal(c2, l);
	corpus_free(l);
	umask(old);
	assert_int_equal(count_prefix(tmpdir, ".charta-import-"), 0);

	/* A relative path, in the current directory. */
	{
		char	cwd[4096];

		assert_non_null(getcwd(cwd, sizeof cwd));
		assert_int_equal(chdir(tmpdir), 0);
		assert_int_equal(store_write_corpus("relative.db", c1, &err),
		    0);
		l = store_load_corpus("relative.db", &err);
		assert_non_null(l);
		corpus_free(l);
		assert_int_equal(chdir(cwd), 0);
		assert_int_equal(count_prefix(tmpdir, ".charta-import-"), 0);
	}
	corpus_free(c1);
	corpus_free(c2);
}

static void
test_write_fails_cleanly(void **state)
{
	struct corpus	*c = make_small("x");
	char		*err = NULL;
	const char	*p;

	/* No such directory. */
	p = tpath("no-such-dir/c.db");
	assert_int_equal(store_write_corpus(p, c, &err), -1);
	assert_non_null(err);
	assert_int_equal(strncmp(err, p, strlen(p)), 0);
	assert_non_null(strstr(err, "cannot create a file beside it: No such "
	    "file or directory"));
	free(err);
	/* The target is a directory: the rename fails, nothing is left. */
	assert_int_equal(mkdir(tpath("isdir.db"), 0755), 0);
	assert_int_equal(mkdir(tpath("isdir.db/sub"), 0755), 0);
	err = NULL;
	assert_int_equal(store_write_corpus(tpath("isdir.db"), c, &err), -1);
	assert_non_null(err);
	assert_int_equal(strncmp(err, tpath("isdir.db"),
	    strlen(tpath("isdir.db"))), 0);
	free(err);
	assert_int_equal(count_prefix(tmpdir, ".charta-import-"), 0);
	corpus_free(c);
}

static void
test_write_readonly_dir(void **state)
{
	struct corpus	*c1 = make_corpus(), *c2 = make_small("second"), *l;
	char		 dir[512], db[512], fresh[512];
	char		*err = NULL, *before, *after, *msg = NULL;
	size_t		 nb, na;

	snprintf(dir, sizeof dir, "%s", tpath("ro"));
	snprintf(db, sizeof db, "%s", tpath("ro/c.db"));
	snprintf(fresh, sizeof fresh, "%s", tpath("ro/new.db"));
	/* An unprivileged child must be able to reach the directory. */
	assert_int_equal(chmod(tmpdir, 0755), 0);
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(store_write_corpus(db, c1, &err), 0);
	before = slurp(db, &nb);
	assert_non_null(before);
	assert_int_equal(chmod(dir, 0555), 0);

	/* Over the old file: refused, and the old file is untouched. */
	assert_int_equal(write_in_child(db, c2, true, 0, &msg), -1);
	assert_non_null(msg);
	assert_int_equal(strncmp(msg, db, strlen(db)), 0);
	assert_non_null(strstr(msg, ": cannot create a file beside it: "
	    "Permission denied"));
	free(msg);
	after = slurp(db, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb);
	free(after);
	l = store_load_corpus(db, &err);
	assert_non_null(l);
	assert_corpus_equal(c1, l);
	corpus_free(l);

	/* A new file: refused, nothing created. */
	assert_int_equal(write_in_child(fresh, c2, true, 0, &msg), -1);
	assert_non_null(msg);
	assert_int_equal(strncmp(msg, fresh, strlen(fresh)), 0);
	free(msg);
	assert_int_equal(access(fresh, F_OK), -1);
	assert_int_equal(count_prefix(dir, ".charta-import-"), 0);
	assert_int_equal(count_prefix(dir, "c.db-"), 0);

	assert_int_equal(chmod(dir, 0755), 0);
	free(before);
	corpus_free(c1);
	corpus_free(c2);
}

/* A write that fails half way (the disk fills) leaves the old file. */
static void
test_write_disk_full(void **state)
{
	struct corpus	*c1 = make_small("first"), *c2, *l;
	struct corpus_doc	 m = { .slug = "big", .title = "Big" };
	const char	*db = tpath("full.db");
	char		*err = NULL, *before, *after, *msg = NULL, label[32];
	char		 text[1000];
	size_t		 nb, na;
	uint32_t	 r, a, b;
	int		 i;

	assert_int_equal(store_write_corpus(db, c1, &err), 0);
	before = slurp(db, &nb);
	assert_non_null(before);

	c2 = corpus_new();
	r = corpus_add_doc(c2, &m);
	memset(text, 'x', sizeof text);
	for (i = 0; i < 2000; i++) {
		snprintf(label, sizeof label, "p%d", i + 1);
		corpus_add_node(c2, r, KIND_PARAGRAPH, label, NULL, NULL, text,
		    sizeof text, 0, 0);
	}
	assert_int_equal(corpus_finish(c2, &a, &b), 0);

	assert_int_equal(write_in_child(db, c2, false, 256 * 1024, &msg), -1);
	assert_non_null(msg);
	assert_int_equal(strncmp(msg, db, strlen(db)), 0);
	assert_non_null(strstr(msg, ": cannot "));
	free(msg);
	after = slurp(db, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb);
	free(after);
	l = store_load_corpus(db, &err);
	assert_non_null(l);
	assert_corpus_equal(c1, l);
	corpus_free(l);
	/* No temporary file, and no journal of one. */
	assert_int_equal(count_prefix(tmpdir, ".charta-import-"), 0);

	/* Without the limit the same corpus is written. */
	assert_int_equal(write_in_child(db, c2, false, 0, &msg), 0);
	assert_null(msg);
	l = store_load_corpus(db, &err);
	assert_non_null(l);
	assert_corpus_equal(c2, l);
	corpus_free(l);
	assert_int_equal(count_prefix(tmpdir, ".charta-import-"), 0);
	free(before);
	corpus_free(c1);
	corpus_free(c2);
}

/*
 * The temporary files of writers that were killed (SIGKILL leaves them)
 * are removed by the next writer: those of a process of this host that is
 * gone, and an older charta's (no PID in the name) once an hour old.  A
 * live writer's, another host's and a recent old-style one stay.
 */
static void
test_write_cleans_stale(void **state)
{
	struct corpus	*c = make_corpus();
	char		 host[65], name[256], *err = NULL;
	struct timeval	 old[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	pid_t		 dead;
	size_t		 i;
	const char	*stale[4], *keep[4];

	/* The host as the writer writes it. */
	assert_int_equal(gethostname(host, sizeof host), 0);
	host[sizeof host - 1] = '\0';
	for (i = 0; host[i] != '\0'; i++)
		if (!((host[i] >= 'a' && host[i] <= 'z') ||
		    (host[i] >= 'A' && host[i] <= 'Z') ||
		    (host[i] >= '0' && host[i] <= '9') || host[i] == '.'))
			host[i] = '_';
	/* A process that has exited: its PID names nobody. */
	dead = fork();
	assert_true(dead != -1);
	if (dead == 0)
		_exit(0);
	assert_int_equal(waitpid(dead, NULL, 0), dead);

	snprintf(name, sizeof name, ".charta-import-%ld@%s-a1b2c3",
	    (long)dead, host);
	stale[0] = strdup(name);
	snprintf(name, sizeof name, ".charta-import-%ld@%s-a1b2c3-journal",
	    (long)dead, host);
	stale[1] = strdup(name);
	stale[2] = ".charta-import-Zq81xY";
	stale[3] = ".charta-import-Zq81xY-journal";
	snprintf(name, sizeof name, ".charta-import-%ld@%s-d4e5f6",
	    (long)getpid(), host);
	keep[0] = strdup(name);
	snprintf(name, sizeof name, ".charta-import-%ld@other.host-d4e5f6",
	    (long)dead);
	keep[1] = strdup(name);
	keep[2] = ".charta-import-Fresh1";
	keep[3] = ".charta-import-Fresh1-journal";
	for (i = 0; i < 4; i++) {
		spit(tpath(stale[i]), "x", 1);
		spit(tpath(keep[i]), "x", 1);
	}
	assert_int_equal(utimes(tpath(stale[2]), old), 0);
	assert_int_equal(utimes(tpath(stale[3]), old), 0);

	assert_int_equal(store_write_corpus(tpath("c.db"), c, &err), 0);
	for (i = 0; i < 4; i++) {
		if (access(tpath(stale[i]), F_OK) == 0) {
			fprintf(stderr, "%s was left\n", stale[i]);
			fail();
		}
		if (access(tpath(keep[i]), F_OK) != 0) {
			fprintf(stderr, "%s was removed\n", keep[i]);
			fail();
		}
	}
	/* Its own name says whose it is: none of its own is left. */
	assert_int_equal(count_prefix(tmpdir, ".charta-import-"), 4);
	free((char *)stale[0]);
	free((char *)stale[1]);
	free((char *)keep[0]);
	free((char *)keep[1]);
	corpus_free(c);
}

/*
 * A damaged node names its document; a text over the limit is said in
 * charta's words, not SQLite's "string or blob too big".
 */
static void
test_refuse_named(void **state)
{
	expect_refusal(craft("named.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,7,'section','1','','One',x'',0,5);"),
	    "document 'd': malformed node 2 (parent)");
	expect_refusal(craft("over.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'paragraph','p1','','',"
	    "zeroblob(1048577),0,0);"), "text of node 2 is larger than the "
	    "1048576-byte limit (1 MiB)");
	expect_refusal(craft("huge.db", DOC1 ROOT1
	    "INSERT INTO node VALUES(2,1,1,'paragraph','p1','','',"
	    "zeroblob(3000000),0,0);"), "text of node 2 is larger than the "
	    "1048576-byte limit (1 MiB)");
}

/*
 * A hot journal (a writer died in the middle of a transaction) cannot be
 * rolled back by a reader that only reads: it says what to do.
 */
static void
test_refuse_hot_journal(void **state)
{
	struct corpus	*c = make_corpus();
	const char	*db = tpath("hot.db");
	char		*err = NULL;
	pid_t		 pid;
	struct stat	 sb;

	assert_int_equal(store_write_corpus(db, c, &err), 0);
	corpus_free(c);
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		sqlite3	*h;

		/* Changed pages reach the file before the commit, then die. */
		if (sqlite3_open(db, &h) != SQLITE_OK ||
		    sqlite3_exec(h, "PRAGMA cache_size=1; BEGIN; UPDATE node "
		    "SET title = title || 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx', "
		    "body = zeroblob(3000)", NULL, NULL, NULL) != SQLITE_OK)
			_exit(1);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	assert_int_equal(stat(tpath("hot.db-journal"), &sb), 0);
	expect_refusal(db, "needs recovery: an interrupted write left its "
	    "-journal beside it; open it once with write access");
}

/*
 * The shipped corpus and the user's, as one: the user's documents after,
 * marked as theirs, with their links; a damaged user corpus or a user
 * document named as a shipped one is left out with a note, never the
 * shipped corpus.
 */
static void
test_load_corpora(void **state)
{
	struct corpus	*shipped = make_corpus(), *user = corpus_new(), *l;
	/* (tpath's buffers are reused: these must last.) */
	char		*sp = strdup(tpath("shipped.db"));
	char		*up = strdup(tpath("user.db"));
	char		*err = NULL, *notes = NULL;
	uint32_t	 a, b, n;

	assert_int_equal(store_write_corpus(sp, shipped, &err), 0);
	assert_int_equal(import_markdown(user, "mine.md", S("---\nslug: mine\n"
	    "alias: my\ntitle: Mine\n---\n\n# One\n\nText.\n\n"
	    "# Two\n\nMore.\n"), &err), 0);
	assert_int_equal(corpus_finish(user, &a, &b), 0);
	corpus_add_link(user, corpus_resolve(user, S("mine:1.p1")),
	    corpus_resolve(user, S("mine:2.p1")), "summarizes", "n");
	assert_int_equal(store_write_corpus(up, user, &err), 0);

	l = store_load_corpora(sp, up, &notes, &err);
	assert_non_null(l);
	assert_null(notes);
	assert_int_equal(l->ndocs, shipped->ndocs + 1);
	n = corpus_find_doc(l, S("my"));
	assert_int_equal(n, shipped->ndocs);
	assert_int_equal(l->docs[n].origin, CORPUS_USER);
	assert_int_equal(l->docs[0].origin, CORPUS_SHIPPED);
	assert_int_equal(l->nodes[corpus_resolve(l, S("mine:2.p1"))].text[0],
	    'M');
	assert_int_equal(l->nlinks, shipped->nlinks + 1);
	assert_int_equal(l->links[l->nlinks - 1].from,
	    corpus_resolve(l, S("mine:1.p1")));
	assert_int_equal(l->links[l->nlinks - 1].to,
	    corpus_resolve(l, S("mine:2.p1")));
	corpus_free(l);

	/* No user corpus: the shipped one alone, nothing said. */
	l = store_load_corpora(sp, tpath("none.db"), &notes, &err);
	assert_non_null(l);
	assert_null(notes);
	assert_int_equal(l->ndocs, shipped->ndocs);
	corpus_free(l);

	/* A damaged user corpus: the shipped one all the same. */
	spit(tpath("bad.db"), "not a database at all\n", 22);
	l = store_load_corpora(sp, tpath("bad.db"), &notes, &err);
	assert_non_null(l);
	assert_int_equal(l->ndocs, shipped->ndocs);
	assert_non_null(notes);
	assert_non_null(strstr(notes, "bad.db: not a charta database; your "
	    "own documents are not shown"));
	free(notes);
	corpus_free(l);

	/* A user document named as a shipped one is left out, the rest not. */
	corpus_free(user);
	user = corpus_new();
	assert_int_equal(import_markdown(user, "mine.md", S("---\nslug: mine\n"
	    "title: Mine\n---\n\nText.\n"), &err), 0);
	assert_int_equal(import_markdown(user, "x.md", S("---\nslug: x\n"
	    "alias: mfa\ntitle: X\n---\n\nText.\n"), &err), 0);
	assert_int_equal(corpus_finish(user, &a, &b), 0);
	assert_int_equal(store_write_corpus(up, user, &err), 0);
	l = store_load_corpora(sp, up, &notes, &err);
	assert_non_null(l);
	assert_int_equal(l->ndocs, shipped->ndocs + 1);
	assert_int_not_equal(corpus_find_doc(l, S("mine")), CORPUS_NONE);
	assert_int_equal(corpus_find_doc(l, S("x")), CORPUS_NONE);
	assert_non_null(notes);
	assert_non_null(strstr(notes, "your document 'x' is not shown: 'mfa' "
	    "names a shipped document too"));
	free(notes);
	corpus_free(l);

	/* The shipped corpus failing is the error. */
	assert_null(store_load_corpora(tpath("none.db"), up, &notes, &err));
	assert_non_null(strstr(err, "No such file"));
	free(err);
	free(notes);
	free(sp);
	free(up);
	corpus_free(user);
	corpus_free(shipped);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_load_is_read_only, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_round_trip_limits, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_crafted_good, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refuse_files, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refuse_foreign, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refuse_schema, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refuse_documents, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refuse_nodes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refuse_truncated, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_split_load, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refuse_corrupt_page, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_verdict_cache, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_verdict_identity, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_write_replaces, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_write_fails_cleanly, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_write_readonly_dir, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_write_disk_full, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_write_cleans_stale, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refuse_named, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refuse_hot_journal, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_load_corpora, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_load_head, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_load_head_doc, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
