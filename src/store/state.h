/*
 * state.h -- the user's own state (filter history now), kept in
 * $XDG_DATA_HOME/charta/state.db, apart from the corpus, which is never
 * written.
 *
 * Every change is one BEGIN IMMEDIATE transaction with a busy timeout, in
 * WAL mode (a rollback journal on network file systems, where WAL's shared
 * memory does not work).  Failing to keep state never stops the reader: it
 * degrades to a warning and reading goes on.
 */
#ifndef CHARTA_STATE_H
#define CHARTA_STATE_H

#include <stddef.h>

struct state;

/* PRAGMA application_id of a state database: "CHST". */
#define STATE_APPLICATION_ID	0x43485354
#define STATE_SCHEMA_VERSION	1
/* Entries kept per history kind. */
#define STATE_HISTORY_MAX	500

/*
 * Open (creating it, and its directory with mode 0700, if need be) the
 * state database at path, or at the default place if path is NULL.  A
 * corrupt file is renamed aside (state.db.corrupt-YYYYmmddHHMMSS), never
 * deleted, and a new one started.  A newer charta's file is opened
 * read-only: its history is read, nothing is written to it.  Returns the
 * state, or NULL; either way *warning may receive a message for the user
 * (malloc'ed) or NULL.
 */
struct state	*state_open(const char *path, char **warning);

/* Close the state database; NULL is a no-op. */
void		 state_close(struct state *);

/* The default path: $XDG_DATA_HOME/charta/state.db (new string). */
char		*state_default_path(void);

/*
 * Add text to the history of kind ("filter"), as its newest entry (an
 * equal older entry is removed).  Returns 0; 1 if nothing was written
 * because the file is a newer charta's, opened read-only (state_open
 * warned of that); or -1 with a message in *err.
 */
int		 state_history_add(struct state *, const char *kind,
		    const char *text, char **err);

/*
 * The history of kind, newest first, at most STATE_HISTORY_MAX entries:
 * returns the count and stores a malloc'ed array of malloc'ed strings in
 * *items (free with state_history_free).
 */
size_t		 state_history(struct state *, const char *kind,
		    char ***items);

/* Free what state_history returned. */
void		 state_history_free(char **items, size_t n);

#endif /* CHARTA_STATE_H */
