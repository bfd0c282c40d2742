/*
 * corpus-path.c -- where the corpus database is (see cli.h): --db, then
 * $CHARTA_DB, then the build tree (so ./src/charta works right after make),
 * then the installed copy.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
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
