/*
 * signals.h -- every signal handler charta installs, in one place.
 *
 * Handlers only record what came (a flag, a byte down a pipe) or, for an
 * import, remove its temporary files and die of the signal as they would
 * have: async-signal-safe calls only.  The reader's loop reads the flags;
 * the pipe lets it sleep in poll() with no timeout and still wake at once.
 */
#ifndef CHARTA_SIGNALS_H
#define CHARTA_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

/* Signals seen since the reader last looked (set by the handlers). */
extern volatile sig_atomic_t	signals_hup;
extern volatile sig_atomic_t	signals_term;
extern volatile sig_atomic_t	signals_int;
extern volatile sig_atomic_t	signals_quit;

/*
 * The reader's dispositions: SIGHUP, SIGTERM, SIGINT and SIGQUIT set their
 * flag and wake signals_fd(), without SA_RESTART so that a wait ends;
 * SIGPIPE is ignored (a write error says it instead), and so is SIGXFSZ
 * (a file-size limit makes a write fail with EFBIG, which is reported,
 * instead of killing the reader with the user's work).  SIGWINCH and
 * SIGTSTP stay with curses.  Safe to call more than once.
 */
void	signals_catch(void);

/*
 * A descriptor that is readable once a caught signal has arrived, for
 * poll(); -1 before signals_catch.  signals_drain() empties it.
 */
int	signals_fd(void);
void	signals_drain(void);

/*
 * Around a child the user works in (the editor for a note): on, Ctrl-C and
 * Ctrl-\ are the child's alone (ignored here, as system() does), and a
 * Ctrl-Z stops both alike (the default, not curses' handler, which would
 * draw over the child on fg); off puts back what there was.
 */
void	signals_editor(bool on);

/*
 * Around a stop (Ctrl-Z) that the SIGTSTP handler in place handles
 * (curses', which restores the terminal and repaints after): write stop
 * to fd just before it and cont just after, for the terminal modes curses
 * does not know of.  The strings are not copied (string literals); a
 * SIGTSTP left to the default or ignored is not wrapped.  Called again,
 * it changes what is written; fd -1 writes nothing.
 */
void	signals_around_stop(int fd, const char *stop, const char *cont);

/*
 * While a command writes path (and path's "-journal"), remove them if
 * SIGINT, SIGTERM or SIGHUP ends it; signals the caller ignores stay
 * ignored.  signals_unguard_files() puts the old dispositions back.
 * One guard at a time; a path too long to keep is simply not guarded.
 */
void	signals_guard_files(const char *path);
void	signals_unguard_files(void);

#endif /* CHARTA_SIGNALS_H */
