"""One install, two sites: each site's API shows its own content only."""

from tests import builders
from tests.api.conftest import api, on_host, titles

COUNTY = "localhost:8081"


def test_a_county_sites_documents_stay_in_its_own_api(client, county_site, office, rencheng):
    _county_home, county_library = county_site
    builders.publish_document(county_library, "任城区自己的文件", issuer=rencheng)
    builders.publish_document(builders.policy_library(), "市里的文件", issuer=office)

    city = titles(api(client, "policies/", limit=100))
    county = titles(api(client, "policies/", host=COUNTY, limit=100))
    assert "市里的文件" in city and "任城区自己的文件" not in city
    assert county == {"任城区自己的文件"}
    # Asked of the city's host, the county's listing by the site parameter.
    assert titles(api(client, "policies/", site=COUNTY)) == {"任城区自己的文件"}
    assert "任城区自己的文件" not in titles(api(client, "pages/", limit=100))


def test_a_detail_of_another_sites_item_is_not_found(client, county_site, rencheng):
    _county_home, county_library = county_site
    document = builders.publish_document(county_library, "任城区自己的文件", issuer=rencheng)
    assert client.get(f"/api/v2/policies/{document.pk}/").status_code == 404
    assert client.get(f"/api/v2/policies/{document.pk}/", **on_host(COUNTY)).status_code == 200


def test_the_citys_plan_is_not_in_the_county_api(client, county_site, plan_2022):
    assert api(client, "requirements/", host=COUNTY)["meta"]["total_count"] == 0
    assert api(client, "plans/", host=COUNTY)["meta"]["total_count"] == 0
    assert api(client, "requirements/")["meta"]["total_count"] > 0


def test_more_sites_cost_a_sites_api_no_more_queries(client, county_site, rencheng):
    """One install with many county sites: a site's listings cost what they cost alone."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail_disclosure.policies.models import PolicyIndexPage

    _county_home, county_library = county_site
    for i in range(3):
        builders.publish_document(county_library, f"任城区文件{i}", issuer=rencheng)

    def count():
        counts = []
        for path in ("policies/", "requirements/", "units/", "pages/"):
            with CaptureQueriesContext(connection) as queries:
                api(client, path, host=COUNTY, limit=50)
            counts.append(len(queries))
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/disclosure/feeds/policies/rss/", **on_host(COUNTY)).status_code \
                == 200
        return counts + [len(queries)]

    alone = count()
    for n in range(5):
        home = builders.make_site(f"县{n}", f"county-{n}", 8090 + n)
        library = builders.child_page(home, PolicyIndexPage, f"county-{n}-policies", "政策文件库")
        for i in range(3):
            builders.publish_document(library, f"县{n}文件{i}", issuer=rencheng)
    assert count() == alone
    assert titles(api(client, "policies/", host=COUNTY, limit=50)) == {
        f"任城区文件{i}" for i in range(3)
    }
