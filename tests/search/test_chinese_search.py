"""Search reads Chinese: words inside Chinese text are found, on SQLite and PostgreSQL."""

import pytest
from wagtail.models import Page

from tests.search.evaluation import RECALL_FLOOR, evaluate
from wagtail_disclosure.plans.models import TaskPage
from wagtail_disclosure.policies.models import PolicyDocumentPage
from wagtail_disclosure.search.segmenters import get_segmenter

pytestmark = pytest.mark.django_db


def test_the_bigram_segmenter_cuts_chinese_and_leaves_other_text():
    segmenter = get_segmenter("bigram")
    assert segmenter.query_terms("营商环境") == ["营商", "商环", "环境"]
    assert segmenter.for_index("12366纳税").split() == ["12366", "纳税"]


def test_a_term_written_with_an_enumeration_comma_is_found_without_it():
    segmenter = get_segmenter("bigram")
    indexed = set(segmenter.for_index("部门联合“双随机、一公开”监管；甲、乙、丙").split())
    assert set(segmenter.query_terms("双随机一公开")) <= indexed
    assert set(segmenter.query_terms("双随机、一公开")) <= indexed
    assert {"甲乙", "乙丙"} <= indexed


def test_a_phrase_pasted_with_its_punctuation_or_numbered_items_is_found():
    segmenter = get_segmenter("bigram")
    indexed = set(segmenter.for_index("第3项具体要求：做好营商环境、乡村振兴等信息公开。").split())
    for query in ["具体要求：做好", "“营商环境、乡村振兴”", "信息公开。", "第3项"]:
        assert segmenter.query_terms(query), query
        assert set(segmenter.query_terms(query)) <= indexed, query
    assert segmenter.query_terms("项") == ["项"]  # a one-character query keeps its character
    assert segmenter.query_terms("，。") == []


def test_a_quoted_term_copied_from_a_document_finds_its_page(searchable_demo):
    results = [p.specific for p in Page.objects.live().search("“双随机、一公开”")]
    assert [p.title for p in results] == ["加强优化营商环境信息公开"]


def test_a_word_inside_a_chinese_title_is_found(searchable_demo, client):
    response = client.get("/search/", {"query": "营商环境"})
    titles = [p.title for p in response.context["search_results"]]
    assert "《济宁市优化营商环境若干措施》政策解读" in titles


def test_the_double_random_inspections_are_found_typed_without_the_comma(searchable_demo):
    results = [p.specific for p in Page.objects.live().search("双随机一公开")]
    assert [p.title for p in results] == ["加强优化营商环境信息公开"]


def test_requirement_texts_of_task_pages_are_searchable(searchable_demo):
    results = [p.specific for p in Page.objects.live().search("纳税服务平台")]
    assert [(type(p), p.task_number, p.title) for p in results] == [
        (TaskPage, "(三)", "抓好减税降费信息公开")
    ]


def test_the_policy_library_searches_inside_chinese_text(searchable_demo, client):
    response = client.get("/policies/", {"q": "容缺受理"})
    assert [d.title for d in response.context["documents"]] == [
        "济宁市人民政府办公室关于印发济宁市优化营商环境若干措施的通知"
    ]


def test_the_qa_library_searches_inside_chinese_text(searchable_demo, client):
    response = client.get("/qa/", {"q": "租金"})
    questions = [q.question for q in response.context["questions"]]
    assert "保障性租赁住房的租金怎么定？" in questions
    assert "企业开办需要跑几次？" not in questions


def test_publishing_a_page_updates_the_index(
    searchable_demo, django_capture_on_commit_callbacks
):
    document = PolicyDocumentPage.objects.get(slug="wen-jiuye-2022")
    with django_capture_on_commit_callbacks(execute=True):
        document.title = "济宁市稳就业促创业十条措施（含灵活就业人员社保补贴）"
        document.save_revision().publish()
    assert document.pk in [p.pk for p in Page.objects.live().search("灵活就业")]


def test_the_query_set_reaches_the_recall_floor(searchable_demo):
    pages = list(Page.objects.live().exclude(depth=1).specific())

    def search(query):
        return list(Page.objects.live().search(query)[:10])

    figures = evaluate(search, pages)
    print(f"recall@10={figures.recall:.3f} precision@10={figures.precision:.3f} "
          f"over {figures.queries} queries")
    assert figures.queries >= 50
    assert figures.recall >= RECALL_FLOOR, figures.misses


def test_a_common_word_is_ranked_in_one_statement_then_the_pages_fetched(searchable_demo):
    """公开 is in nearly every page: ranking must not cost a query (or subquery) per hit, and
    on PostgreSQL the match must be one the GIN indexes answer (title and body apart)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        results = list(Page.objects.live().search("公开")[:10])
        count = Page.objects.live().search("公开").count()

    assert len(results) == 10 and count > 10
    assert len(queries) == 3, [q["sql"] for q in queries]
    rank = "bm25(" if connection.vendor == "sqlite" else "ts_rank("
    assert rank in queries[0]["sql"] and "LIMIT" in queries[0]["sql"]


def test_search_results_come_in_pages_of_ten_without_repeats(searchable_demo):
    search = Page.objects.live().search("公开")
    first, second = list(search[:10]), list(search[10:20])

    assert len(first) == 10 and second
    assert not {p.pk for p in first} & {p.pk for p in second}


def test_a_result_shows_its_kind_date_unit_and_the_hit_in_an_excerpt(searchable_demo, client):
    from wagtail_disclosure.policies.models import PolicyDocumentPage

    document = PolicyDocumentPage.objects.live().get(title__contains="优化营商环境若干措施的通知")
    response = client.get("/search/", {"query": "容缺受理"})
    html = response.content.decode()

    hit = next(h for h in response.context["hits"] if h.page.pk == document.pk)
    assert hit.kind == str(PolicyDocumentPage._meta.verbose_name)
    assert hit.date == document.date_published
    assert hit.unit == document.issuer.title
    assert "<mark>容缺受理</mark>" in str(hit.excerpt)
    assert "<mark>容缺受理</mark>" in html and hit.unit in html


def test_results_are_paginated_with_links_to_the_next_page(searchable_demo, client):
    first = client.get("/search/", {"query": "公开"})
    second = client.get("/search/", {"query": "公开", "page": 2})

    assert first.context["search_results"].paginator.count > 10
    assert 'rel="next"' in first.content.decode()
    assert {h.page.pk for h in first.context["hits"]}.isdisjoint(
        h.page.pk for h in second.context["hits"]
    )
