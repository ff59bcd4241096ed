"""Measuring search on the demo content: a query set with the pages a reader expects.

Used by ``tests/search/test_chinese_search.py`` (which fails below the recall floor) and
``benchmarks/bench_search.py`` (which prints the figures for each segmenter).

Pages are named by keys: ``unit:<title>``, ``task:<n>`` (the n-th task of the 2022 plan, 1-18,
at /plans/2022/task-<n>/),
``policy:<slug>``, ``interpretation:<slug>``.

- recall@10 of a query: expected pages among the first ten results / min(expected, 10);
- precision@10: relevant pages among the first ten results / results shown (at most ten), where
  relevant means expected by hand, or a page whose indexed text contains the query verbatim
  (a page that says the words is a fair answer).
"""

from dataclasses import dataclass

RECALL_FLOOR = 0.95

QUERIES = [
    # Units: names, full names, aliases
    ("发展和改革委员会", ["unit:市发展改革委"]),
    ("市发改委", ["unit:市发展改革委"]),
    ("行政审批服务局", ["unit:市行政审批服务局"]),
    ("人力资源和社会保障局", ["unit:市人力资源社会保障局"]),
    ("住建局", ["unit:市住房城乡建设局"]),
    ("卫健委", ["unit:市卫生健康委"]),
    ("医疗保障局", ["unit:市医保局"]),
    ("供电公司", ["unit:国网济宁供电公司"]),
    ("曲阜市", ["unit:曲阜市人民政府"]),
    ("太白湖新区", ["unit:太白湖新区管委会"]),
    ("乡村振兴局", ["unit:市乡村振兴局"]),
    ("图书馆", ["unit:市图书馆", "task:15"]),
    # Plan tasks, by title words and by words inside their requirements
    ("新旧动能转换", ["task:1", "task:9"]),
    ("房地产", ["task:2"]),
    ("减税降费", ["task:3"]),
    ("留抵退税", ["task:3"]),
    ("科技创新", ["task:4", "task:9"]),
    ("乡村振兴", ["task:5"]),
    ("营商环境", ["task:6", "task:9", "policy:yingshang-2022",
              "interpretation:yingshang-2022-jiedu", "interpretation:yingshang-2022-tujie"]),
    ("双随机", ["task:6"]),
    ("双随机一公开", ["task:6"]),
    ("政策找人", ["task:6", "policy:yingshang-2022"]),
    ("反垄断", ["task:6"]),
    ("疫情防控", ["task:7", "task:9"]),
    ("流调信息", ["task:7"]),
    ("个人隐私", ["task:7"]),
    ("老旧小区", ["task:8", "task:9"]),
    ("保障性租赁住房", ["task:8", "policy:zulin-zhufang-2021", "policy:zulin-zhufang-xiugai-2022",
                 "interpretation:zulin-zhufang-wenda"]),
    ("学前教育", ["task:8"]),
    ("养老服务", ["task:8", "task:9"]),
    ("社会救助", ["task:8"]),
    ("招商引资", ["task:9"]),
    ("高标准农田", ["task:9"]),
    ("5G基站", ["task:9"]),
    ("孔子文化节", ["task:9"]),
    ("大气污染防治", ["task:9"]),
    ("扫黑除恶", ["task:9"]),
    ("重大行政决策", ["task:10"]),
    ("政府开放日", ["task:10"]),
    ("规范性文件管理平台", ["task:10"]),
    ("问答式解读", ["task:11"]),
    ("舆情", ["task:11"]),
    ("政务公开专区", ["task:12"]),
    ("公共企事业单位", ["task:13"]),
    ("公开属性", ["task:14"]),
    ("行政复议", ["task:14"]),
    ("适老化", ["task:15"]),
    ("政务新媒体", ["task:15"]),
    ("政府公报", ["task:15"]),
    ("学法", ["task:16"]),
    ("考核", ["task:17"]),
    ("工作台账", ["task:18"]),
    # Policy documents and interpretations
    ("一窗通办", ["policy:yingshang-2022", "interpretation:yingshang-2022-jiedu"]),
    ("容缺受理", ["policy:yingshang-2022", "interpretation:yingshang-2022-jiedu"]),
    ("济政办发〔2022〕5号", ["policy:yingshang-2022"]),
    ("租金", ["policy:zulin-zhufang-2021", "policy:zulin-zhufang-xiugai-2022",
            "interpretation:zulin-zhufang-wenda"]),
    ("新市民", ["policy:zulin-zhufang-2021", "policy:zulin-zhufang-xiugai-2022",
             "interpretation:zulin-zhufang-wenda"]),
    ("创业补贴", ["policy:jiuye-chuangye-2019", "policy:wen-jiuye-2022",
              "interpretation:wen-jiuye-shipin"]),
    ("稳岗返还", ["policy:wen-jiuye-2022", "interpretation:wen-jiuye-shipin"]),
    ("房租减免", ["interpretation:yiqing-bangfu-zhuanjia"]),
    ("中小微企业", ["policy:yiqing-bangfu-2022", "interpretation:yiqing-bangfu-zhuanjia"]),
    ("审批时限", ["interpretation:yingshang-2022-tujie"]),
    # Two words, as people type them
    ("营商环境 政策解读", ["policy:yingshang-2022", "interpretation:yingshang-2022-jiedu"]),
    ("租赁住房 租金", ["interpretation:zulin-zhufang-wenda", "policy:zulin-zhufang-xiugai-2022"]),
]


@dataclass
class Figures:
    queries: int
    recall: float
    precision: float
    misses: list


def page_key(page):
    from wagtail_disclosure.plans.models import TaskPage
    from wagtail_disclosure.policies.interpretations import InterpretationPage
    from wagtail_disclosure.policies.models import PolicyDocumentPage
    from wagtail_disclosure.units.models import UnitPage

    page = page.specific
    if isinstance(page, UnitPage):
        return f"unit:{page.title}"
    if isinstance(page, TaskPage):
        return f"task:{page.slug.removeprefix('task-')}"
    if isinstance(page, PolicyDocumentPage):
        return f"policy:{page.slug}"
    if isinstance(page, InterpretationPage):
        return f"interpretation:{page.slug}"
    return f"page:{page.slug}"


def indexed_text(page):
    """The text the index holds for ``page``, unsegmented (for the verbatim relevance rule)."""
    from wagtail_disclosure.search.backend import flatten, segmented_field

    fields = [segmented_field(f, lambda t: t) for f in page.get_search_fields()]

    def values(obj, fields):
        from wagtail.search.index import AutocompleteField, RelatedFields, SearchField

        for field in fields:
            if isinstance(field, RelatedFields):
                related = field.get_value(obj)
                if related is None:
                    continue
                items = related.all() if hasattr(related, "all") else [related]
                for item in items:
                    yield from values(item, field.fields)
            elif isinstance(field, SearchField | AutocompleteField):
                yield flatten(field.get_value(obj))

    return " ".join(values(page, fields))


def evaluate(search, pages, queries=QUERIES, k=10):
    """``search(query) -> pages`` in rank order; ``pages``: every live page (for relevance)."""
    texts = {page_key(p): indexed_text(p.specific) for p in pages}
    recalls, precisions, misses = [], [], []
    for query, expected in queries:
        words = query.split()
        verbatim = {key for key, text in texts.items() if all(w in text for w in words)}
        relevant = set(expected) | verbatim
        found = [page_key(p) for p in search(query)[:k]]
        hits = [key for key in expected if key in found]
        recalls.append(len(hits) / min(len(expected), k))
        precisions.append(sum(key in relevant for key in found) / len(found) if found else 0.0)
        if len(hits) < len(expected):
            misses.append((query, sorted(set(expected) - set(found))))
    return Figures(
        queries=len(queries),
        recall=sum(recalls) / len(recalls),
        precision=sum(precisions) / len(precisions),
        misses=misses,
    )
