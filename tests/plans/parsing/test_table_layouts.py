"""Task tables saved in other encodings and formats, and laid out in other ways."""

from __future__ import annotations

import csv
import io

import pytest

from wagtail_disclosure.plans.parsing import outline_to_dict, parse_plan

HEADER = ["工作任务", "责任单位", "具体要求", "完成时限"]
SMALL_TABLE = [
    HEADER,
    ["一、深化重点领域信息公开", None, None, None],
    ["（一）抓好信息公开", "市财政局、市税务局", "公开预算信息。", "2022年6月底"],
    [None, None, "公开决算信息。", "全年"],
    ["二、强化保障", None, None, None],
    ["（二）强化工作保障", "市政府办公室", "组织培训。", "长期坚持"],
]


def outline_shape(outline) -> list:
    """Sections, tasks and requirements with units and deadlines, nothing about the file."""
    return [
        (
            section.title,
            task.title,
            req.text,
            req.lead_units,
            req.cooperating_units,
            req.deadline.due,
            req.deadline.ongoing,
        )
        for section in outline.sections
        for task in section.tasks
        for req in task.requirements
    ]


@pytest.fixture
def jining_csv_rows(jining_dir) -> list[list[str]]:
    text = (jining_dir / "task-table.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig"])
def test_a_csv_saved_as_gbk_or_with_a_bom_gives_the_same_outline(
    jining_dir, jining_csv_rows, make_csv, encoding
):
    plain = parse_plan((jining_dir / "task-table.csv").read_bytes(), "plan.csv", 2022)
    rows = [[cell.replace("\u201c", "“") for cell in row] for row in jining_csv_rows]
    encoded = parse_plan(make_csv(rows, encoding=encoding), "plan.csv", 2022)
    assert encoded.errors == []
    assert outline_shape(encoded) == outline_shape(plain)
    assert len(encoded.requirements) == 84


def test_a_word_table_with_merged_cells_gives_its_outline():
    import docx

    document = docx.Document()
    document.add_paragraph("2022年政务公开工作任务分解表")
    table = document.add_table(rows=len(SMALL_TABLE), cols=4)
    for row_index, row in enumerate(SMALL_TABLE):
        for column, value in enumerate(row):
            if value:
                table.cell(row_index, column).text = value
    table.cell(1, 0).merge(table.cell(1, 3))  # section row merged across
    table.cell(4, 0).merge(table.cell(4, 3))
    table.cell(2, 0).merge(table.cell(3, 0))  # task merged down
    table.cell(2, 1).merge(table.cell(3, 1))  # units merged down
    buffer = io.BytesIO()
    document.save(buffer)

    outline = parse_plan(buffer.getvalue(), "plan.docx", None)

    assert outline.errors == []
    assert outline.year == 2022
    assert [s.title for s in outline.sections] == ["一、深化重点领域信息公开", "二、强化保障"]
    first_task = outline.tasks[0]
    assert [r.text for r in first_task.requirements] == ["公开预算信息。", "公开决算信息。"]
    assert first_task.requirements[1].lead_units == ["市财政局", "市税务局"]
    assert first_task.requirements[1].source_rows == [4]


def test_an_old_xls_workbook_with_merged_cells_gives_its_outline():
    xlwt = pytest.importorskip("xlwt", reason="xlwt is needed to write an .xls fixture")
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("任务表")
    sheet.write_merge(0, 0, 0, 3, "2022年政务公开工作任务分解表")
    for column, name in enumerate(HEADER):
        sheet.write(1, column, name)
    sheet.write_merge(2, 2, 0, 3, "一、深化重点领域信息公开")
    sheet.write_merge(3, 4, 0, 0, "（一）抓好信息公开")
    sheet.write_merge(3, 4, 1, 1, "市财政局、市税务局")
    sheet.write(3, 2, "公开预算信息。")
    sheet.write(3, 3, "2022年6月底")
    sheet.write(4, 2, "公开决算信息。")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    import datetime

    sheet.write(4, 3, datetime.date(2022, 9, 30), date_style)
    buffer = io.BytesIO()
    workbook.save(buffer)

    outline = parse_plan(buffer.getvalue(), "plan.xls", None)

    assert outline.errors == []
    assert (outline.sheet_name, outline.header_row, outline.year) == ("任务表", 2, 2022)
    requirements = outline.requirements
    assert [r.source_rows for r in requirements] == [[4], [5]]
    assert requirements[1].lead_units == ["市财政局", "市税务局"]
    assert str(requirements[1].deadline.due) == "2022-09-30"


def test_a_cover_sheet_before_the_table_sheet_is_skipped(make_xlsx):
    source = make_xlsx(
        {
            "封面": [["2022年政务公开工作任务分解表"], ["济宁市人民政府办公室"]],
            "任务分解": SMALL_TABLE,
        }
    )
    outline = parse_plan(source, "plan.xlsx", 2022)
    assert outline.sheet_name == "任务分解"
    assert len(outline.requirements) == 3


def test_notes_above_the_header_are_skipped_and_rows_keep_sheet_numbers(make_xlsx):
    rows = [["2022年政务公开工作任务分解表"], ["填表说明：请各单位认真填写"], [None], *SMALL_TABLE]
    outline = parse_plan(make_xlsx({"Sheet1": rows}), "plan.xlsx", None)
    assert outline.header_row == 4
    assert outline.title == "2022年政务公开工作任务分解表"
    assert outline.year == 2022
    assert outline.requirements[0].source_rows == [6]


def test_a_xlsx_saved_as_xlsx_named_xls_is_read_by_its_content(make_xlsx):
    outline = parse_plan(make_xlsx({"Sheet1": SMALL_TABLE}), "plan.xls", 2022)
    assert outline.errors == []
    assert len(outline.requirements) == 3


def test_lead_and_cooperating_unit_columns_give_roles(make_xlsx):
    rows = [
        ["序号", "重点任务", "工作措施", "牵头单位", "配合单位", "时间节点"],
        ["1", "做好公开", "公开预算。", "市财政局", "市税务局、市审计局", "2022年6月底"],
        ["2", None, "公开决算。", "市财政局", None, "全年"],
    ]
    outline = parse_plan(make_xlsx({"Sheet1": rows}), "plan.xlsx", 2022)
    first, second = outline.requirements
    assert (first.lead_units, first.cooperating_units) == (["市财政局"], ["市税务局", "市审计局"])
    assert (second.lead_units, second.cooperating_units) == (["市财政局"], [])


def test_with_a_lead_column_the_responsible_column_means_cooperating(make_xlsx):
    rows = [
        ["工作任务", "具体要求", "牵头单位", "责任单位", "完成时限"],
        ["做好公开", "公开预算。", "市财政局", "各县（市、区）政府", "全年"],
    ]
    requirement = parse_plan(make_xlsx({"Sheet1": rows}), "p.xlsx", 2022).requirements[0]
    assert requirement.lead_units == ["市财政局"]
    assert requirement.cooperating_units == ["各县（市、区）政府"]


def test_a_table_without_a_deadline_column_imports_without_deadlines(make_xlsx):
    rows = [
        ["工作任务", "具体要求", "责任单位"],
        ["（一）做好公开", "公开预算。", "市财政局"],
        [None, "公开决算。", None],
    ]
    outline = parse_plan(make_xlsx({"Sheet1": rows}), "p.xlsx", 2022)
    assert outline.errors == [] and outline.warnings == []
    assert [r.text for r in outline.requirements] == ["公开预算。", "公开决算。"]
    assert outline.requirements[1].lead_units == ["市财政局"]
    assert outline.requirements[1].deadline.raw == ""


def test_a_table_without_section_rows_has_one_unnamed_section(make_csv):
    rows = [
        HEADER,
        ["（一）做好公开", "市财政局", "公开预算。", "全年"],
        ["（二）做好解读", "市司法局", "解读政策。", "全年"],
    ]
    outline = parse_plan(make_csv(rows), "2022年任务.csv", None)
    assert [s.title for s in outline.sections] == [None]
    assert [t.title for t in outline.tasks] == ["（一）做好公开", "（二）做好解读"]
    assert outline.year == 2022
    assert outline_to_dict(outline)["sections"][0]["title"] is None


def test_two_requirement_columns_without_a_task_column_make_the_first_the_task(make_xlsx):
    rows = [
        ["具体要求", "具体要求", "责任单位", "完成时限"],
        ["（一）做好公开", "公开预算。", "市财政局", "全年"],
        [None, "公开决算。", None, "全年"],
    ]
    outline = parse_plan(make_xlsx({"Sheet1": rows}, {"Sheet1": ["A2:A3"]}), "p.xlsx", 2022)
    assert [t.title for t in outline.tasks] == ["（一）做好公开"]
    assert [r.text for r in outline.requirements] == ["公开预算。", "公开决算。"]


def test_two_requirement_columns_beside_a_task_column_are_joined(make_xlsx):
    rows = [
        ["工作任务", "具体要求", "具体要求", "责任单位", "完成时限"],
        ["（一）做好公开", "预算公开", "公开预算。", "市财政局", "全年"],
        [None, None, "公开决算。", None, "全年"],
    ]
    outline = parse_plan(
        make_xlsx({"Sheet1": rows}, {"Sheet1": ["A2:A3", "B2:B3"]}), "p.xlsx", 2022
    )
    assert [r.text for r in outline.requirements] == [
        "预算公开：公开预算。",
        "预算公开：公开决算。",
    ]


def test_the_header_repeated_on_each_page_is_skipped(make_csv):
    rows = [
        HEADER,
        ["（一）做好公开", "市财政局", "公开预算。", "全年"],
        HEADER,
        [None, None, "公开决算。", "全年"],
    ]
    outline = parse_plan(make_csv(rows), "p.csv", 2022)
    assert [r.text for r in outline.requirements] == ["公开预算。", "公开决算。"]


def test_tab_separated_text_with_a_csv_extension_still_reads_as_a_table():
    text = "\n".join("\t".join(cell or "" for cell in row) for row in SMALL_TABLE)
    outline = parse_plan(text.encode("utf-8"), "plan.tsv", 2022)
    assert len(outline.requirements) == 3


def test_a_task_repeated_on_every_row_is_one_task(make_csv):
    rows = [
        HEADER,
        ["（一）做好公开", "市财政局", "公开预算。", "全年"],
        ["（一）做好公开", "市财政局", "公开决算。", "全年"],
    ]
    outline = parse_plan(make_csv(rows), "p.csv", 2022)
    assert len(outline.tasks) == 1 and len(outline.requirements) == 2
