"""Policy documents: metadata, validity with its history, and the library's listings."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.builders import make_policy_document, publish_with_interpretation
from wagtail_disclosure.policies.models import PolicyDocumentPage, PolicyKind, Validity

pytestmark = pytest.mark.django_db


def test_a_document_page_shows_its_metadata_as_a_table_and_its_validity(
    client, jining_units, housing
):
    issuer = jining_units["市住房城乡建设局"]
    document = make_policy_document(
        "济宁市保障性租赁住房管理办法", index_number="11370800004201108B/2021-00230",
        issuer=issuer, document_number="济建发〔2021〕30号", date_written=date(2021, 8, 20),
        date_published=date(2021, 9, 1), categories=[housing],
    )
    publish_with_interpretation(document)

    html = client.get(document.url).content.decode()

    assert '<th scope="row">索引号</th>' in html or "11370800004201108B/2021-00230" in html
    for value in ["11370800004201108B/2021-00230", "济建发〔2021〕30号", "2021年8月20日",
                  "2021年9月1日", "住房保障", issuer.title]:
        assert value in html
    assert "disclosure-validity-banner" in html
    assert "济宁市保障性租赁住房管理办法解读" in html  # its interpretation is listed


def test_a_validity_change_keeps_the_history_and_names_the_amending_document(client):
    old = publish_with_interpretation(make_policy_document("济宁市保障性租赁住房管理办法"))
    amending = publish_with_interpretation(make_policy_document("关于修改《管理办法》的决定"))

    old.record_validity_change(Validity.AMENDED, date(2022, 6, 20), by_document=amending,
                               note="第二条修改")
    old.save_revision().publish()
    old = PolicyDocumentPage.objects.get(pk=old.pk)
    old.record_validity_change(Validity.REPEALED, date(2023, 1, 1))
    old.save_revision().publish()

    old = PolicyDocumentPage.objects.get(pk=old.pk)
    assert old.validity == Validity.REPEALED
    assert [(c.validity, c.changed_on) for c in old.validity_history()] == [
        (Validity.AMENDED, date(2022, 6, 20)), (Validity.REPEALED, date(2023, 1, 1)),
    ]
    html = client.get(old.url).content.decode()
    assert "2022年6月20日" in html and "2023年1月1日" in html
    assert f'href="{amending.url}"' in html
    # The amending document lists what it changed.
    assert old.title in client.get(amending.url).content.decode()


def test_validity_follows_the_latest_change_even_if_added_out_of_order():
    document = make_policy_document("文件")
    document.record_validity_change(Validity.EXPIRED, date(2023, 1, 1))
    document.record_validity_change(Validity.AMENDED, date(2022, 1, 1))
    assert document.validity == Validity.EXPIRED


@pytest.fixture
def several_documents(jining_units, housing):
    housing_office = jining_units["市住房城乡建设局"]
    labour = jining_units["市人力资源社会保障局"]
    in_force = publish_with_interpretation(make_policy_document(
        "住房办法", issuer=housing_office, categories=[housing], date_published=date(2022, 6, 1)))
    amended = publish_with_interpretation(make_policy_document(
        "旧住房办法", issuer=housing_office, categories=[housing], date_published=date(2021, 9, 1)))
    amended.record_validity_change(Validity.AMENDED, date(2022, 6, 1), by_document=in_force)
    amended.save_revision().publish()
    repealed = publish_with_interpretation(make_policy_document(
        "就业政策2019", issuer=labour, date_published=date(2019, 4, 10)))
    repealed.record_validity_change(Validity.REPEALED, date(2022, 4, 30))
    repealed.save_revision().publish()
    other = publish_with_interpretation(make_policy_document(
        "工作通知", issuer=labour, kind=PolicyKind.OTHER, date_published=date(2022, 3, 1)))
    draft = make_policy_document("尚未发布的文件", issuer=labour)
    return {"in_force": in_force, "amended": amended, "repealed": repealed, "other": other,
            "draft": draft}


def titles(response):
    return [d.title for d in response.context["documents"]]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"住房办法", "旧住房办法", "就业政策2019", "工作通知"}),
        ({"category": "housing"}, {"住房办法", "旧住房办法"}),
        ({"year": "2022"}, {"住房办法", "工作通知"}),
        ({"kind": "other"}, {"工作通知"}),
        ({"validity": "repealed"}, {"就业政策2019"}),
    ],
)
def test_the_library_filters_without_javascript(
    client, library, several_documents, params, expected
):
    response = client.get(library.url, params)
    assert set(titles(response)) == expected


def test_the_library_filters_by_issuer(client, library, several_documents, jining_units):
    response = client.get(library.url, {"issuer": jining_units["市人力资源社会保障局"].pk})
    assert set(titles(response)) == {"就业政策2019", "工作通知"}


def test_dedicated_listings_show_current_normative_documents_and_ended_ones(
    client, library, several_documents
):
    current = client.get(library.url + "current/")
    assert set(titles(current)) == {"住房办法", "旧住房办法"}
    ended = client.get(library.url + "ended/")
    assert set(titles(ended)) == {"就业政策2019"}


def test_drafts_never_appear(client, library, several_documents):
    html = client.get(library.url).content.decode()
    assert "尚未发布的文件" not in html


def test_the_library_is_in_english_when_asked(client, library, several_documents):
    with translation.override("en"):
        html = client.get(library.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Normative documents in force" in html


def test_listing_queries_do_not_grow_with_documents(client, library, housing, jining_units):
    def add(n):
        for i in range(n):
            publish_with_interpretation(make_policy_document(
                f"文件{i}-{n}", issuer=jining_units["市财政局"], categories=[housing]))

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(library.url, {"category": "housing"}).status_code == 200
        return len(queries)

    add(2)
    small = count()
    add(8)
    assert count() == small
