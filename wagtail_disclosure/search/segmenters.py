"""Ways to cut Chinese text into words a full-text index can match.

Database full-text indexes (SQLite FTS5's unicode61, PostgreSQL's ``to_tsvector``) split text on
spaces and punctuation, so a run of Chinese characters is one "word": ``营商环境`` does not match
``优化营商环境政策解读``. A segmenter turns each run of CJK characters into space-separated
tokens, for indexed text and for queries alike; other text is left as it is.

Plain Python, no Django: measured by ``benchmarks/bench_search.py``.
"""

import operator
import re
from functools import lru_cache

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"\w")


class Segmenter:
    name = "none"

    def index_tokens(self, run):
        return [run]

    def query_tokens(self, run):
        return self.index_tokens(run)

    def _apply(self, text, tokens_of):
        """Each run of CJK characters replaced by its tokens, spaced apart from the rest."""
        if not text:
            return ""
        return CJK_RUN.sub(lambda run: " " + " ".join(tokens_of(run.group())) + " ", text)

    def for_index(self, text):
        return self._apply(text, self.index_tokens)

    def query_terms(self, text):
        """The tokens a query term must all match. Punctuation pasted with a phrase
        (“营商环境、乡村振兴”, 要求：) is no token of the index: required, it would match
        nothing."""
        return [t for t in self._apply(text, self.query_tokens).split() if WORD.search(t)]


class NoSegmenter(Segmenter):
    """What Wagtail's database backend does by itself (the baseline)."""

    def _apply(self, text, tokens_of):
        return text or ""


class BigramSegmenter(Segmenter):
    """Overlapping pairs of characters, as Elasticsearch's ``cjk`` analyzer (``cjk_bigram``).

    Needs no dictionary and finds any substring of two or more characters; a one-character
    run is kept as a unigram.

    A term's parts are often separated by an enumeration comma or a middle dot in the text
    and typed without it in the search box (“双随机、一公开” searched as 双随机一公开): the pair
    of characters on either side of such a mark is indexed too, so both spellings are found.
    """

    name = "bigram"

    def index_tokens(self, run):
        if len(run) < 2:
            return [run]
        return list(map(operator.add, run, run[1:]))  # each character with the next one

    def query_terms(self, text):
        """A one-character run between digits or punctuation (the 项 of 第3项) is a unigram in
        the query but sits inside a pair in the text (第3项具体要求 indexes 项具): it is
        required only when the term has nothing else."""
        tokens = super().query_terms(text)
        longer = [t for t in tokens if len(t) > 1 or not CJK_RUN.fullmatch(t)]
        return longer or tokens

    def for_index(self, text):
        segmented = self._apply(text, self.index_tokens)
        bridges = [first + second for first, second in BRIDGED_PAIR.findall(text or "")]
        return f"{segmented} {' '.join(bridges)}" if bridges else segmented


#: A CJK character, an enumeration comma or middle dot, and (not consumed) the next CJK character.
BRIDGED_PAIR = re.compile(
    r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[、·・]"
    r"(?=([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]))"
)


class JiebaSegmenter(Segmenter):
    """jieba's dictionary segmentation: search mode (words and their sub-words) for the index,
    precise mode for queries, as ik_max_word / ik_smart pair up in Elasticsearch."""

    name = "jieba"

    def __init__(self):
        try:
            import jieba  # optional: imported only when a site chooses this segmenter
        except ImportError as exc:  # an optional extra: pip install "wagtail-disclosure[jieba]"
            raise ImportError(
                'The "jieba" search segmenter needs: pip install "wagtail-disclosure[jieba]"'
            ) from exc

        jieba.setLogLevel(60)
        self._jieba = jieba

    def index_tokens(self, run):
        return [t for t in self._jieba.cut_for_search(run, HMM=True) if t.strip()]

    def query_tokens(self, run):
        return [t for t in self._jieba.cut(run, HMM=False) if t.strip()]


class JiebaSearchModeSegmenter(JiebaSegmenter):
    """jieba search mode on both sides."""

    name = "jieba-search"

    def query_tokens(self, run):
        return [t for t in self._jieba.cut_for_search(run, HMM=False) if t.strip()]


SEGMENTERS = {
    cls.name: cls
    for cls in (NoSegmenter, BigramSegmenter, JiebaSegmenter, JiebaSearchModeSegmenter)
}


@lru_cache
def get_segmenter(name):
    try:
        return SEGMENTERS[name]()
    except KeyError:
        raise ValueError(f"Unknown segmenter {name!r}; choose from {sorted(SEGMENTERS)}") from None
