/*
 * schema.c -- the corpus schema (version STORE_SCHEMA_VERSION).
 *
 * Nodes are stored in reading order: node.id is the node's index in the
 * in-memory corpus plus one, and a parent always has a smaller id than its
 * children, which is what lets the loader reject cycles by a comparison.
 * There are deliberately no UNIQUE constraints: the importer checks
 * uniqueness itself and reports it with file and line, and the loader
 * checks it again when it builds the reference index.
 *
 * Versions.  1: the first.  2: the document table gains author,
 * translator, publisher, container and url (citation metadata); a version
 * 1 file is read with those empty.  The reader needs the columns of its
 * version with their declared types, and ignores everything else: more
 * columns, more tables, views, indexes (a newer charta may add them).
 */
#include "config.h"

#include <stddef.h>

#include "store/schema.h"

#define NCOLS(a)	((int)(sizeof (a) / sizeof (a)[0]))

static const struct schema_column schema_document[] = {
	{ "id", "INTEGER", 1 }, { "slug", "TEXT", 1 },
	{ "alias", "TEXT", 1 }, { "title", "TEXT", 1 },
	{ "short", "TEXT", 1 }, { "issuer", "TEXT", 1 },
	{ "date", "TEXT", 1 }, { "language", "TEXT", 1 },
	{ "source", "TEXT", 1 }, { "work", "TEXT", 1 },
	{ "kind", "TEXT", 1 }, { "file", "TEXT", 1 },
	{ "author", "TEXT", 2 }, { "translator", "TEXT", 2 },
	{ "publisher", "TEXT", 2 }, { "container", "TEXT", 2 },
	{ "url", "TEXT", 2 },
};

static const struct schema_column schema_node[] = {
	{ "id", "INTEGER", 1 }, { "doc", "INTEGER", 1 },
	{ "parent", "INTEGER", 1 }, { "kind", "TEXT", 1 },
	{ "label", "TEXT", 1 }, { "anchor", "TEXT", 1 },
	{ "title", "TEXT", 1 }, { "body", "BLOB", 1 },
	{ "page", "INTEGER", 1 }, { "line", "INTEGER", 1 },
};

static const struct schema_column schema_link[] = {
	{ "id", "INTEGER", 1 }, { "a", "TEXT", 1 }, { "b", "TEXT", 1 },
	{ "relation", "TEXT", 1 }, { "note", "TEXT", 1 },
};

const struct schema_table schema_tables[] = {
	{ .name = "document", .sql =
	    "CREATE TABLE document(id INTEGER PRIMARY KEY, "
	    "slug TEXT NOT NULL, alias TEXT NOT NULL, title TEXT NOT NULL, "
	    "short TEXT NOT NULL, issuer TEXT NOT NULL, date TEXT NOT NULL, "
	    "language TEXT NOT NULL, source TEXT NOT NULL, "
	    "work TEXT NOT NULL, kind TEXT NOT NULL, file TEXT NOT NULL, "
	    "author TEXT NOT NULL, translator TEXT NOT NULL, "
	    "publisher TEXT NOT NULL, container TEXT NOT NULL, "
	    "url TEXT NOT NULL)",
	  .columns = schema_document, .ncolumns = NCOLS(schema_document) },
	{ .name = "node", .sql =
	    "CREATE TABLE node(id INTEGER PRIMARY KEY, "
	    "doc INTEGER NOT NULL, parent INTEGER, kind TEXT NOT NULL, "
	    "label TEXT NOT NULL, anchor TEXT NOT NULL, title TEXT NOT NULL, "
	    "body BLOB NOT NULL, page INTEGER NOT NULL, "
	    "line INTEGER NOT NULL)",
	  .columns = schema_node, .ncolumns = NCOLS(schema_node) },
	{ .name = "link", .sql =
	    "CREATE TABLE link(id INTEGER PRIMARY KEY, a TEXT NOT NULL, "
	    "b TEXT NOT NULL, relation TEXT NOT NULL, note TEXT NOT NULL)",
	  .columns = schema_link, .ncolumns = NCOLS(schema_link) },
};
const int schema_ntables = NCOLS(schema_tables);
