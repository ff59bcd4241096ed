"""The Jining task plan: the notice's details and its table, imported as the editor would, moved
to the year the demo is built in (``demo/calendar.py``)."""

import re
from datetime import date
from html import escape

from demo import DATA_DIR
from demo.calendar import demo_year, shift_text, shifted_workbook
from wagtail_disclosure.plans.importer import apply_changes, prepare_import
from wagtail_disclosure.plans.messages import problem_message
from wagtail_disclosure.plans.models import TaskPlanIndexPage
from wagtail_disclosure.units.matching import UnitNameIndex
from wagtail_disclosure.units.models import UnitGroup

#: Names the table gives to sets of units that are not in the register as single units.
GROUPS = {
    "市政府有关部门、单位": "市政府有关部门和单位",
    "县级政府办公室": "各县（市、区）政府办公室",
}
DOCUMENT_NUMBER = re.compile(r"\S+〔\d{4}〕\d+号")
ISSUE_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
BOLD = re.compile(r"\*\*(.+?)\*\*")


def notice_details(text: str) -> dict:
    """Document number, issuer, date and the notice's own text (before the attachment)."""
    lines = [line.strip() for line in text.splitlines()]
    details = {}
    number = next((m[0] for line in lines if (m := DOCUMENT_NUMBER.fullmatch(line))), None)
    if number:
        details["document_number"] = number
    issuer_name = next((line[2:].strip() for line in lines if line.startswith("# ")), None)
    issuer = UnitNameIndex().match(issuer_name)
    if issuer is not None and hasattr(issuer, "full_name"):
        details["issuer"] = issuer
    for line in lines:
        if match := ISSUE_DATE.match(line):
            details["issue_date"] = date(*map(int, match.groups()))
            break
    start = next((i for i, line in enumerate(lines) if line.startswith("## ")), None)
    if start is not None:
        paragraphs = []
        for line in lines[start + 1 :]:
            if line.startswith(("附件", "## ")):
                break
            if line and line != "---":
                paragraphs.append(BOLD.sub(r"<b>\1</b>", escape(line, quote=False)))
        details["notice_text"] = "".join(f"<p>{p}</p>" for p in paragraphs)
    return details


def load(stdout):
    for name, alias in GROUPS.items():
        group, created = UnitGroup.objects.get_or_create(name=name, defaults={"other_names": alias})
        if created:
            stdout.write(f"创建单位分组：{name}")
    parent = TaskPlanIndexPage.objects.filter(slug="plans").first()
    if parent is None:
        return
    year = demo_year()
    notice = shift_text((DATA_DIR / "notice.txt").read_text(encoding="utf-8"), year)
    details = notice_details(notice)  # its number and date (2022年5月7日) moved with the text
    changes = prepare_import(
        shifted_workbook((DATA_DIR / "task-table.xlsx").read_bytes(), year),
        "task-table.xlsx",
        year=year,
        slug=str(year),
        parent=parent,
        plan_fields=details,
    )
    if changes.has_errors:
        raise RuntimeError("; ".join(problem_message(p) for p in changes.outline.errors))
    result = apply_changes(changes, parent=parent, file_name="task-table.xlsx")
    if result.wrote:
        summary = changes.summary()
        stdout.write(
            f"任务分解表：{result.plan.title}，新增任务 {summary['tasks_created']}，"
            f"新增要求 {summary['created']}，修改 {summary['changed']}"
        )
