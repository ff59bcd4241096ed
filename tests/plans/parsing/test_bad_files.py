"""Files that cannot be imported come back with a clear problem naming the row, never a crash."""

from __future__ import annotations

import io
import zipfile

import pytest

from wagtail_disclosure.core.bounded_reader import ReadingLimits
from wagtail_disclosure.plans.parsing import MAX_CELL_CHARS, outline_to_dict, parse_plan

HEADER = ["工作任务", "责任单位", "具体要求", "完成时限"]


def codes(outline, severity="error") -> list[str]:
    chosen = outline.errors if severity == "error" else outline.warnings
    return [problem.code for problem in chosen]


@pytest.mark.parametrize("source", [b"", b"   \n\n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_an_error(source):
    outline = parse_plan(source, "plan.xlsx", 2022)
    assert codes(outline) == ["file_empty"]
    assert outline.sections == []


def test_a_file_without_a_recognisable_header_is_an_error(make_xlsx):
    source = make_xlsx({"Sheet1": [["姓名", "电话"], ["张三", "123"]]})
    assert codes(parse_plan(source, "plan.xlsx", 2022)) == ["header_not_found"]


def test_a_text_file_named_xlsx_is_an_error_saying_so():
    outline = parse_plan("这不是表格，只是一段文字。".encode(), "plan.xlsx", 2022)
    assert codes(outline) == ["wrong_format"]
    assert outline.errors[0].params["extension"] == ".xlsx"


def test_a_csv_named_xlsx_is_read_with_a_warning(make_csv):
    rows = [HEADER, ["（一）做好公开", "市财政局", "公开预算。", "全年"]]
    outline = parse_plan(make_csv(rows), "plan.xlsx", 2022)
    assert codes(outline) == []
    assert "format_mismatch" in codes(outline, "warning")


def test_a_corrupt_zip_is_an_error():
    source = b"PK\x03\x04" + b"\x00broken" * 100
    assert codes(parse_plan(source, "plan.xlsx", 2022)) == ["file_corrupt"]


def test_a_zip_that_is_not_an_office_file_is_an_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert codes(parse_plan(buffer.getvalue(), "plan.xlsx", 2022)) == ["file_unsupported"]


def test_a_zip_with_a_damaged_workbook_is_an_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not really a workbook")
    assert codes(parse_plan(buffer.getvalue(), "plan.xlsx", 2022)) == ["file_corrupt"]


def test_a_damaged_xls_is_an_error():
    source = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert codes(parse_plan(source, "plan.xls", 2022)) == ["file_corrupt"]


def test_a_binary_file_is_an_error():
    assert codes(parse_plan(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "plan.png", 2022)) == [
        "file_unsupported"
    ]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_5mb_cell_is_an_error_naming_its_row_and_column(make_xlsx, make_csv, kind):
    huge = "很长的要求" * (1_000_000)
    rows = [
        HEADER,
        ["（一）做好公开", "市财政局", "公开预算。", "全年"],
        [None, "市财政局", huge, "全年"],
    ]
    source = make_xlsx({"Sheet1": rows}) if kind == "xlsx" else make_csv(rows)
    # The CSV is 15 MB, over the default upload limit: allow it, to reach the cell's check.
    outline = parse_plan(source, f"plan.{kind}", 2022,
                         limits=ReadingLimits(max_file_bytes=20 * 1024 * 1024))
    [problem] = outline.errors
    assert (problem.code, problem.row) == ("cell_too_long", 3)
    assert problem.params["column"] == "具体要求"
    assert problem.params["limit"] == MAX_CELL_CHARS
    assert len(outline.requirements) == 1


def test_a_row_with_units_but_no_requirement_is_an_error_naming_the_row(make_csv):
    rows = [
        HEADER,
        ["一、公开", None, None, None],
        ["（一）做好公开", "市财政局", "公开预算。", "全年"],
        [None, "市税务局", None, None],
    ]
    outline = parse_plan(make_csv(rows), "plan.csv", 2022)
    [problem] = outline.errors
    assert (problem.code, problem.row) == ("units_without_requirement", 4)
    assert problem.params["units"] == "市税务局"


def test_a_row_with_a_deadline_but_no_requirement_is_an_error(make_csv):
    rows = [
        HEADER,
        ["（一）做好公开", "市财政局", "公开预算。", "全年"],
        [None, None, None, "全年"],
    ]
    outline = parse_plan(make_csv(rows), "plan.csv", 2022)
    assert [(p.code, p.row) for p in outline.errors] == [("deadline_without_requirement", 3)]


def test_an_unreadable_deadline_is_a_warning_naming_the_row(make_csv):
    rows = [HEADER, ["（一）做好公开", "市财政局", "公开预算。", "视情况而定"]]
    outline = parse_plan(make_csv(rows), "plan.csv", 2022)
    [problem] = outline.warnings
    assert (problem.code, problem.row, problem.params["text"]) == (
        "deadline_not_understood",
        2,
        "视情况而定",
    )
    assert outline.requirements[0].deadline.raw == "视情况而定"


def test_a_requirement_without_units_above_it_is_a_warning(make_csv):
    rows = [HEADER, ["（一）做好公开", None, "公开预算。", "全年"]]
    outline = parse_plan(make_csv(rows), "plan.csv", 2022)
    assert [(p.code, p.row) for p in outline.warnings] == [("units_missing", 2)]


def test_without_a_year_anywhere_the_plan_is_an_error(make_csv):
    rows = [HEADER, ["（一）做好公开", "市财政局", "公开预算。", "全年"]]
    outline = parse_plan(make_csv(rows), "plan.csv", None)
    assert codes(outline) == ["year_not_found"]


def test_a_header_without_rows_below_is_an_error(make_csv):
    outline = parse_plan(make_csv([HEADER]), "plan.csv", 2022)
    assert [(p.code, p.row) for p in outline.errors] == [("no_requirements", 1)]


def test_problems_appear_in_the_dictionary_with_rows_and_messages(make_csv):
    rows = [
        HEADER,
        ["（一）做好公开", "市财政局", "公开预算。", "视情况而定"],
        [None, "市税务局", None, None],
    ]
    document = outline_to_dict(
        parse_plan(make_csv(rows), "plan.csv", 2022), message=lambda problem: f"row {problem.row}"
    )
    assert document["warnings"][0]["row"] == 2
    assert document["warnings"][0]["message"] == "row 2"
    assert document["errors"][0]["row"] == 3
    assert document["errors"][0]["code"] == "units_without_requirement"
