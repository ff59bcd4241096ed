"""Nothing that is not public is ever served: drafts, unpublished and restricted pages, the
rows under them, private fields and personal data. The probe walks every endpoint."""

import datetime
import json

import pytest
from wagtail.models import PageViewRestriction

from tests import builders
from wagtail_disclosure.api.endpoints import ENDPOINTS, PublicPagesEndpoint

MARK = "内部不公开"
SECRETS = ["0537-7654321", "secret-complaints@example.com", "11010519491231002X",
           "13800000000", "王某某", "济宁市某某路9号"]
#: Field names that must never appear in an answer (split on "_").
DENIED_WORDS = {"contact", "phone", "email", "ip", "address", "applicant", "password",
                "author", "internal", "mobile", "postcode"}


def denied_keys(data, found=None):
    found = set() if found is None else found
    if isinstance(data, dict):
        for key, value in data.items():
            if set(key.lower().split("_")) & DENIED_WORDS or key == "id_number":
                found.add(key)
            denied_keys(value, found)
    elif isinstance(data, list):
        for value in data:
            denied_keys(value, found)
    return found


@pytest.fixture
def hidden(home, office, jining_units):
    """A public document and, around it, everything the public must not see."""
    from wagtail_disclosure.annual_reports.models import AnnualReport
    from wagtail_disclosure.policies.models import PolicyIndexPage
    from wagtail_disclosure.units.models import UnitPage

    library = builders.policy_library()
    office.phone = "0537-7654321"
    office.address = "济宁市某某路9号"
    office.save_revision().publish()
    public = builders.publish_document(library, "公开的文件", issuer=office)

    draft = builders.make_policy_document(f"{MARK}草稿文件", issuer=office)
    withdrawn = builders.publish_document(library, f"{MARK}撤回文件", issuer=office)
    withdrawn.unpublish()
    restricted = builders.publish_document(library, f"{MARK}加密文件", issuer=office)
    PageViewRestriction.objects.create(page=restricted, restriction_type="password",
                                       password="pw")
    closed = builders.child_page(home, PolicyIndexPage, "closed", f"{MARK}内部文件库")
    PageViewRestriction.objects.create(page=closed, restriction_type="login")
    under_closed = builders.publish_document(closed, f"{MARK}内部库文件", issuer=office)

    draft_unit = UnitPage(title=f"{MARK}筹建单位", live=False)
    builders.unit_directory().add_child(instance=draft_unit)
    orphan = builders.publish_document(library, "筹建单位发布的文件", issuer=draft_unit)
    draft_interpretation = builders.make_interpretation(f"{MARK}解读草稿", [public])

    plan = builders.make_plan(2023, title="2023年计划", slug="2023")
    draft_task = builders.make_task(
        plan, f"{MARK}任务", [builders.requirement(f"{MARK}要求", lead_units=[office])],
        publish=False, live=False,
    )
    builders.make_task(plan, "公开任务", [builders.requirement("公开要求", lead_units=[office])])

    column = builders.make_enterprise_column()
    sector = builders.make_sector(column, "供水", "water", office, [("水质", "monthly")],
                                  complaint_email="secret-complaints@example.com")
    entity = builders.make_enterprise(sector, "供水公司", "water-co", phone="0537-7654321",
                                      complaint_email="secret-complaints@example.com")
    from wagtail_disclosure.enterprises.models import EnterprisePage

    draft_entity = EnterprisePage(
        disclosure_attribute="proactive",
        title=f"{MARK}企业", slug="hidden-co", live=False)
    sector.add_child(instance=draft_entity)

    builders.make_request(office, datetime.date(2022, 3, 1))
    draft_report = AnnualReport(disclosure_attribute="proactive", unit=office, year=2019)
    draft_report.save()

    return {
        "public": [public, orphan, entity],
        "hidden_pages": [draft, withdrawn, restricted, closed, under_closed, draft_unit,
                         draft_interpretation, draft_task, draft_entity],
        "hidden_rows": {"requirements": list(draft_task.requirements.all()),
                        "annual-reports": [draft_report]},
    }


def walk(client, endpoint):
    """Every item of an endpoint's listing, every one's detail: the answers' texts."""
    texts, offset = [], 0
    while True:
        response = client.get(f"/api/v2/{endpoint.api_name}/",
                              {"limit": 100, "offset": offset, "fields": "*"})
        assert response.status_code == 200, (endpoint.api_name, response.content.decode())
        answer = response.json()
        texts.append(answer)
        for item in answer["items"]:
            detail = client.get(f"/api/v2/{endpoint.api_name}/{item['id']}/")
            assert detail.status_code == 200
            texts.append(detail.json())
        offset += 100
        if offset >= answer["meta"]["total_count"]:
            return texts


@pytest.mark.django_db
def test_no_endpoint_serves_anything_that_is_not_public(client, hidden):
    seen_public = set()
    for endpoint in ENDPOINTS:
        for answer in walk(client, endpoint):
            text = json.dumps(answer, ensure_ascii=False)
            assert MARK not in text, endpoint.api_name
            for secret in SECRETS:
                assert secret not in text, (endpoint.api_name, secret)
            assert not denied_keys(answer), (endpoint.api_name, denied_keys(answer))
            seen_public.update(p.title for p in hidden["public"] if p.title in text)
        pages = hidden["hidden_pages"] if issubclass(endpoint, PublicPagesEndpoint) else []
        for page in pages:
            response = client.get(f"/api/v2/{endpoint.api_name}/{page.pk}/")
            assert response.status_code == 404, (endpoint.api_name, page.title)
        for row in hidden["hidden_rows"].get(endpoint.api_name, []):
            assert client.get(f"/api/v2/{endpoint.api_name}/{row.pk}/").status_code == 404
    assert seen_public == {p.title for p in hidden["public"]}


def test_a_public_document_names_no_unpublished_issuer(client, hidden):
    orphan = hidden["public"][1]
    assert client.get(f"/api/v2/policies/{orphan.pk}/").json()["issuer"] is None


def test_a_visitor_logged_in_or_with_the_password_still_gets_public_data_only(
    client, hidden, manager
):
    client.force_login(manager)
    text = client.get("/api/v2/policies/", {"limit": 100}).content.decode()
    assert MARK not in text
