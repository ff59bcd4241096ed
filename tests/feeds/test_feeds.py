"""Feeds: a reader following new policies of a site, a unit or a subject, in RSS or Atom."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from tests import builders
from tests.api.conftest import on_host

ATOM = "{http://www.w3.org/2005/Atom}"
COUNTY = "localhost:8081"


def rss_items(client, path, host=None, **params):
    """The items of an RSS feed, checked against RSS 2.0's required elements."""
    response = client.get(path, params, **(on_host(host) if host else {}))
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.find(required) is not None and channel.find(required).text
    items = channel.findall("item")
    for item in items:
        assert item.find("title").text and item.find("link").text.startswith("http")
        assert item.find("guid") is not None and item.find("pubDate") is not None
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo and parsed.version == "rss20"
    return [item.find("title").text for item in items]


def atom_entries(client, path, **params):
    """The entries of an Atom feed, checked against Atom 1.0's required elements."""
    response = client.get(path, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}").text
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo and parsed.version == "atom10"
    return [entry.find(f"{ATOM}title").text for entry in entries]


@pytest.fixture
def documents(home, office, rencheng):
    housing = builders.make_subject_category("住房保障", "housing")
    library = builders.policy_library()
    return {
        "housing": builders.publish_document(library, "住房保障通知", issuer=office,
                                             categories=[housing]),
        "county": builders.publish_document(library, "任城区实施方案", issuer=rencheng),
        "draft": builders.make_policy_document("尚未发布的草稿", issuer=office),
    }


def test_the_policy_feed_lists_new_documents_in_rss_and_atom(client, documents):
    rss = rss_items(client, "/disclosure/feeds/policies/rss/")
    atom = atom_entries(client, "/disclosure/feeds/policies/atom/")
    assert set(rss) == set(atom) == {"住房保障通知", "任城区实施方案"}


def test_a_feed_narrows_to_a_unit_a_subject_category_and_a_kind(client, documents, rencheng):
    assert rss_items(client, "/disclosure/feeds/policies/rss/", unit=rencheng.pk) == [
        "任城区实施方案"
    ]
    assert atom_entries(client, "/disclosure/feeds/policies/atom/", category="housing") == [
        "住房保障通知"
    ]
    assert rss_items(client, "/disclosure/feeds/policies/rss/", kind="normative") == []
    assert client.get("/disclosure/feeds/policies/rss/", {"category": "none"}).status_code == 404
    assert client.get("/disclosure/feeds/nothing/rss/").status_code == 404


def test_a_changed_document_comes_back_to_the_top(client, documents):
    housing = documents["housing"]
    housing.title = "住房保障通知（修订）"
    housing.save_revision().publish()
    assert rss_items(client, "/disclosure/feeds/policies/rss/")[0] == "住房保障通知（修订）"


def test_restricted_and_unpublished_documents_stay_out(client, documents):
    PageViewRestriction.objects.create(page=documents["county"], restriction_type="password",
                                       password="pw")
    documents["housing"].unpublish()
    assert rss_items(client, "/disclosure/feeds/policies/rss/") == []


def test_interpretations_and_plan_progress_have_feeds(client, home, office, plan_2022):
    document = builders.make_policy_document("济宁市规范性文件", issuer=office)
    builders.publish_with_interpretation(document)
    assert rss_items(client, "/disclosure/feeds/interpretations/rss/") == ["济宁市规范性文件解读"]
    requirement = plan_2022.get_children().first().specific.requirements.first()
    unit = requirement.lead_units.first() or office
    builders.make_report(requirement, unit, status="done", narrative="已在网站公开。")
    titles = rss_items(client, "/disclosure/feeds/progress/rss/")
    assert len(titles) == 1 and titles[0].startswith(f"{unit.title}：已完成")
    assert rss_items(client, "/disclosure/feeds/progress/rss/", unit=unit.pk) == titles


def test_a_county_sites_feed_has_its_own_documents_only(client, home, office, rencheng):
    from wagtail_disclosure.policies.models import PolicyIndexPage

    county_home = builders.make_site("任城区政府", "rencheng-home", 8081, site_name="任城区")
    county_library = builders.child_page(county_home, PolicyIndexPage, "county-policies",
                                         "政策文件库")
    builders.publish_document(county_library, "任城区自己的文件", issuer=rencheng)
    builders.publish_document(builders.policy_library(), "市里的文件", issuer=office)
    assert rss_items(client, "/disclosure/feeds/policies/rss/", host=COUNTY) == [
        "任城区自己的文件"
    ]
    assert rss_items(client, "/disclosure/feeds/policies/rss/") == ["市里的文件"]


def test_feeds_are_bounded_and_cost_the_same_queries_at_any_size(client, home, office, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.WAGTAIL_DISCLOSURE_FEED_ITEMS = 5
    library = builders.policy_library()

    def count():
        with CaptureQueriesContext(connection) as queries:
            titles = rss_items(client, "/disclosure/feeds/policies/rss/")
        return len(queries), len(titles)

    for i in range(2):
        builders.publish_document(library, f"文件{i}", issuer=office,
                                  date_published=datetime.date(2022, 1, i + 1))
    small = count()
    for i in range(2, 9):
        builders.publish_document(library, f"文件{i}", issuer=office)
    large = count()
    assert small[0] == large[0]
    assert (small[1], large[1]) == (2, 5)


def test_the_policy_library_links_its_feeds_and_the_subscription(client, documents):
    html = client.get("/policies/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/disclosure/feeds/policies/rss/"' in html
    assert 'type="application/atom+xml"' in html
    assert 'href="/disclosure/subscribe/"' in html


def test_a_units_page_links_its_own_feeds(client, office):
    html = client.get(office.url).content.decode()
    assert f'href="/disclosure/feeds/policies/rss/?unit={office.pk}"' in html
