"""The outline as the import command prints it, and the parser's independence from Django."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.jining import REPO
from wagtail_disclosure.plans.parsing import outline_to_dict, parse_plan

PARSING_DIR = REPO / "wagtail_disclosure" / "plans" / "parsing"


def test_the_jining_outline_prints_as_the_agreed_json_shape(jining_dir):
    outline = parse_plan((jining_dir / "task-table.xlsx").read_bytes(), "task-table.xlsx", 2022)
    document = json.loads(json.dumps(outline_to_dict(outline), ensure_ascii=False))
    assert document["plan"]["title"] == "2022年济宁市政务公开工作任务分解表"
    assert document["plan"]["year"] == 2022
    first = document["sections"][0]["tasks"][0]["requirements"][0]
    assert document["sections"][0]["tasks"][0]["title"] == "(一) 抓好新旧动能转换信息公开"
    assert first["lead_units"] == ["各县(市、区)政府(管委会)", "市发展改革委", "市工业和信息化局"]
    assert first["cooperating_units"] == [] and first["unmatched_units"] == []
    assert first["deadline"] == {
        "raw": "全年",
        "due": "2022-12-31",
        "ongoing": False,
        "recurring": False,
        "understood": True,
    }
    assert first["source_rows"] == [4]
    assert document["warnings"] == [] and document["errors"] == []


def test_the_default_message_names_the_code_and_its_values(make_csv):
    rows = [
        ["工作任务", "责任单位", "具体要求", "完成时限"],
        ["做好公开", "市财政局", "公开。", "适时"],
    ]
    document = outline_to_dict(parse_plan(make_csv(rows), "plan.csv", 2022))
    assert document["warnings"] == [
        {
            "row": 2,
            "code": "deadline_not_understood",
            "params": {"column": "完成时限", "text": "适时"},
            "message": "deadline_not_understood: column=完成时限, text=适时",
        }
    ]


def test_the_parsing_package_never_imports_django():
    sources = sorted(PARSING_DIR.glob("*.py"))
    assert PARSING_DIR / "__init__.py" in sources, "the parser is where this test reads it"
    for path in sources:
        assert "django" not in path.read_text(encoding="utf-8"), path.name
    code = (
        "import sys, wagtail_disclosure.plans.parsing as p; "
        "assert not [m for m in sys.modules if m.startswith('django')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
