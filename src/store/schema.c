/*
 * schema.c -- the corpus schema (version STORE_SCHEMA_VERSION).
 *
 * Nodes are stored in reading order: node.id is the node's index in the
 * in-memory corpus plus one, and a parent always has a smaller id than its
 * children, which is what lets the loader reject cycles by a comparison.
 * There are deliberately no UNIQUE constraints: the importer checks
 * uniqueness itself and reports it with file and line, and the loader
 * checks it again when it builds the reference index.
 */
#include "config.h"

#include "store/schema.h"

const struct schema_table schema_tables[] = {
	{ .name = "document", .sql =
	    "CREATE TABLE document(id INTEGER PRIMARY KEY, "
	    "slug TEXT NOT NULL, alias TEXT NOT NULL, title TEXT NOT NULL, "
	    "short TEXT NOT NULL, issuer TEXT NOT NULL, date TEXT NOT NULL, "
	    "language TEXT NOT NULL, source TEXT NOT NULL, "
	    "work TEXT NOT NULL, kind TEXT NOT NULL, file TEXT NOT NULL)" },
	{ .name = "node", .sql =
	    "CREATE TABLE node(id INTEGER PRIMARY KEY, "
	    "doc INTEGER NOT NULL, parent INTEGER, kind TEXT NOT NULL, "
	    "label TEXT NOT NULL, anchor TEXT NOT NULL, title TEXT NOT NULL, "
	    "body BLOB NOT NULL, page INTEGER NOT NULL, "
	    "line INTEGER NOT NULL)" },
	{ .name = "link", .sql =
	    "CREATE TABLE link(id INTEGER PRIMARY KEY, a TEXT NOT NULL, "
	    "b TEXT NOT NULL, relation TEXT NOT NULL, note TEXT NOT NULL)" },
};
const int schema_ntables = sizeof schema_tables / sizeof schema_tables[0];
