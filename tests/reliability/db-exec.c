/*
 * db-exec.c -- run SQL on an SQLite database, for the reliability tests:
 * they make hostile corpus databases with it (a foreign application_id, a
 * newer schema, an extra table, a trigger, a view) and check state
 * databases (PRAGMA integrity_check), without depending on the sqlite3
 * command-line shell.
 *
 * Usage: db-exec DB SQL...
 *
 * Opens DB read-write (creating it if need be), runs each SQL argument
 * with sqlite3_exec and prints every result row, its columns separated by
 * '|' (NULL prints as nothing).  Exits 0, or 1 with a message on standard
 * error at the first failure, or 2 on bad usage.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

static int
db_exec_row(void *arg, int n, char **values, char **names)
{
	int	i;

	(void)arg;
	(void)names;
	for (i = 0; i < n; i++) {
		if (i > 0)
			putchar('|');
		if (values[i] != NULL)
			fputs(values[i], stdout);
	}
	putchar('\n');
	return 0;
}

int
main(int argc, char **argv)
{
	sqlite3	*db;
	char	*err = NULL;
	int	 i, rc;

	if (argc < 3) {
		fprintf(stderr, "usage: db-exec DB SQL...\n");
		return 2;
	}
	rc = sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "db-exec: %s: %s\n", argv[1],
		    db != NULL ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return 1;
	}
	sqlite3_busy_timeout(db, 5000);
	for (i = 2; i < argc; i++) {
		rc = sqlite3_exec(db, argv[i], db_exec_row, NULL, &err);
		if (rc != SQLITE_OK) {
			fprintf(stderr, "db-exec: %s: %s: %s\n", argv[1],
			    argv[i], err != NULL ? err : sqlite3_errstr(rc));
			sqlite3_free(err);
			sqlite3_close(db);
			return 1;
		}
	}
	if (fflush(stdout) != 0 || sqlite3_close(db) != SQLITE_OK) {
		fprintf(stderr, "db-exec: %s: cannot finish\n", argv[1]);
		return 1;
	}
	return 0;
}
