"""Splitting a responsible-units cell into units and unit groups, with their roles."""

from __future__ import annotations

import pytest

from wagtail_disclosure.plans.parsing import UnitRef, normalize_unit_name, split_units


def names(cell: str, role: str = "lead") -> list[str]:
    return [ref.name for ref in split_units(cell, role)]


def roles(cell: str, role: str = "lead") -> list[tuple[str, str]]:
    return [(ref.name, ref.role) for ref in split_units(cell, role)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("市财政局，市税务局", ["市财政局", "市税务局"]),
        ("市财政局,市税务局", ["市财政局", "市税务局"]),
        ("市财政局、市税务局", ["市财政局", "市税务局"]),
        ("市财政局；市税务局", ["市财政局", "市税务局"]),
        ("市财政局;市税务局", ["市财政局", "市税务局"]),
        (" 市财政局 ， 市税务局 ", ["市财政局", "市税务局"]),
    ],
)
def test_units_are_split_on_commas_and_enumeration_marks(cell, expected):
    assert names(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("各县（市、区）政府（管委会），市科技局", ["各县（市、区）政府（管委会）", "市科技局"]),
        ("各县(市、区)政府(管委会), 市科技局", ["各县(市、区)政府(管委会)", "市科技局"]),
    ],
)
def test_brackets_are_never_split(cell, expected):
    assert names(cell) == expected


@pytest.mark.parametrize("group", ["市政府各部门、单位", "市政府有关部门、单位"])
def test_group_names_with_an_enumeration_mark_stay_whole(group):
    counties = "各县（市、区）政府（管委会）"
    assert names(f"{counties}，{group}") == [counties, group]


def test_a_unit_and_others_gives_the_unit_and_the_group():
    assert names("市发展改革委、市行政审批服务局等市政府有关部门、单位") == [
        "市发展改革委",
        "市行政审批服务局",
        "市政府有关部门、单位",
    ]


def test_city_and_county_offices_are_two_units():
    assert names("市、县级政府办公室") == ["市政府办公室", "县级政府办公室"]


def test_a_lead_word_makes_the_unit_lead_and_is_removed():
    assert roles("市财政局牵头，市税务局配合", "cooperating") == [
        ("市财政局", "lead"),
        ("市税务局", "cooperating"),
    ]


def test_a_cooperating_word_covers_every_unit_listed_before_it():
    assert roles("市财政局牵头，市税务局、市商务局配合") == [
        ("市财政局", "lead"),
        ("市税务局", "cooperating"),
        ("市商务局", "cooperating"),
    ]


def test_role_labels_in_the_cell_give_roles():
    assert roles("牵头单位：市财政局；配合单位：市税务局、市商务局") == [
        ("市财政局", "lead"),
        ("市税务局", "cooperating"),
        ("市商务局", "cooperating"),
    ]


def test_responsible_for_carrying_out_means_lead():
    assert roles("市民政局负责落实", "cooperating") == [("市民政局", "lead")]


def test_a_bracketed_role_is_read_and_removed():
    assert roles("市财政局（牵头）、市税务局") == [("市财政局", "lead"), ("市税务局", "lead")]


def test_the_column_role_applies_when_the_cell_names_none():
    assert split_units("市税务局", "cooperating") == [UnitRef("市税务局", "cooperating")]


@pytest.mark.parametrize("cell", ["", None, "  "])
def test_an_empty_cell_names_no_units(cell):
    assert split_units(cell) == []


def test_a_unit_written_twice_is_named_once():
    assert names("市财政局、市财政局") == ["市财政局"]


def test_unit_names_are_compared_without_width_or_spaces():
    assert normalize_unit_name("各县（市、区）政府（管委会）") == "各县(市、区)政府(管委会)"
    assert normalize_unit_name(" 市 财政局\u3000") == "市财政局"
    assert normalize_unit_name("市发展改革委") == normalize_unit_name("市发展改革委 ")


def test_a_lead_named_with_qiantou_makes_the_units_told_to_carry_it_out_cooperate():
    assert roles("市发展改革委牵头，市住建局等政府各有关部门负责落实") == [
        ("市发展改革委", "lead"), ("市住建局", "cooperating"), ("市政府各有关部门", "cooperating"),
    ]


def test_a_lead_and_the_units_that_cooperate_with_it():
    assert roles("市财政局牵头，市税务局、市商务局配合") == [
        ("市财政局", "lead"), ("市税务局", "cooperating"), ("市商务局", "cooperating"),
    ]


def test_without_qiantou_units_told_to_carry_out_the_work_lead_it():
    assert roles("市财政局、市税务局负责落实") == [("市财政局", "lead"), ("市税务局", "lead")]
