/*
 * pty-session.h -- one run of a full-screen program in a pseudo-terminal,
 * driven by a script of keys, each timed to the last byte of the screen it
 * produces (see bench/README, "How a screen is known to be complete").
 */
#ifndef CHARTA_BENCH_PTY_SESSION_H
#define CHARTA_BENCH_PTY_SESSION_H

#include <stddef.h>
#include <sys/types.h>

#define PTY_MAX_STEPS	128
#define PTY_MAX_RUNS	50
#define PTY_MAX_KEYS	256
#define PTY_MAX_EXPECT	8

/*
 * "Row ROW of the screen contains TEXT" (any_row: some row does); negated:
 * it does not.
 */
struct pty_expect {
	int		 any_row;
	int		 negated;
	int		 row;		/* negative: from the bottom */
	const char	*text;
};

/*
 * A step: keys written at once, then the output read until every
 * expectation holds on the screen and no byte has come for the settle
 * time.  Step 0 is the start (its keys, if any, are written right after
 * the program is started, before its first screen).
 */
struct pty_step {
	const char		*label;		/* NULL: not reported */
	char			 keys[PTY_MAX_KEYS];
	size_t			 nkeys;
	struct pty_expect	 expect[PTY_MAX_EXPECT];
	size_t			 nexpect;

	/* Results, one per run. */
	size_t			 bytes[PTY_MAX_RUNS];
	size_t			 chunks[PTY_MAX_RUNS];	/* reads */
	double			 ms[PTY_MAX_RUNS];
};

struct pty_script {
	int		 cols, rows;
	int		 settle_ms;	/* quiet time that ends a step */
	int		 first_shown;	/* -f: a step's time is when its
					   expected text first shows */
	int		 start_max_ms;	/* the first screen may take this */
	int		 key_max_ms;	/* a key's screen may take this */
	int		 idle_s;	/* > 0: measure this long idle */
	const char	*strace;	/* the strace program, or NULL */
	const char	*prefix;	/* save transcripts as PREFIX.LABEL */
	char		 end[PTY_MAX_KEYS];	/* keys that quit */
	size_t		 nend;
	struct pty_step	 steps[PTY_MAX_STEPS];
	size_t		 nsteps;
	char		**argv;
};

/* What one run measured besides the steps. */
struct pty_run {
	long		 maxrss_kb;	/* the program's peak RSS (VmHWM) */
	int		 idle_done;
	size_t		 idle_bytes;	/* bytes written while idle */
	size_t		 idle_chunks;	/* reads of them */
	long		 idle_ctxsw;	/* context switches, all threads */
	long		 idle_syscalls;	/* under strace; -1: not measured */
	char		 idle_top[256];	/* the syscalls strace counted */
};

/*
 * Run the script once (run number run, 0-based): start argv in a new
 * pseudo-terminal of cols x rows with TERM=xterm-256color and
 * LC_ALL=C.UTF-8, play the steps, store each step's bytes and time in its
 * slot run, idle if asked, quit with the end keys (SIGTERM, then SIGKILL,
 * after two seconds) and reap the program.  Returns 0, or -1 after a
 * message on stderr naming the step and showing the screen when a step's
 * expectations were not met in time or the program could not be run.
 * The peak RSS is the program's VmHWM after the last step.
 */
int	pty_session_run(struct pty_script *, int run, struct pty_run *);

/*
 * Decode KEYS with the escapes \t \n \r \e \\ and \xHH into out (cap
 * bytes).  Returns the length, or -1 on a bad escape or overflow.
 */
long	pty_keys_decode(const char *s, char *out, size_t cap);

/* Milliseconds on CLOCK_MONOTONIC. */
double	pty_now_ms(void);

/*
 * Idle measurement of process pid for s seconds (pty-idle.c): context
 * switches of all its threads, then, if strace is not NULL, the system
 * calls it makes in as long again under strace -f -c.  Output written
 * meanwhile to fd is read and counted.  Fills the idle_ fields of r;
 * returns 0 or -1 with a message on stderr.
 */
int	pty_idle_measure(pid_t pid, int fd, int s, const char *strace,
	    struct pty_run *r);

/*
 * Read fd for up to ms milliseconds, counting bytes and reads into
 * *bytes and *chunks (used while idle).  Returns -1 at end of file.
 */
int	pty_idle_drain(int fd, double ms, size_t *bytes, size_t *chunks);

#endif
