"""Sitemaps: each site lists its own live, public pages and the routes of its listings."""

import xml.etree.ElementTree as ET

from wagtail.models import PageViewRestriction

from tests import builders
from tests.api.conftest import on_host

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(client, host=None):
    response = client.get("/sitemap.xml", **(on_host(host) if host else {}))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{NS}urlset"
    return [url.find(f"{NS}loc").text for url in root.findall(f"{NS}url")]


def test_the_sitemap_lists_live_public_pages_only(client, home, office):
    library = builders.policy_library()
    public = builders.publish_document(library, "公开的文件", issuer=office)
    draft = builders.make_policy_document("草稿文件", issuer=office)
    restricted = builders.publish_document(library, "加密文件", issuer=office)
    PageViewRestriction.objects.create(page=restricted, restriction_type="password",
                                       password="pw")
    found = locations(client)
    assert public.full_url in found
    assert office.full_url in found
    assert restricted.full_url not in found
    assert not any(draft.slug in url for url in found)


def test_routable_listings_and_published_annual_reports_are_listed(client, home, office):
    from wagtail_disclosure.annual_reports.models import AnnualReport

    index = builders.annual_report_index()
    index.save_revision().publish()
    report = AnnualReport(disclosure_attribute="proactive", unit=office, year=2022)
    report.save()
    report.save_revision().publish()
    draft = AnnualReport(disclosure_attribute="proactive", unit=office, year=2021)
    draft.save()
    found = locations(client)
    library = builders.policy_library()
    assert library.full_url + "current/" in found
    assert library.full_url + "ended/" in found
    assert f"{index.full_url}{office.pk}/2022/" in found
    assert f"{index.full_url}{office.pk}/2021/" not in found


def test_each_site_has_its_own_sitemap(client, home, office, rencheng):
    from wagtail_disclosure.policies.models import PolicyIndexPage

    county_home = builders.make_site("任城区政府", "rencheng-home", 8081, site_name="任城区")
    county_library = builders.child_page(county_home, PolicyIndexPage, "county-policies",
                                         "政策文件库")
    county_document = builders.publish_document(county_library, "任城区文件", issuer=rencheng)
    city = locations(client)
    county = locations(client, "localhost:8081")
    assert county_document.full_url in county and county_document.full_url not in city
    assert office.full_url in city and office.full_url not in county
