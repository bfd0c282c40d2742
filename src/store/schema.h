/*
 * schema.h -- the corpus database's schema, shared by the writer and by the
 * reader's exact schema check.  Private to the store module.
 */
#ifndef CHARTA_SCHEMA_H
#define CHARTA_SCHEMA_H

/* One table: its name and its CREATE statement, exactly as stored. */
struct schema_table {
	const char	*name;
	const char	*sql;
};

extern const struct schema_table	schema_tables[];
extern const int			schema_ntables;

#endif /* CHARTA_SCHEMA_H */
