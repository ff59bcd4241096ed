import pytest


def _unit(title, full_name, kind):
    from wagtail_disclosure.models import UnitIndexPage, UnitPage

    existing = UnitPage.objects.filter(title=title).first()
    if existing:
        return existing
    index = UnitIndexPage.objects.get(slug="units")
    unit = UnitPage(title=title, full_name=full_name, kind=kind)
    index.add_child(instance=unit)
    return unit


@pytest.fixture
def office(demo_site):
    """市政府办公室 (a unit of its own, without importing the whole register)."""
    return _unit("市政府办公室", "济宁市人民政府办公室", "municipal_department")


@pytest.fixture
def rencheng(demo_site):
    return _unit("任城区人民政府", "济宁市任城区人民政府", "county_government")


@pytest.fixture
def make_request():
    """A request in the register, as an office would enter a letter it received."""
    from wagtail_disclosure.models import DisclosureRequest

    def make(unit, received_on, **fields):
        defaults = {
            "applicant_type": "natural_person",
            "applicant_name": "王某某",
            "id_number": "11010519491231002X",
            "phone": "13800000000",
            "description": "申请公开2022年度部门预算。",
        }
        events = {
            k: fields.pop(k) for k in ("corrections", "consultations", "extensions") if k in fields
        }
        request = DisclosureRequest(unit=unit, received_on=received_on, **{**defaults, **fields})
        for name, rows in events.items():
            setattr(request, name, rows)
        request.save()
        return request

    return make
