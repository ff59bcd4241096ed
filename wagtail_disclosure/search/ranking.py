"""Ranking in one pass on SQLite: FTS5 ``bm25`` in a join, ``ORDER BY``, ``LIMIT``, then the pages.

Wagtail's SQLite backend finds the matching rows, then computes each result's score in a
correlated subquery that runs the full-text match again per candidate row: with bigrams such as
``公开`` matching thousands of pages, a query costs seconds and grows with the square of the hits.
Here the match, the filter on the searched queryset and the ranking are one statement over the
FTS5 table joined to the index entries, ordered by ``bm25`` (FTS5's own rank, computed while
matching) and limited to the page asked for; only those objects are then fetched, in rank order.
A count is the same statement without the ranking.

Queries this does not cover (negation, phrases, autocomplete, ordering by a field) go to
Wagtail's compiler unchanged.
"""

from __future__ import annotations

from django.db import connections
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.query import And, Or, PlainText

try:  # the SQLite backend exists only where FTS5 does
    from modelsearch.backends.database.sqlite.sqlite import (
        IndexEntry,
        SQLiteFTSIndexEntry,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
except (ImportError, LookupError):  # not SQLite, or SQLite without FTS5
    SQLiteSearchQueryCompiler = SQLiteSearchResults = None

#: bm25 weights of the FTS5 columns (autocomplete, title, body): a hit in the title counts
#: twice a hit in the body, as Wagtail's title boost does; the autocomplete column is not searched.
COLUMN_WEIGHTS = {"autocomplete": 0.0, "title": 2.0, "body": 1.0}


def fts_term(token: str) -> str:
    """One token as an FTS5 string (quoted, so punctuation and keywords are plain text)."""
    return '"' + token.replace('"', '""') + '"'


def match_expression(query) -> str | None:
    """The FTS5 MATCH text of a query made of plain texts, ANDs and ORs (None: not covered)."""
    if isinstance(query, PlainText):
        tokens = query.query_string.split()
        if not tokens:
            return None
        joiner = " AND " if query.operator.upper() == "AND" else " OR "
        return "(" + joiner.join(fts_term(t) for t in tokens) + ")"
    if isinstance(query, And | Or):
        parts = [match_expression(q) for q in query.subqueries]
        if not parts or None in parts:
            return None
        return "(" + (" AND " if isinstance(query, And) else " OR ").join(parts) + ")"
    return None


def column_filter(fields) -> str:
    """Restrict the match to the title and body columns (FTS5 column filter)."""
    columns = [f for f in (fields or ["title", "body"]) if f in COLUMN_WEIGHTS]
    return "{" + " ".join(columns) + "}"


class RankedSQLiteQueryCompiler(SQLiteSearchQueryCompiler or object):
    """Wagtail's SQLite compiler, ranking plain queries in one statement."""

    def ranked_statement(self, *, count=False):
        """(sql, params) of the ranked ids, or None for queries Wagtail's compiler handles."""
        if not self.order_by_relevance:
            return None
        match = match_expression(self.query)
        if match is None:
            return None
        columns = [c.column for c in SQLiteFTSIndexEntry._meta.local_concrete_fields]
        weights = ", ".join(str(COLUMN_WEIGHTS.get(c, 0.0)) for c in columns if c != "rowid")
        fts = SQLiteFTSIndexEntry._meta.db_table
        entries = IndexEntry._meta.db_table
        content_types = list(get_descendants_content_types_pks(self.queryset.model))
        if not content_types:
            return None
        pk = self.queryset.model._meta.pk
        inner_sql, inner_params = self.queryset.values(pk.attname).query.sql_with_params()
        quote = connections[self.queryset.db].ops.quote_name
        select = "COUNT(*)" if count else f"e.object_id, bm25({fts}, {weights}) AS rank"
        sql = (
            f"SELECT {select} FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s "
            f"AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))}) "
            f"AND e.object_id IN (SELECT CAST(q.{quote(pk.column)} AS TEXT) FROM ({inner_sql}) q)"
        )
        params = [f"{column_filter(self.fields)} : {match}", *content_types, *inner_params]
        if not count:
            sql += " ORDER BY rank, e.object_id"
        return sql, params

    def ranked_ids(self, start, stop):
        statement = self.ranked_statement()
        sql, params = statement
        if stop is not None:
            sql += " LIMIT %s OFFSET %s"
            params = [*params, stop - start, start]
        elif start:
            sql += " LIMIT -1 OFFSET %s"
            params = [*params, start]
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            return [(row[0], row[1]) for row in cursor.fetchall()]


class RankedSQLiteResults(SQLiteSearchResults or object):
    """Search results whose page of hits and count come from the one-pass statement."""

    def _covered(self):
        compiler = self.query_compiler
        return (
            isinstance(compiler, RankedSQLiteQueryCompiler)
            and compiler.queryset.db in connections
            and compiler.ranked_statement() is not None
        )

    def _do_search(self):
        if not self._covered():
            return super()._do_search()
        compiler = self.query_compiler
        ranked = compiler.ranked_ids(self.start, self.stop)
        pk = compiler.queryset.model._meta.pk
        ids = [pk.to_python(object_id) for object_id, _rank in ranked]
        objects = compiler.queryset.in_bulk(ids)
        results = []
        for (_object_id, rank), key in zip(ranked, ids, strict=True):
            obj = objects.get(key)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, -rank)
            results.append(obj)
        return results

    def _do_count(self):
        if not self._covered():
            return super()._do_count()
        sql, params = self.query_compiler.ranked_statement(count=True)
        with connections[self.query_compiler.queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]


# -- PostgreSQL ----------------------------------------------------------------------------------
# Wagtail's PostgreSQL backend matches ``title || body @@ query``: the concatenated vector cannot
# use the GIN indexes on ``title`` and ``body``, so every query reads every index entry. Matching
# ``title @@ q OR body @@ q`` uses both indexes; ranking and ``LIMIT`` are in the same statement.

try:
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry as PostgresIndexEntry,
    )
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
except (ImportError, LookupError):  # not PostgreSQL
    PostgresSearchQueryCompiler = PostgresSearchResults = None


def tsquery_text(query) -> str | None:
    """The ``to_tsquery`` text of a query of plain texts, ANDs and ORs (None: not covered)."""
    if isinstance(query, PlainText):
        tokens = query.query_string.split()
        if not tokens:
            return None
        quoted = ["'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in tokens]
        return "(" + (" & " if query.operator.upper() == "AND" else " | ").join(quoted) + ")"
    if isinstance(query, And | Or):
        parts = [tsquery_text(q) for q in query.subqueries]
        if not parts or None in parts:
            return None
        return "(" + (" & " if isinstance(query, And) else " | ").join(parts) + ")"
    return None


class RankedPostgresQueryCompiler(PostgresSearchQueryCompiler or object):
    """Wagtail's PostgreSQL compiler, matching through the GIN indexes and ranking in one
    statement for plain queries."""

    def ranked_statement(self, config, *, count=False):
        if not self.order_by_relevance or self.fields:
            return None
        text = tsquery_text(self.query)
        if text is None:
            return None
        content_types = list(get_descendants_content_types_pks(self.queryset.model))
        if not content_types:
            return None
        pk = self.queryset.model._meta.pk
        inner_sql, inner_params = self.queryset.values(pk.attname).query.sql_with_params()
        quote = connections[self.queryset.db].ops.quote_name
        tsquery = "to_tsquery(%s::regconfig, %s)" if config else "to_tsquery(%s)"
        select = (
            "COUNT(*)"
            if count
            else "e.object_id, 2 * ts_rank(e.title, q.q) + ts_rank(e.body, q.q) AS rank"
        )
        sql = (
            f"SELECT {select} FROM {PostgresIndexEntry._meta.db_table} e, {tsquery} AS q(q) "
            "WHERE (e.title @@ q.q OR e.body @@ q.q) "
            f"AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))}) "
            f"AND e.object_id IN (SELECT CAST(s.{quote(pk.column)} AS TEXT) FROM ({inner_sql}) s)"
        )
        params = [*([config] if config else []), text, *content_types, *inner_params]
        if not count:
            sql += " ORDER BY rank DESC, e.object_id"
        return sql, params


class RankedPostgresResults(PostgresSearchResults or object):
    """Search results whose page of hits and count come from the one-statement query."""

    def _statement(self, count=False):
        compiler = self.query_compiler
        if not isinstance(compiler, RankedPostgresQueryCompiler):
            return None
        return compiler.ranked_statement(compiler.get_config(self.backend), count=count)

    def _do_search(self):
        statement = self._statement()
        if statement is None:
            return super()._do_search()
        sql, params = statement
        if self.stop is not None:
            sql += " LIMIT %s"
            params = [*params, self.stop - self.start]
        sql += " OFFSET %s"
        params = [*params, self.start]
        compiler = self.query_compiler
        with connections[compiler.queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            ranked = cursor.fetchall()
        pk = compiler.queryset.model._meta.pk
        ids = [pk.to_python(object_id) for object_id, _rank in ranked]
        objects = compiler.queryset.in_bulk(ids)
        results = []
        for (_object_id, rank), key in zip(ranked, ids, strict=True):
            obj = objects.get(key)
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, rank)
                results.append(obj)
        return results

    def _do_count(self):
        statement = self._statement(count=True)
        if statement is None:
            return super()._do_count()
        with connections[self.query_compiler.queryset.db].cursor() as cursor:
            cursor.execute(*statement)
            return cursor.fetchone()[0]
