import pytest

from tests import builders


@pytest.fixture
def housing(db):
    return builders.make_subject_category("住房保障", "housing")


@pytest.fixture
def county_site(home):
    """任城区's own site at localhost:8081 with its policy library (/policies/ there too)."""
    from wagtail_disclosure.policies.models import PolicyIndexPage

    county_home = builders.make_site("任城区政府", "rencheng-home", 8081, site_name="任城区")
    library = builders.child_page(county_home, PolicyIndexPage, "county-policies", "政策文件库")
    return county_home, library


def api(client, path, host=None, **params):
    """GET an API path; the JSON answer (asserting 200)."""
    extra = on_host(host) if host else {}
    response = client.get(f"/api/v2/{path}", params, **extra)
    assert response.status_code == 200, response.content.decode()
    return response.json()


def on_host(host):
    """Request headers for a site at ``host`` ("name:port"): Wagtail matches the port the
    server received the request on."""
    return {"HTTP_HOST": host, "SERVER_PORT": host.rsplit(":", 1)[1]}


def titles(answer):
    return {item["title"] for item in answer["items"]}
