/*
 * schema.h -- the corpus database's schema, shared by the writer and by the
 * reader's schema check.  Private to the store module.
 */
#ifndef CHARTA_SCHEMA_H
#define CHARTA_SCHEMA_H

/* A column charta reads, and the schema version that added it. */
struct schema_column {
	const char	*name;
	const char	*type;		/* as declared: "TEXT", "INTEGER", ... */
	int		 since;		/* 1, or 2 for the citation keys */
};

/*
 * One table: its name, its CREATE statement as the writer makes it (the
 * current version), and the columns the reader needs.
 */
struct schema_table {
	const char			*name;
	const char			*sql;
	const struct schema_column	*columns;
	int				 ncolumns;
};

extern const struct schema_table	schema_tables[];
extern const int			schema_ntables;

#endif /* CHARTA_SCHEMA_H */
