# bench/local.mk -- `make bench`, included by Makefile.am.
