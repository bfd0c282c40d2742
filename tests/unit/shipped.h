/*
 * shipped.h -- the shipped corpus (data/corpus.db, or $CHARTA_DB), loaded
 * once for a group of unit tests that read it: shipped_setup and
 * shipped_teardown are the group's setup and teardown for
 * cmocka_run_group_tests, and `shipped` is the corpus in between.
 * Included by one test file each (it defines what it declares).
 */
#ifndef CHARTA_TEST_SHIPPED_H
#define CHARTA_TEST_SHIPPED_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/corpus.h"
#include "store/store.h"

static struct corpus	*shipped;

static int
shipped_setup(void **unused)
{
	const char	*db = getenv("CHARTA_DB");
	char		*err = NULL;

	(void)unused;
	setlocale(LC_CTYPE, "C.UTF-8");
	shipped = store_load_corpus(db != NULL ? db : "data/corpus.db", &err);
	if (shipped == NULL) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return -1;
	}
	return 0;
}

static int
shipped_teardown(void **unused)
{
	(void)unused;
	corpus_free(shipped);
	return 0;
}

#endif /* CHARTA_TEST_SHIPPED_H */
