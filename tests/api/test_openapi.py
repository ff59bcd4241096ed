"""The OpenAPI description the site serves is valid OpenAPI 3 and says what is served."""

import pytest

from tests import builders
from tests.api.conftest import api
from wagtail_disclosure.api.endpoints import ENDPOINTS


def test_the_description_is_valid_openapi_3(client, home):
    from openapi_spec_validator import validate

    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    description = response.json()
    validate(description)
    assert description["servers"] == [{"url": "http://testserver/api/v2"}]


def test_it_names_every_endpoint_and_filter(client, home):
    description = client.get("/api/v2/openapi.json").json()
    for endpoint in ENDPOINTS:
        listing = description["paths"][f"/{endpoint.api_name}/"]["get"]
        names = {p["name"] for p in listing["parameters"]}
        assert set(endpoint.filters) | {"site", "limit", "offset", "fields"} <= names
        assert f"/{endpoint.api_name}/{{id}}/" in description["paths"]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.api_name)
def test_what_is_served_has_exactly_the_described_fields(client, plan_2022, office, endpoint):
    """Each item of a listing with all fields has the properties its schema lists."""
    builders.publish_document(builders.policy_library(), "测试文件", issuer=office)
    description = client.get("/api/v2/openapi.json").json()
    name = description["paths"][f"/{endpoint.api_name}/"]["get"]["responses"]["200"]
    ref = name["content"]["application/json"]["schema"]["properties"]["items"]["items"]["$ref"]
    schema = description["components"]["schemas"][ref.rsplit("/", 1)[1]]
    for item in api(client, f"{endpoint.api_name}/", fields="*")["items"][:3]:
        assert set(item) == set(schema["properties"])


def test_the_apis_root_lists_its_endpoints_and_description(client, home):
    index = client.get("/api/v2/").json()
    assert index["openapi"] == "http://testserver/api/v2/openapi.json"
    assert set(index["endpoints"]) == {endpoint.api_name for endpoint in ENDPOINTS}
