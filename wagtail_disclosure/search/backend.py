"""A Wagtail database search backend that reads Chinese.

It wraps the backend Wagtail picks for the database (SQLite FTS5, PostgreSQL, MySQL or the
fallback) and segments text on both sides: every indexed value of every model, and every query.
No model needs to change. Configure it in settings::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail_disclosure.search.backend",
            "SEGMENTER": "bigram",  # or "jieba"; see docs/search.md for the measurements
        }
    }

Run ``manage.py update_index`` after switching it on or changing the segmenter.
"""

import copy
import functools

from django.utils.encoding import force_str
from wagtail.search.backends import database
from wagtail.search.index import AutocompleteField, RelatedFields, SearchField
from wagtail.search.query import And, Or, PlainText, SearchQuery

from .ranking import (
    RankedPostgresQueryCompiler,
    RankedPostgresResults,
    RankedSQLiteQueryCompiler,
    RankedSQLiteResults,
)
from .segmenters import get_segmenter

DEFAULT_SEGMENTER = "bigram"


def flatten(value):
    """A field's value as one string, as the database backends flatten it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(flatten(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(flatten(v) for v in value.values())
    return force_str(value)


def segmented_field(field, segment):
    """A copy of a search field whose value is segmented text."""
    new = copy.copy(field)
    original = field.get_value
    if isinstance(field, RelatedFields):
        new.fields = [segmented_field(f, segment) for f in field.fields]
        new.get_value = lambda obj: original(unwrap(obj))
    elif isinstance(field, SearchField | AutocompleteField):
        new.get_value = lambda obj: segment(flatten(original(unwrap(obj))))
    return new


def unwrap(obj):
    return obj._obj if isinstance(obj, _Segmented) else obj


class _Segmented:
    """An object as the indexer sees it: its own attributes, segmented search fields."""

    def __init__(self, obj, fields):
        self._obj = obj
        self._fields = fields

    def __getattr__(self, name):
        return getattr(self._obj, name)

    def get_search_fields(self):
        return self._fields


def segmented_query(query, segmenter, operator=None):
    """A query string as a query: the tokens of one term must all match; terms combine with
    ``operator`` (``or`` unless told)."""
    if isinstance(query, SearchQuery):
        return query
    terms = []
    for term in str(query).split():
        tokens = segmenter.query_terms(term)
        if tokens:
            terms.append(PlainText(" ".join(tokens), operator="and"))
    if not terms:
        return ""
    if len(terms) == 1:
        return terms[0]
    return And(terms) if (operator or "or").lower() == "and" else Or(terms)


_classes = {}


def chinese_backend_class(base_class):
    """The subclass of a database backend class that segments (one per base class)."""
    if base_class in _classes:
        return _classes[base_class]

    class SegmentingIndex(base_class.index_class):
        def add_items(self, model, objs):
            # The database backends read each field of an object once for its title, once for
            # its body and once for autocomplete: each text is segmented once.
            segment = functools.lru_cache(maxsize=4096)(self.backend.segmenter.for_index)
            fields = [segmented_field(f, segment) for f in model.get_search_fields()]
            return super().add_items(model, [_Segmented(obj, fields) for obj in objs])

    class ChineseSearchBackend(base_class):
        index_class = SegmentingIndex

        def __init__(self, params):
            params = dict(params)
            self.segmenter = get_segmenter(params.pop("SEGMENTER", DEFAULT_SEGMENTER))
            super().__init__(params)

        def search(self, query, model_or_queryset, fields=None, operator=None, **kwargs):
            query = segmented_query(query, self.segmenter, operator)
            return super().search(query, model_or_queryset, fields=fields, **kwargs)

        def autocomplete(self, query, model_or_queryset, fields=None, operator=None, **kwargs):
            query = segmented_query(query, self.segmenter, operator)
            return super().autocomplete(query, model_or_queryset, fields=fields, **kwargs)

    if RankedSQLiteQueryCompiler.__mro__[1] is base_class.query_compiler_class:
        # SQLite: rank in one pass (ranking.py) instead of a subquery per candidate row.
        ChineseSearchBackend.query_compiler_class = RankedSQLiteQueryCompiler
        ChineseSearchBackend.results_class = RankedSQLiteResults
    if RankedPostgresQueryCompiler.__mro__[1] is base_class.query_compiler_class:
        # PostgreSQL: match through the GIN indexes and rank in one statement (ranking.py).
        ChineseSearchBackend.query_compiler_class = RankedPostgresQueryCompiler
        ChineseSearchBackend.results_class = RankedPostgresResults
    ChineseSearchBackend.__name__ = "Chinese" + base_class.__name__
    _classes[base_class] = ChineseSearchBackend
    return ChineseSearchBackend


def SearchBackend(params):  # noqa: N802 - Wagtail looks for this name in a backend module
    vendor_backend = database.SearchBackend({k: v for k, v in params.items() if k != "SEGMENTER"})
    return chinese_backend_class(type(vendor_backend))(params)
