/*
 * state.h -- the user's own state: prompt histories, reading positions,
 * marks, notes and note drafts, kept in $XDG_DATA_HOME/charta/state.db
 * (userdir.h), apart from the corpus, which is never written.
 *
 * Never blocking the reader.  The reader's thread never waits for SQLite:
 * state_open starts a writer thread, which opens, checks and loads the
 * file; every change is applied at once to a copy of the state in memory
 * (so reads see it) and queued for the writer thread, which commits it.
 * While another process holds the database locked the writer retries,
 * with a growing pause, until the change lands; nothing is dropped.  The
 * reader learns what happens through state_event_fd (readable when the
 * status changes), state_poll and state_status, and at quit state_flush or
 * state_close_with say what could not be saved.
 *
 * Threads.  Every function here is called from one thread, the reader's
 * (the writer thread is internal).
 *
 * Durability.  Every batch of changes is one BEGIN IMMEDIATE transaction,
 * in WAL mode (a rollback journal on NFS, SMB and FUSE, where WAL's shared
 * memory does not work), with synchronous=FULL: a change is durable -- it
 * survives a crash of charta, of the system, or a power cut -- once it is
 * committed, which state_flush reports.  NORMAL would lose the last
 * commits on a power cut.  FULL costs an fsync per commit, paid by the
 * writer thread, never by the reader: bench/state-bench.c (10,000 notes,
 * 1,000 marks, ext4, two cores shared under a load of 11) measured the
 * commit of one note at p50 14 ms, p99 29 ms with FULL, against 2 ms and
 * 12 ms with NORMAL, and of one mark at 10 and 25 ms against 8 and 18 ms.
 *
 * Damage.  A corrupt, truncated or foreign file is renamed aside
 * (state.db.corrupt-YYYYmmddHHMMSS, with its -wal and -shm), never deleted,
 * and a new one started, with a message.  A newer charta's file is opened
 * read-only: it is read, nothing is written to it.  A symbolic link, or a
 * file that belongs to someone else, is refused.  Failing to keep state
 * never stops the reader: it degrades to a message and reading goes on.
 *
 * Strings.  Every string is stored and returned byte for byte as given;
 * the store never interprets them (they may hold escape sequences, bidi
 * controls or invalid UTF-8: the reader sanitizes what it displays).
 * Strings given to a function are copied; strings returned are the
 * caller's, freed with the matching _free function.
 *
 * Return values of the changing functions: 0, the change is accepted (in
 * memory now, committed soon: see state_status); 1, it is not kept because
 * the file is a newer charta's, opened read-only (state_open said so);
 * -1, it is refused, with a message in *err (malloc'ed) -- a bad argument
 * (too long, an unknown name or id), or no usable state file.  With a
 * NULL state they return -1 and set *err to NULL: state_open has already
 * said why there is no state.
 */
#ifndef CHARTA_STATE_H
#define CHARTA_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct state;

/* PRAGMA application_id of a state database: "CHST". */
#define STATE_APPLICATION_ID	0x43485354
/* PRAGMA user_version: 1 held the histories; 2 adds the study layer. */
#define STATE_SCHEMA_VERSION	2
/* Entries kept per history kind. */
#define STATE_HISTORY_MAX	500
/* The longest mark name, in bytes. */
#define STATE_MARK_NAME_MAX	64
/* The longest note or draft body, in bytes (1 MiB). */
#define STATE_NOTE_MAX		(1024 * 1024)
/* The longest of any other string (label, slug, quote, history entry). */
#define STATE_STRING_MAX	(64 * 1024)
/* The most expanded outline nodes kept in a reading position. */
#define STATE_OPEN_MAX		100000
/* An id (of a note or a mark): a UUID, 36 characters and a NUL. */
#define STATE_ID_SIZE		37
/* How long state_open waits for the file to be opened and loaded. */
#define STATE_OPEN_WAIT_MS	30
/* How long state_close waits for pending changes to be committed. */
#define STATE_CLOSE_WAIT_MS	2000

/* The journal: WAL unless the file is on a network file system. */
enum state_journal {
	STATE_JOURNAL_AUTO,
	STATE_JOURNAL_WAL,
	STATE_JOURNAL_ROLLBACK
};

/* PRAGMA synchronous: FULL (the default) or NORMAL (for measuring). */
enum state_sync {
	STATE_SYNC_FULL,
	STATE_SYNC_NORMAL
};

struct state_options {
	const char		*path;	  /* NULL: userdir_path("state.db") */
	int			 wait_ms; /* for state_open; < 0: till done */
	enum state_journal	 journal;
	enum state_sync		 sync;
	bool			 held;	  /* not opened till state_release */
};

/*
 * Where a mark or a note is set.  The logical target is work + anchor
 * when the document belongs to a work and the node has an anchor there
 * (a note on mfa:II.2.p3 also shows at un:II.2.p3), else slug + label;
 * slug and label always say where it was set.  work and anchor are both
 * NULL or both set; slug and label are never NULL.  The store does not
 * know the corpus: the caller gives these strings.
 */
struct state_anchor {
	char	*work;
	char	*anchor;
	char	*slug;
	char	*label;
};

/* A W3C text-quote selector (Web Annotation); any part may be NULL. */
struct state_quote {
	char	*exact;
	char	*prefix;
	char	*suffix;
};

/* A reading position in one document. */
struct state_position {
	char	 *slug;		/* the document */
	char	 *top_label;	/* the node at the top of the text pane */
	char	 *top_anchor;	/* its anchor, or NULL */
	uint64_t  top_offset;	/* the byte offset into its text */
	char	 *sel_label;	/* the selected node, or NULL */
	char	**open;		/* labels of the expanded outline nodes */
	size_t	  nopen;	/* (a set: their order is not kept) */
	int	  focus;	/* the focused pane, in the caller's terms */
	int64_t	  updated;	/* when saved (seconds since 1970); output */
};

struct state_mark {
	char			id[STATE_ID_SIZE];
	char			*name;	  /* 1 to STATE_MARK_NAME_MAX bytes */
	struct state_anchor	 at;
	int64_t			 created; /* seconds since 1970 */
	int64_t			 deleted; /* when deleted, or 0 */
};

/* The reader decides whether a note's anchor is still in the corpus. */
enum state_note_status {
	STATE_NOTE_ATTACHED,
	STATE_NOTE_ORPHANED
};

struct state_note {
	char			 id[STATE_ID_SIZE];
	struct state_anchor	 at;
	struct state_quote	 quote;
	char			*body;	/* up to STATE_NOTE_MAX bytes */
	int64_t			 created;
	int64_t			 modified;
	int64_t			 deleted;	/* when deleted, or 0 */
	enum state_note_status	 status;
};

/*
 * The text of a note being edited, saved when the terminal went away: of
 * an existing note (note_id set), or of a new one (note_id "", keyed by its
 * logical target, as in struct state_anchor).  One draft per key.
 */
struct state_draft {
	char			 note_id[STATE_ID_SIZE];
	struct state_anchor	 at;
	struct state_quote	 quote;
	char			*body;	/* up to STATE_NOTE_MAX bytes */
	int64_t			 saved;	/* output */
};

/* What state_status reports. */
struct state_status {
	size_t	 pending;	/* changes not yet committed */
	bool	 loaded;	/* the file's contents are in memory */
	bool	 locked;	/* the last try found it locked by another */
	bool	 readonly;	/* a newer charta's file: nothing is written */
	bool	 disabled;	/* no usable file: nothing will be written */
	char	*error;		/* the last failure, or NULL (malloc'ed) */
};

/* Bits of what state_poll returns. */
#define STATE_EVENT_LOADED	0x1	/* the file's contents arrived */
#define STATE_EVENT_STATUS	0x2	/* the status changed */
#define STATE_EVENT_MESSAGE	0x4	/* *message is set */

/* Which marks and notes the list functions return. */
#define STATE_LIST_LIVE		0x1
#define STATE_LIST_DELETED	0x2
#define STATE_LIST_ALL		(STATE_LIST_LIVE | STATE_LIST_DELETED)

/* ---------------------------------------------------------- open, close */

/*
 * Open the state at path (NULL: the default place, made and checked as
 * userdir.h says) and start the writer thread, which opens (creating it,
 * mode 0600, if need be), checks, upgrades and loads the file; wait up to
 * STATE_OPEN_WAIT_MS for that.  Returns the state, or NULL when there is
 * no usable file (the place is refused, or the file could not be opened
 * within the wait): reading goes on without state.  Either way *warning
 * may receive a message for the user (malloc'ed), or NULL.  If the file
 * is still being opened when this returns (locked by another process),
 * the state works at once (changes queue in memory) and what comes later
 * is told by state_poll.
 */
struct state	*state_open(const char *path, char **warning);

/*
 * state_open with options (NULL: the defaults, as state_open).  With
 * held, the writer thread does not open the file (and wait_ms is not
 * waited) until state_release, state_flush or state_close: a reader that
 * drew its first screen from a look into the file (state_peek_open) lets
 * it start after, so that the two do not share the processor meanwhile.
 */
struct state	*state_open_with(const struct state_options *,
		    char **warning);

/* Let a held state's writer thread open the file.  NULL: a no-op. */
void		 state_release(struct state *);

/*
 * Commit what is pending, waiting up to timeout_ms, stop the writer
 * thread and free the state.  Returns the number of changes that could
 * not be saved; if any, *message (malloc'ed) says how many and why, and
 * names the file they were written to instead (beside the state file,
 * state.db.unsaved-YYYYmmddHHMMSS.txt, mode 0600), so nothing the user
 * made is lost; else *message is NULL.  NULL is a no-op returning 0.
 */
size_t		 state_close_with(struct state *, int timeout_ms,
		    char **message);

/* state_close_with(STATE_CLOSE_WAIT_MS), its message dropped. */
void		 state_close(struct state *);

/*
 * The default path (a new string), creating and checking nothing; NULL
 * when there is no home directory at all (userdir_base).
 */
char		*state_default_path(void);

/* The path of the state file (the state's own string). */
const char	*state_path(const struct state *);

/* ----------------------------------------------- a look before the load */

/*
 * What the first screen needs, read before the writer thread has loaded
 * the file (state-peek.c): on the caller's thread, read-only, waiting for
 * no lock, changing nothing.  state_peek_open returns 1 with *out set; 0
 * if there is no file (or an empty one): nothing is kept yet; -1 if it
 * cannot look now (locked, damaged, not this charta's schema version,
 * any error): wait for the load instead.  The others read in one read
 * transaction; a query that fails voids the look, which state_peek_ok
 * and state_peek_close then report by returning false (true: every
 * answer so far was whole).  They
 * answer as the loaded state would: state_peek_last_doc as
 * state_last_doc, state_peek_position as state_position_load,
 * state_peek_marks as state_mark_list(STATE_LIST_LIVE) of the marks on
 * one of the targets (on its work and anchor, or its slug and label), and
 * state_peek_notes as the live notes, in the state's order, that are set
 * on one of the targets: on its work and anchor (when the target has
 * them) or on its slug and label; those of the first *nwhole targets
 * whole, the others' (unless also on one of those) without their text
 * and quote (body "", quote NULL): where they are, not what they say.
 * With enough, it is asked after each of the first *nwhole targets but
 * the last, with the target's index and how many live notes it has at
 * least; when it says true, the targets after that one are read as the
 * others.  *nwhole is then set to how many were read whole.
 * Results are the caller's, freed as the matching state_* ones.
 */
struct state_peek;
typedef bool	 state_peek_enough_fn(void *arg, size_t target,
		    size_t nnotes);
int		 state_peek_open(const char *path, struct state_peek **out);
char		*state_peek_last_doc(struct state_peek *);
struct state_position *state_peek_position(struct state_peek *,
		    const char *slug);
size_t		 state_peek_marks(struct state_peek *,
		    const struct state_anchor *targets, size_t ntargets,
		    struct state_mark **marks);
size_t		 state_peek_notes(struct state_peek *,
		    const struct state_anchor *targets, size_t ntargets,
		    size_t *nwhole, state_peek_enough_fn *enough, void *arg,
		    struct state_note **notes);
bool		 state_peek_ok(const struct state_peek *);
bool		 state_peek_close(struct state_peek *);

/* ------------------------------------------------------ status, events */

/*
 * A file descriptor that becomes readable when the status changes (a
 * change committed, the file loaded, locked, a failure); state_poll makes
 * it unreadable again.  While nothing is pending it stays quiet: the
 * reader may poll it with its terminal and sleep.  Owned by the state.
 */
int		 state_event_fd(const struct state *);

/*
 * Take in what the writer thread reports: returns STATE_EVENT_* bits and,
 * with STATE_EVENT_MESSAGE, a message for the user in *message
 * (malloc'ed; several are joined by newlines), else *message is NULL.
 */
unsigned int	 state_poll(struct state *, char **message);

/* The status now (free st->error with state_status_clear). */
void		 state_status(struct state *, struct state_status *);
void		 state_status_clear(struct state_status *);

/*
 * Commit what is pending now, retrying without pause, waiting up to
 * timeout_ms (< 0: without limit).  Returns the number of changes still
 * not saved: 0, all committed and durable; else *message (malloc'ed)
 * says how many and why (e.g. locked by another process, disk full),
 * else *message is NULL.  Ends a group (state_group_begin).
 */
size_t		 state_flush(struct state *, int timeout_ms, char **message);

/*
 * The changes made between state_group_begin and state_group_end are
 * committed in one transaction (the position and note draft saved on a
 * hang-up, a note saved and its draft discarded).  Groups do not nest.
 */
void		 state_group_begin(struct state *);
void		 state_group_end(struct state *);

/* ----------------------------------------------------------- histories */

/*
 * Add text to the history of kind ("filter", "command", "goto"), as its
 * newest entry (an equal older entry is removed; STATE_HISTORY_MAX are
 * kept).  Returns 0, 1 or -1 (see above).
 */
int		 state_history_add(struct state *, const char *kind,
		    const char *text, char **err);

/*
 * The history of kind, newest first: returns the count and stores a
 * malloc'ed array of malloc'ed strings in *items (free with
 * state_history_free); 0 and NULL for none or a NULL state.
 */
size_t		 state_history(struct state *, const char *kind,
		    char ***items);
void		 state_history_free(char **items, size_t n);

/* ------------------------------------------------------------ positions */

/*
 * Save the reading position of pos->slug (replacing the one there was).
 * pos->slug and pos->top_label must be set; updated is ignored.  Returns
 * 0, 1 or -1.
 */
int		 state_position_save(struct state *,
		    const struct state_position *, char **err);

/* A copy of the position of slug, or NULL if none. */
struct state_position *state_position_load(struct state *, const char *slug);
void		 state_position_free(struct state_position *);

/* Remember slug as the last document open; 0, 1 or -1. */
int		 state_last_doc_set(struct state *, const char *slug,
		    char **err);

/* The last document open (a new string), or NULL. */
char		*state_last_doc(struct state *);

/* ---------------------------------------------------------------- marks */

/*
 * Set mark name on at: a live mark of that name is replaced (it is kept as
 * deleted, so state_mark_undelete can bring it back).  Returns 0, 1 or -1.
 */
int		 state_mark_set(struct state *, const char *name,
		    const struct state_anchor *at, char **err);

/*
 * Rename the live mark name to newname; -1 if there is no such mark or
 * newname is taken.
 */
int		 state_mark_rename(struct state *, const char *name,
		    const char *newname, char **err);

/*
 * Delete the live mark name: it is kept, marked deleted, and its id is
 * stored in id (for state_mark_undelete).  -1 if there is none.
 */
int		 state_mark_delete(struct state *, const char *name,
		    char id[STATE_ID_SIZE], char **err);

/* Bring back deleted mark id; -1 if unknown, or its name is taken. */
int		 state_mark_undelete(struct state *, const char *id,
		    char **err);

/* A copy of the live mark name, or NULL (free with state_marks_free). */
struct state_mark *state_mark_get(struct state *, const char *name);

/*
 * The marks (STATE_LIST_* in which), live ones by name, then deleted ones,
 * most recently deleted first: returns the count, the array in *marks.
 */
size_t		 state_mark_list(struct state *, int which,
		    struct state_mark **marks);
void		 state_marks_free(struct state_mark *, size_t n);

/* ---------------------------------------------------------------- notes */

/*
 * Add a note on at, with quote (NULL: none) and body; its new id is
 * stored in id.  Returns 0, 1 or -1.
 */
int		 state_note_add(struct state *, const struct state_anchor *at,
		    const struct state_quote *quote, const char *body,
		    char id[STATE_ID_SIZE], char **err);

/*
 * Add note n as it is, keeping its times and status (a note read back
 * from an export, charta notes --import), and its id: a UUID in the form
 * state_note_add makes, used by no note here, live or deleted (-1
 * otherwise); or "" for a new one.  The id is stored in id.  n->deleted
 * must be 0, created and modified not negative.  Call it once the file
 * is loaded (state_status: loaded), so that the ids of its notes are
 * known.  Returns 0, 1 or -1.
 */
int		 state_note_import(struct state *, const struct state_note *n,
		    char id[STATE_ID_SIZE], char **err);

/* True if id is a UUID in the form state_note_add makes (lower case). */
bool		 state_id_valid(const char *id);

/*
 * Change note id's body, and its quote unless quote is NULL (a re-attached
 * note); the modified time is now.  -1 if there is no such note.
 */
int		 state_note_update(struct state *, const char *id,
		    const char *body, const struct state_quote *quote,
		    char **err);

/*
 * Move note id to at (re-attached by its quote after a re-import); it is
 * attached again; its body, quote and times are kept.  0, 1 or -1.
 */
int		 state_note_move(struct state *, const char *id,
		    const struct state_anchor *at, char **err);

/* Delete note id (kept, marked deleted) or bring it back; 0, 1 or -1. */
int		 state_note_delete(struct state *, const char *id, char **err);
int		 state_note_undelete(struct state *, const char *id,
		    char **err);

/* Record the reader's verdict on note id's anchor; 0, 1 or -1. */
int		 state_note_set_status(struct state *, const char *id,
		    enum state_note_status, char **err);

/*
 * A copy of the live note id, or NULL if there is none (or it is deleted):
 * one note, not the 10,000 state_note_list copies.  Free it with
 * state_notes_free(note, 1).
 */
struct state_note *state_note_get(struct state *, const char *id);

/*
 * The notes (STATE_LIST_* in which) whose logical target is that of
 * target (NULL: all), in the order they were added: returns the count,
 * the array in *notes (free with state_notes_free).
 */
size_t		 state_note_list(struct state *,
		    const struct state_anchor *target, int which,
		    struct state_note **notes);
void		 state_notes_free(struct state_note *, size_t n);

/*
 * The notes as the state keeps them, without copying them (10,000 notes
 * copied are megabytes of memory to fault in): returns how many, live and
 * deleted, in the order they were added, and points *notes at the state's
 * own array (NULL if none).  They are the state's: read them, change and
 * free nothing, and only until the next call of any other state_*
 * function on this state, which may change or replace them: copy what
 * is kept longer (an id).
 */
size_t		 state_note_view(struct state *,
		    const struct state_note **notes);

/* --------------------------------------------------------------- drafts */

/* Save a draft, replacing the one with the same key; 0, 1 or -1. */
int		 state_draft_save(struct state *, const struct state_draft *,
		    char **err);

/* The drafts, in the order they were saved: the count, the array. */
size_t		 state_draft_list(struct state *, struct state_draft **drafts);

/*
 * Discard the draft with the key of d (its note_id, else its logical
 * target); 0 also when there is none, 1 or -1.
 */
int		 state_draft_discard(struct state *, const struct state_draft *d,
		    char **err);
void		 state_drafts_free(struct state_draft *, size_t n);

#endif /* CHARTA_STATE_H */
