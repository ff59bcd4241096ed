"""Tables whose header labels mislead: the outline follows the numbering of the cells
(一、 sections, （一） tasks, 1. requirements)."""

from __future__ import annotations

from wagtail_disclosure.plans.parsing import parse_plan

HEADER = ["工作任务", "具体要求", "序号", "具体要求", "责任单位", "时限要求"]
ROWS = [
    ["2022年政务公开工作任务分工"],
    HEADER,
    ["一、深化重点领域信息公开", "（一）推进财政信息公开", "1", "细化部门预决算公开。", "市财政局",
     "2022年6月底前"],
    [None, None, "2", "公开政府债务信息。", "市财政局", "全年"],
    [None, "（二）推进住房信息公开", "3", "公开保障性住房分配结果。", "市住建局", "持续推进"],
    ["二、强化公开平台建设", "（一）优化政府网站", "4", "完善政策文件库。", "市政府办公室",
     "2022年12月底前"],
]


def shape(outline):
    return [
        (section.title, task.number, task.title, requirement.text)
        for section in outline.sections
        for task in section.tasks
        for requirement in task.requirements
    ]


EXPECTED = [
    ("一、深化重点领域信息公开", "一", "（一）推进财政信息公开", "细化部门预决算公开。"),
    ("一、深化重点领域信息公开", "一", "（一）推进财政信息公开", "公开政府债务信息。"),
    ("一、深化重点领域信息公开", "二", "（二）推进住房信息公开", "公开保障性住房分配结果。"),
    ("二、强化公开平台建设", "一", "（一）优化政府网站", "完善政策文件库。"),
]


def test_repeated_requirement_headers_with_sections_in_the_task_column_give_the_right_outline(
    make_csv,
):
    outline = parse_plan(make_csv(ROWS), "分工.csv", 2022)
    assert outline.errors == []
    assert shape(outline) == EXPECTED


def test_the_same_table_with_merged_section_and_task_cells(make_xlsx):
    rows = [list(row) for row in ROWS]
    rows[3][0] = rows[2][0]
    rows[3][1] = rows[2][1]  # Excel keeps the value in the merge's first cell only
    rows[4][0] = rows[2][0]
    data = make_xlsx({"Sheet1": rows}, merges={"Sheet1": ["A3:A5", "B3:B4"]})
    outline = parse_plan(data, "分工.xlsx", 2022)
    assert outline.errors == []
    assert shape(outline) == EXPECTED


def test_a_task_column_holding_only_sections_makes_sections(make_csv):
    rows = [
        ["工作任务", "具体要求", "责任单位", "完成时限"],
        ["一、深化重点领域信息公开", "公开预算信息。", "市财政局", "全年"],
        [None, "公开决算信息。", "市财政局", "全年"],
        ["二、强化保障", "组织培训。", "市政府办公室", "长期坚持"],
    ]
    outline = parse_plan(make_csv(rows), "表.csv", 2022)
    assert [(s.title, [r.text for r in s.tasks[0].requirements]) for s in outline.sections] == [
        ("一、深化重点领域信息公开", ["公开预算信息。", "公开决算信息。"]),
        ("二、强化保障", ["组织培训。"]),
    ]


def test_a_workbook_split_into_one_sheet_per_section_is_one_plan(make_xlsx):
    header = ["工作任务", "具体要求", "责任单位", "完成时限"]
    data = make_xlsx({
        "一、深化重点领域信息公开": [
            ["2022年政务公开工作任务分解表"],
            header,
            ["（一）推进财政信息公开", "细化部门预决算公开。", "市财政局", "全年"],
        ],
        "二、强化公开平台建设": [
            header,
            ["（二）优化政府网站", "完善政策文件库。", "市政府办公室", "全年"],
        ],
        "说明": [["序号", "说明"], ["1", "本表由市政府办公室汇总"]],
    })
    outline = parse_plan(data, "分解表.xlsx", 2022)
    assert outline.errors == []
    assert outline.title == "2022年政务公开工作任务分解表"
    assert [(s.title, [t.title for t in s.tasks]) for s in outline.sections] == [
        ("一、深化重点领域信息公开", ["（一）推进财政信息公开"]),
        ("二、强化公开平台建设", ["（二）优化政府网站"]),
    ]


def test_the_reader_says_which_columns_it_chose_and_the_editor_may_reassign_them(make_csv):
    rows = [
        ["工作任务", "具体要求", "责任单位", "完成时限"],
        ["（一）推进财政信息公开", "细化部门预决算公开。", "市财政局", "全年"],
    ]
    read = parse_plan(make_csv(rows), "表.csv", 2022)
    assert read.columns["task"] == [0] and read.columns["requirement"] == [1]
    assert read.columns["units"] == [2] and read.columns["deadline"] == [3]
    assert read.header_names[1] == "具体要求"
    assert read.shape == "工作任务|具体要求|责任单位|完成时限"

    # The editor says column D holds the units and C the deadline (the cells are swapped).
    rows[1][2], rows[1][3] = "全年", "市财政局"
    swapped = parse_plan(make_csv(rows), "表.csv", 2022, columns={"units": [3], "deadline": [2]})
    requirement = swapped.requirements[0]
    assert requirement.units_raw == "市财政局" and requirement.deadline.raw == "全年"
