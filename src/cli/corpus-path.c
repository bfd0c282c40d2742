/*
 * corpus-path.c -- where charta's files are (see cli.h): the corpus
 * database (--db, then $CHARTA_DB, then the build tree, so ./src/charta
 * works right after make, then the installed copy), the user's own corpus
 * beside the user state, the message catalogs; and loading the two
 * corpora as one.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "store/store.h"
#include "store/userdir.h"
#include "util/xmalloc.h"

/* Is this process the charta binary of the build tree it was built in? */
static int
corpus_path_in_build_tree(void)
{
	char	 exe[PATH_MAX];
	ssize_t	 n;
	size_t	 blen = strlen(CHARTA_BUILDDIR);

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return 0;
	exe[n] = '\0';
	return (size_t)n > blen && strncmp(exe, CHARTA_BUILDDIR, blen) == 0 &&
	    exe[blen] == '/';
}

char *
cli_corpus_path(const char *path)
{
	const char	*env;

	if (path != NULL)
		return xstrdup(path);
	env = getenv("CHARTA_DB");
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (corpus_path_in_build_tree() &&
	    access(CHARTA_BUILDDIR "/data/corpus.db", F_OK) == 0)
		return xstrdup(CHARTA_BUILDDIR "/data/corpus.db");
	return xstrdup(CHARTA_PKGDATADIR "/corpus.db");
}

char *
cli_user_corpus_path(bool create, char **err)
{
	const char	*xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	*err = NULL;
	if (create)
		return userdir_path(CLI_USER_CORPUS, err);
	/* To read it, make nothing: no directory, no corpus. */
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/charta/%s", xdg, CLI_USER_CORPUS);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.local/share/charta/%s", home,
		    CLI_USER_CORPUS);
	return NULL;
}

void
cli_print_lines(const char *lines)
{
	const char	*s, *nl;

	for (s = lines; s != NULL; s = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(s, '\n');
		output_error("%.*s", nl != NULL ? (int)(nl - s) :
		    (int)strlen(s), s);
	}
}

int
cli_corpus_load(struct cli_ctx *ctx)
{
	char		*path, *user = NULL, *notes = NULL, *err = NULL, *e;

	path = cli_corpus_path(ctx->db_path);
	/* --db names one corpus; otherwise the user's joins the shipped. */
	if (ctx->db_path == NULL)
		user = cli_user_corpus_path(false, &e);
	ctx->corpus = store_load_corpora(path, user, &notes, &err);
	cli_print_lines(notes);
	free(notes);
	free(user);
	free(path);
	if (ctx->corpus == NULL) {
		output_error("%s", err);
		free(err);
		return -1;
	}
	return 0;
}

const char *
cli_locale_dir(void)
{
	const char	*env = getenv("CHARTA_LOCALEDIR");
	struct stat	 sb;

	if (env != NULL && *env != '\0')
		return env;
	/* `make` puts the catalogs there, in the layout gettext reads. */
	if (corpus_path_in_build_tree() &&
	    stat(CHARTA_BUILDDIR "/po/locale", &sb) == 0 && S_ISDIR(sb.st_mode))
		return CHARTA_BUILDDIR "/po/locale";
	return LOCALEDIR;
}

char *
cli_stream_path(const struct cli_ctx *ctx)
{
	char	*user, *e = NULL;
	bool	 has_user;

	if (ctx->db_path != NULL)
		return cli_corpus_path(ctx->db_path);
	user = cli_user_corpus_path(false, &e);
	free(e);
	has_user = user != NULL && access(user, F_OK) == 0;
	free(user);
	return has_user ? NULL : cli_corpus_path(NULL);
}
