/*
 * state-schema.c -- the state file's schema, its upgrade from version 1,
 * and the compact form of a set of labels.
 *
 * Version 1 (charta 0.1) held the histories only.  Version 2 adds the study
 * layer; an upgrade only adds tables, so a version 1 file keeps all it
 * holds.  A charta that knows version 1 opens a version 2 file read-only.
 *
 * Marks and notes are never removed by charta: a deletion sets `deleted`
 * (the time), which undoing clears.  At most one live mark has a name
 * (mark_live); a mark replaced by another of its name becomes deleted.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/state-private.h"
#include "util/xmalloc.h"

/* Version 1's schema, which version 2 keeps as it is. */
#define STATE_SCHEMA_V1 \
	"CREATE TABLE IF NOT EXISTS history(id INTEGER PRIMARY KEY, " \
	"kind TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL);" \
	"CREATE INDEX IF NOT EXISTS history_kind ON history(kind, id);"

/* What version 2 adds.  Times are seconds since 1970. */
#define STATE_SCHEMA_V2 \
	"CREATE TABLE IF NOT EXISTS reading_position(" \
	"slug TEXT PRIMARY KEY NOT NULL, top_label TEXT NOT NULL, " \
	"top_anchor TEXT, top_offset INTEGER NOT NULL, sel_label TEXT, " \
	"open_labels BLOB, focus INTEGER NOT NULL, updated INTEGER NOT NULL);" \
	"CREATE TABLE IF NOT EXISTS setting(name TEXT PRIMARY KEY NOT NULL, " \
	"value TEXT);" \
	"CREATE TABLE IF NOT EXISTS mark(id TEXT PRIMARY KEY NOT NULL, " \
	"name TEXT NOT NULL, work TEXT, anchor TEXT, slug TEXT NOT NULL, " \
	"label TEXT NOT NULL, created INTEGER NOT NULL, deleted INTEGER);" \
	"CREATE UNIQUE INDEX IF NOT EXISTS mark_live ON mark(name) " \
	"WHERE deleted IS NULL;" \
	"CREATE TABLE IF NOT EXISTS note(id TEXT PRIMARY KEY NOT NULL, " \
	"work TEXT, anchor TEXT, slug TEXT NOT NULL, label TEXT NOT NULL, " \
	"exact TEXT, prefix TEXT, suffix TEXT, body TEXT NOT NULL, " \
	"created INTEGER NOT NULL, modified INTEGER NOT NULL, " \
	"status INTEGER NOT NULL DEFAULT 0, deleted INTEGER);" \
	"CREATE INDEX IF NOT EXISTS note_work ON note(work, anchor);" \
	"CREATE INDEX IF NOT EXISTS note_doc ON note(slug, label);" \
	"CREATE TABLE IF NOT EXISTS note_draft(key TEXT PRIMARY KEY NOT NULL, " \
	"note_id TEXT, work TEXT, anchor TEXT, slug TEXT NOT NULL, " \
	"label TEXT NOT NULL, exact TEXT, prefix TEXT, suffix TEXT, " \
	"body TEXT NOT NULL, saved INTEGER NOT NULL);"

/* The tables a version 2 file must have. */
static const char *const state_tables[] = {
	"history", "reading_position", "setting", "mark", "note", "note_draft"
};

/* Run sql in one BEGIN IMMEDIATE transaction; an SQLite code. */
static int
state_schema_exec(sqlite3 *db, const char *sql)
{
	char	*all;
	int	 rc;

	all = xasprintf("BEGIN IMMEDIATE; %s PRAGMA application_id=%d; "
	    "PRAGMA user_version=%d; COMMIT", sql, STATE_APPLICATION_ID,
	    STATE_SCHEMA_VERSION);
	rc = sqlite3_exec(db, all, NULL, NULL, NULL);
	free(all);
	if (rc != SQLITE_OK)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int
state_schema_create(sqlite3 *db)
{
	return state_schema_exec(db, STATE_SCHEMA_V1 STATE_SCHEMA_V2);
}

/*
 * Every statement is CREATE ... IF NOT EXISTS: two charta upgrading the
 * same file at once both succeed.
 */
int
state_schema_upgrade(sqlite3 *db, int from)
{
	(void)from;	/* 1 is the only older version */
	return state_schema_exec(db, STATE_SCHEMA_V1 STATE_SCHEMA_V2);
}

/* SQLITE_OK if every table is there, SQLITE_CORRUPT if one is missing. */
int
state_schema_check(sqlite3 *db)
{
	sqlite3_stmt	*stmt;
	size_t		 i;
	int		 rc = SQLITE_OK, found;

	rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema "
	    "WHERE type = 'table' AND name = ?", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	for (i = 0; i < sizeof state_tables / sizeof *state_tables; i++) {
		sqlite3_bind_text(stmt, 1, state_tables[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		if (rc != SQLITE_ROW)
			break;
		found = sqlite3_column_int(stmt, 0);
		sqlite3_reset(stmt);
		rc = found == 1 ? SQLITE_OK : SQLITE_CORRUPT;
		if (rc != SQLITE_OK)
			break;
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* ------------------------------------------------------ sets of labels */

static int
state_labels_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The expanded nodes of an outline share long prefixes ("II.2", "II.2.p3"):
 * sorted and front-coded, each label is a byte with the length of the
 * prefix it shares with the one before (at most 255), the rest of it, and
 * a NUL (labels are C strings: they hold no NUL).  Returns the blob
 * (malloc'ed; NULL for none) and its length in *len.
 */
void *
state_labels_encode(char *const *labels, size_t n, size_t *len)
{
	char		**sorted;
	unsigned char	 *out;
	size_t		  i, cap = 0, used = 0, shared, rest;
	const char	 *prev = "";

	*len = 0;
	if (n == 0)
		return NULL;
	sorted = xreallocarray(NULL, n, sizeof *sorted);
	memcpy(sorted, labels, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, state_labels_cmp);
	for (i = 0; i < n; i++)
		cap += strlen(sorted[i]) + 2;
	out = xmalloc(cap);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(sorted[i], prev) == 0)
			continue;	/* a set */
		for (shared = 0; shared < 255 && prev[shared] != '\0' &&
		    prev[shared] == sorted[i][shared]; shared++)
			;
		rest = strlen(sorted[i] + shared);
		out[used++] = (unsigned char)shared;
		memcpy(out + used, sorted[i] + shared, rest + 1);
		used += rest + 1;
		prev = sorted[i];
	}
	free(sorted);
	*len = used;
	return out;
}

/*
 * The labels of a blob state_labels_encode made, in *labels (a malloc'ed
 * array of malloc'ed strings); returns their number.  A damaged blob
 * gives the labels up to the damage (it only says which nodes were open).
 */
size_t
state_labels_decode(const void *blob, size_t len, char ***labels)
{
	const unsigned char	*p = blob, *end = p + len, *nul;
	char			*prev = NULL, *cur;
	size_t			 n = 0, shared, prevlen = 0, rest;

	*labels = NULL;
	while (p < end && n < STATE_OPEN_MAX) {
		shared = *p++;
		if (shared > prevlen ||
		    (nul = memchr(p, '\0', (size_t)(end - p))) == NULL)
			break;
		rest = (size_t)(nul - p);
		cur = xmalloc(shared + rest + 1);
		if (shared > 0)
			memcpy(cur, prev, shared);
		memcpy(cur + shared, p, rest + 1);
		*labels = xreallocarray(*labels, n + 1, sizeof **labels);
		(*labels)[n++] = cur;
		prev = cur;
		prevlen = shared + rest;
		p = nul + 1;
	}
	return n;
}
