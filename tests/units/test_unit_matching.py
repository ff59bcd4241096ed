"""Every import resolves unit names the way offices write them."""

import pytest

from wagtail_disclosure.units.matching import UnitNameIndex, match_unit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "written, expected",
    [
        ("济宁市发展和改革委员会", "市发展改革委"),
        ("市发改委", "市发展改革委"),
        ("市 教育局", "市教育局"),
        ("市教育局", "市教育局"),
        ("各县(市、区)政府(管委会)", "各县（市、区）政府（管委会）"),
        ("各县（市、区）政府（管委会）", "各县（市、区）政府（管委会）"),
        ("  市发展改革委\u3000", "市发展改革委"),
    ],
)
def test_names_as_offices_write_them_resolve_to_the_register(jining_units, written, expected):
    found = match_unit(written)

    assert found is not None
    assert found.get_display_name() == expected


@pytest.mark.parametrize("written", ["市政府", "", None, "不存在的局"])
def test_a_name_that_is_no_unit_resolves_to_nothing(jining_units, written):
    assert match_unit(written) is None


def test_a_group_is_a_group_and_a_unit_a_unit(jining_units):
    from wagtail_disclosure.units.models import UnitGroup, UnitPage

    index = UnitNameIndex()

    assert isinstance(index.match("各县(市、区)政府(管委会)"), UnitGroup)
    assert isinstance(index.match("市发改委"), UnitPage)
    assert index.canonical_name("市发改委") == "市发展改革委"


# -- the other ways offices write the register's names ------------------------------------------


@pytest.mark.parametrize(
    "written, meant",
    [
        ("各县市区人民政府", "各县（市、区）政府（管委会）"),
        ("各县（市、区）人民政府", "各县（市、区）政府（管委会）"),
        ("市政府各有关部门", "市政府各部门、单位"),
        ("住建局", "市住房城乡建设局"),
        ("卫健委", "市卫生健康委"),
        ("发改委", "市发展改革委"),
        ("市住房和城乡建设管理局", None),
    ],
)
def test_a_variant_of_a_register_name_is_suggested_with_its_confidence(jining_units, written,
                                                                         meant):
    from wagtail_disclosure.units.matching import UnitNameIndex

    index = UnitNameIndex()
    assert index.match(written) is None  # never matched silently
    suggestion = index.suggest(written)
    if meant is None:
        assert suggestion is None
        return
    assert suggestion.label == meant
    assert suggestion.is_likely and 0 < suggestion.confidence < 1
    assert suggestion.steps


def test_the_zones_management_committees_are_every_unit_of_that_kind(jining_units):
    from wagtail_disclosure.units.matching import UnitNameIndex
    from wagtail_disclosure.units.models import UnitKind

    suggestion = UnitNameIndex().suggest("功能区管委会")
    assert suggestion.kind == UnitKind.MANAGEMENT_COMMITTEE and suggestion.target is None
