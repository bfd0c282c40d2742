/*
 * state-private.h -- what the files of the state store share (state.h is
 * the interface).  Not for use outside src/store/state*.c.
 *
 * The parts:
 *   state.c, state-mark.c, state-note.c
 *		the interface: check the arguments against the state in
 *		memory, make a change (struct state_op) and submit it
 *   state-model.c	the state in memory and how a change applies to it
 *   state-op.c		changes, queues, ids
 *   state-worker.c	the writer thread: the queue, retries, status,
 *			events, flush
 *   state-db.c		opening, checking, upgrading, loading the file
 *   state-schema.c	the schema and its upgrade
 *   state-save.c	how a change is written in SQL
 *   state-rescue.c	writing what could not be saved to a text file
 *
 * The state in memory (struct state_model) belongs to the reader's
 * thread; the writer thread loads a model of its own from the file and
 * hands it over (state->loaded), and the reader's thread adopts it,
 * applying again the changes made before it arrived (state->replay).
 * Changes go to the writer thread through state->queue, under state->mu.
 */
#ifndef CHARTA_STATE_PRIVATE_H
#define CHARTA_STATE_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/state.h"

struct sqlite3;

enum state_op_kind {
	STATE_OP_HISTORY,
	STATE_OP_POSITION,
	STATE_OP_LAST_DOC,
	STATE_OP_MARK_SET,
	STATE_OP_MARK_RENAME,
	STATE_OP_MARK_DELETE,
	STATE_OP_MARK_UNDELETE,
	STATE_OP_NOTE_PUT,
	STATE_OP_NOTE_DELETE,
	STATE_OP_NOTE_UNDELETE,
	STATE_OP_NOTE_STATUS,
	STATE_OP_DRAFT_SAVE,
	STATE_OP_DRAFT_DISCARD
};

/*
 * One change.  Each kind uses some of the fields (all owned by the op):
 *   HISTORY		hkind, text
 *   POSITION		pos
 *   LAST_DOC		text
 *   MARK_SET		mark (all of it)
 *   MARK_RENAME	mark.id, mark.name (the new one)
 *   MARK_DELETE, MARK_UNDELETE	mark.id
 *   NOTE_PUT		note (all of it: added, or body and quote changed)
 *   NOTE_DELETE, NOTE_UNDELETE	note.id
 *   NOTE_STATUS	note.id, note.status
 *   DRAFT_SAVE		draft
 *   DRAFT_DISCARD	draft (its key)
 * Every change, written again, gives the same result: a batch that may or
 * may not have been committed can be written again.
 */
struct state_op {
	enum state_op_kind	 kind;
	int64_t			 at;	/* when it was made */
	bool			 fresh;	/* NOTE_PUT of a new note */
	char			*hkind;
	char			*text;
	struct state_position	 pos;
	struct state_mark	 mark;
	struct state_note	 note;
	struct state_draft	 draft;
	char			*failure; /* why the file refused it */
	struct state_op		*next;
};

struct state_queue {
	struct state_op		*head;
	struct state_op		**tail;
	size_t			  n;
};

/* One history kind, newest first. */
struct state_hist {
	char	 *kind;
	char	**items;
	size_t	  n;
};

struct state_model {
	struct state_hist	*hist;
	size_t			 nhist;
	struct state_position	*pos;
	size_t			 npos;
	char			*last_doc;
	struct state_mark	*marks;		/* live and deleted */
	size_t			 nmarks;
	struct state_note	*notes;		/* in the order added */
	size_t			 nnotes;
	struct state_draft	*drafts;	/* in the order saved */
	size_t			 ndrafts;
};

enum state_phase {
	STATE_OPENING,		/* the writer thread opens and loads */
	STATE_READY,
	STATE_READONLY,		/* a newer charta's file */
	STATE_FAILED		/* no usable file */
};

struct state {
	char			*path;
	enum state_journal	 journal;
	enum state_sync		 sync;

	/* The reader's thread only. */
	struct state_model	 model;
	bool			 adopted;	/* model holds the file's */
	struct state_queue	 replay;	/* changes before that */
	bool			 thread_started;

	/* Shared, under mu. */
	pthread_mutex_t		 mu;
	pthread_cond_t		 wake;		/* for the writer thread */
	pthread_cond_t		 changed;	/* for the reader's */
	enum state_phase	 phase;
	struct state_queue	 queue;		/* to be written */
	struct state_queue	 failed;	/* refused for good */
	size_t			 inflight;	/* being written */
	struct state_model	*loaded;	/* to be adopted */
	bool			 locked;
	bool			 group;		/* hold the queue */
	bool			 held;		/* do not open yet */
	int			 flushing;	/* retry without pause */
	bool			 quit;
	bool			 exited;
	bool			 signalled;	/* a byte is in the pipe */
	unsigned int		 events;	/* STATE_EVENT_* to report */
	char			*error;		/* the last failure */
	char			*messages;	/* for state_poll */
	int			 evfd[2];	/* the event pipe */
	pthread_t		 thread;

	/* The writer thread only. */
	struct sqlite3		*db;
	bool			 network;
	bool			 readonly_db;	/* opened read-only */
};

/* state-model.c */
void	*state_grow(void *, size_t n, size_t size);
void	 state_model_free(struct state_model *);
void	 state_model_apply(struct state_model *, const struct state_op *);
struct state_hist *state_model_hist(const struct state_model *,
	    const char *kind);
struct state_mark *state_model_mark_live(const struct state_model *,
	    const char *name);
struct state_mark *state_model_mark_id(const struct state_model *,
	    const char *id);
struct state_note *state_model_note_id(const struct state_model *,
	    const char *id);
bool	 state_anchor_same_target(const struct state_anchor *,
	    const struct state_anchor *);
char	*state_draft_key(const struct state_draft *);
void	 state_anchor_copy(struct state_anchor *, const struct state_anchor *);
void	 state_anchor_clear(struct state_anchor *);
void	 state_quote_copy(struct state_quote *, const struct state_quote *);
void	 state_quote_clear(struct state_quote *);
void	 state_position_copy(struct state_position *,
	    const struct state_position *);
void	 state_position_clear(struct state_position *);
void	 state_mark_copy(struct state_mark *, const struct state_mark *);
void	 state_mark_clear(struct state_mark *);
void	 state_note_copy(struct state_note *, const struct state_note *);
void	 state_note_clear(struct state_note *);
void	 state_draft_copy(struct state_draft *, const struct state_draft *);
void	 state_draft_clear(struct state_draft *);
struct state_op *state_op_new(enum state_op_kind);
struct state_op *state_op_dup(const struct state_op *);
void	 state_op_free(struct state_op *);
void	 state_queue_init(struct state_queue *);
void	 state_queue_push(struct state_queue *, struct state_op *);
void	 state_queue_prepend(struct state_queue *, struct state_queue *);
void	 state_queue_free(struct state_queue *);
char	*state_xstrdup_null(const char *);
int64_t	 state_now(void);
void	 state_new_id(char id[STATE_ID_SIZE]);

/* state.c: argument checks, shared by the interface files. */
int	 state_check_string(const char *what, const char *s, size_t max,
	    bool required, char **err);
int	 state_check_anchor(const struct state_anchor *, char **err);
int	 state_check_quote(const struct state_quote *, char **err);

/* state-worker.c */
int	 state_worker_start(struct state *);
bool	 state_worker_stop(struct state *, int timeout_ms);
int	 state_submit(struct state *, struct state_op *, char **err);
void	 state_adopt(struct state *);
void	 state_notify(struct state *, unsigned int events);
void	 state_add_message(struct state *, char *message);
bool	 state_wait_open(struct state *, int timeout_ms);
char	*state_unsaved_message(struct state *, size_t n);

/* state-db.c, on the writer thread. */
enum state_db_opened {
	STATE_DB_OK,		/* open and loaded */
	STATE_DB_NEWER,		/* a newer charta's, open read-only, loaded */
	STATE_DB_LOCKED,	/* locked by another process: try again */
	STATE_DB_RETRY,		/* another failure worth trying again */
	STATE_DB_FAILED		/* no use trying again */
};
enum state_db_opened state_db_open_load(struct state *,
	    struct state_model **, char **message, char **error);
void	 state_db_close(struct state *);
bool	 state_db_busy(int rc);
bool	 state_db_transient(int rc);
const char *state_db_errmsg(struct state *, int rc);
char	*state_db_reason(struct state *, int rc);
/* The settings of every connection to a state file (busy timeout, defensive). */
void	 state_db_configure(struct sqlite3 *);
/* One integer from a PRAGMA or a query (0 if it has none), *rc its code. */
int	 state_db_int(struct sqlite3 *, const char *sql, int *rc);

/* state-load.c, on the writer thread. */
int	 state_db_load(struct state *, struct state_model **);

/*
 * A row of a statement that selects these columns, in this order, from
 * its table, into a new struct (its strings malloc'ed; a note's columns
 * from column i on).  The loader and state-peek.c read rows alike.
 */
#define STATE_POSITION_COLUMNS	"slug, top_label, top_anchor, top_offset, " \
	"sel_label, open_labels, focus, updated"
#define STATE_MARK_COLUMNS	"id, name, work, anchor, slug, label, " \
	"created, deleted"
#define STATE_NOTE_COLUMNS	"id, work, anchor, slug, label, exact, " \
	"prefix, suffix, body, created, modified, status, deleted"
struct sqlite3_stmt;
void	 state_load_position_row(struct sqlite3_stmt *,
	    struct state_position *);
void	 state_load_mark_row(struct sqlite3_stmt *, struct state_mark *);
void	 state_load_note_row(struct sqlite3_stmt *, int i,
	    struct state_note *);

/* state-schema.c */
int	 state_schema_create(struct sqlite3 *);
int	 state_schema_upgrade(struct sqlite3 *, int from);
int	 state_schema_check(struct sqlite3 *);
void	*state_labels_encode(char *const *labels, size_t n, size_t *len);
size_t	 state_labels_decode(const void *blob, size_t len, char ***labels);

/* state-save.c, on the writer thread. */
int	 state_save_batch(struct state *, struct state_op *ops, size_t n,
	    char **why);

/* state-rescue.c */
char	*state_rescue_write(struct state *, char **err);
char	*state_op_describe(const struct state_op *);

#endif /* CHARTA_STATE_PRIVATE_H */
