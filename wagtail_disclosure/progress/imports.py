"""Progress reports from a spreadsheet: one row per report.

Columns: ``unit``, ``task`` (number such as （一） or title), ``requirement`` (its text),
``status``, ``percent``, ``narrative``, ``date`` and, optionally, ``plan`` (year or title;
the latest plan when absent). Rows are matched to requirements by task and normalised text,
tolerating small edits; a row that matches nothing, or a unit that does not answer for the
requirement, is an error of that row, and then nothing is written. A row for the same
requirement, unit and date as an existing report updates it (as a new revision).
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.audit import AuditedImportMixin
from wagtail_disclosure.core.permissions import is_manager, unit_ids
from wagtail_disclosure.core.text import normalize_name
from wagtail_disclosure.plans.models import Requirement, TaskPage, TaskPlanPage
from wagtail_disclosure.units.matching import UnitNameIndex
from wagtail_disclosure.units.models import UnitPage

from .models import ProgressReport, ProgressStatus
from .responsibilities import GroupMembers, responsibilities

COLUMNS = ["unit", "task", "requirement", "status", "percent", "narrative", "date", "plan"]
REQUIRED_COLUMNS = ["unit", "requirement", "status"]
#: The log entry a finished progress import leaves on each plan it reported on.
IMPORT_LOG_ACTION = "wagtail_disclosure.import_progress"
#: The headings offices use in their progress spreadsheets, read as the columns above.
COLUMN_ALIASES = {
    "单位": "unit",
    "责任单位": "unit",
    "填报单位": "unit",
    "任务": "task",
    "工作任务": "task",
    "任务序号": "task",
    "具体要求": "requirement",
    "工作要求": "requirement",
    "状态": "status",
    "进展状态": "status",
    "完成状态": "status",
    "进度": "percent",
    "完成进度": "percent",
    "完成比例": "percent",
    "落实情况": "narrative",
    "进展情况": "narrative",
    "工作进展": "narrative",
    "日期": "date",
    "填报日期": "date",
    "报告日期": "date",
    "任务分解表": "plan",
}

#: How similar (0–1) a requirement text must be to match when it was edited a little.
FUZZY_RATIO = 0.85

_NOISE = re.compile(r"[\s,，。.、;；:：“”\"'‘’()（）《》<>!！?？·\-—]+")


def normalize_text(text) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", str(text or "")))


#: The words offices write in the status column, whatever the site's language.
STATUS_WORDS = {
    "未启动": ProgressStatus.NOT_STARTED,
    "未开始": ProgressStatus.NOT_STARTED,
    "推进中": ProgressStatus.IN_PROGRESS,
    "进行中": ProgressStatus.IN_PROGRESS,
    "正在推进": ProgressStatus.IN_PROGRESS,
    "已完成": ProgressStatus.DONE,
    "完成": ProgressStatus.DONE,
    "长期推进中": ProgressStatus.ONGOING,
    "长期坚持": ProgressStatus.ONGOING,
    "持续推进": ProgressStatus.ONGOING,
}


class StatusWidget(widgets.Widget):
    """The code (``done``), the Chinese words offices use (已完成) or the label."""

    def clean(self, value, row=None, **kwargs):
        text = normalize_name(str(value or ""))
        if text in STATUS_WORDS:
            return STATUS_WORDS[text]
        for code, label in ProgressStatus.choices:
            if text.lower() in (code, normalize_name(str(label)).lower()):
                return code
        raise ValueError(
            _("unknown status “%(status)s”; use one of: %(choices)s")
            % {"status": value, "choices": "未启动、推进中、已完成、长期推进中"}
        )

    def render(self, value, obj=None, **kwargs):
        return str(ProgressStatus(value).label) if value else ""


class PercentWidget(widgets.Widget):
    """60, 60%, 0.6 (Excel's percent cells) → 60."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return 0
        text = str(value).strip().rstrip("%％")
        try:
            number = float(text)
        except ValueError:
            raise ValueError(_("“%(value)s” is not a percentage") % {"value": value}) from None
        if isinstance(value, float) and 0 < number <= 1 and "%" not in str(value):
            number *= 100
        if not 0 <= number <= 100:
            raise ValueError(_("the percentage must be between 0 and 100"))
        return round(number)


class LenientDateWidget(widgets.Widget):
    """2022-10-31, 2022/10/31, 2022.10.31, 2022年10月31日 or an Excel date; empty is today."""

    PATTERN = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if value in (None, ""):

            return clock.today()
        match = self.PATTERN.match(str(value))
        if match:
            try:
                return datetime.date(*(int(g) for g in match.groups()))
            except ValueError:
                pass
        raise ValueError(_("“%(value)s” is not a date such as 2022-10-31") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class UnitWidget(widgets.Widget):
    def __init__(self, resource):
        super().__init__()
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        return self.resource.resolve_unit(value)

    def render(self, value, obj=None, **kwargs):
        return value.title if value else ""


class RequirementWidget(widgets.Widget):
    def __init__(self, resource):
        super().__init__()
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        return self.resource.resolve_requirement(row)

    def render(self, value, obj=None, **kwargs):
        return value.text if value else ""


class ProgressReportResource(AuditedImportMixin, resources.ModelResource):
    import_log_action = IMPORT_LOG_ACTION

    def __init__(self, user=None, plan: TaskPlanPage | None = None):
        super().__init__()
        self.user = user
        self.plan = plan
        self.fields["unit"] = fields.Field(
            attribute="unit", column_name="unit", widget=UnitWidget(self)
        )
        self.fields["requirement"] = fields.Field(
            attribute="requirement", column_name="requirement", widget=RequirementWidget(self)
        )

    status = fields.Field(attribute="status", column_name="status", widget=StatusWidget())
    percent = fields.Field(attribute="percent", column_name="percent", widget=PercentWidget())
    narrative = fields.Field(
        attribute="narrative", column_name="narrative", widget=widgets.CharWidget()
    )
    date = fields.Field(attribute="date", column_name="date", widget=LenientDateWidget())

    class Meta:
        model = ProgressReport
        fields = ["unit", "requirement", "status", "percent", "narrative", "date"]
        import_id_fields = []
        use_transactions = True
        clean_model_instances = False
        skip_unchanged = False

    def import_log_targets(self, result):
        """The plans whose requirements the imported reports are on."""
        ids = [row.object_id for row in result.valid_rows() if row.object_id]
        task_paths = (
            TaskPage.objects.filter(requirements__progress_reports__pk__in=ids)
            .values_list("path", flat=True)
            .distinct()
        )
        plan_paths = {path[: -TaskPage.steplen] for path in task_paths}
        return list(TaskPlanPage.objects.filter(path__in=plan_paths).order_by("path"))

    # -- resolving names and texts -------------------------------------------------------------
    def before_import(self, dataset, **kwargs):
        self.unit_index = UnitNameIndex(groups=[])
        self.allowed_unit_ids = None
        if self.user is not None and not is_manager(self.user):
            self.allowed_unit_ids = set(unit_ids(self.user))
        self.plans = list(TaskPlanPage.objects.order_by("-year", "path"))
        self.candidates: dict[int, list[Requirement]] = {}
        self.expected: dict[int, dict] = {}
        self.members = GroupMembers()

    def plan_for(self, row):
        wanted = str((row or {}).get("plan") or "").strip()
        if not wanted:
            return self.plan or (self.plans[0] if self.plans else None)
        for plan in self.plans:
            if wanted in (str(plan.year), plan.title, plan.slug):
                return plan
        raise ValueError(_("no task plan “%(plan)s”") % {"plan": wanted})

    def requirements_of(self, plan):
        if plan.pk not in self.candidates:
            requirements = list(
                Requirement.objects.filter(
                    task__path__startswith=plan.path, task__depth=plan.depth + 1
                ).select_related("task")
            )
            for r in requirements:
                r.key = normalize_text(r.text)
            self.candidates[plan.pk] = requirements
            _named, expected = responsibilities(
                Requirement.objects.filter(pk__in=[r.pk for r in requirements]), self.members
            )
            self.expected.update(expected)
        return self.candidates[plan.pk]

    def resolve_unit(self, value):
        found = self.unit_index.match(str(value or ""))
        if not isinstance(found, UnitPage):
            raise ValueError(_("no unit is called “%(name)s”") % {"name": value})
        if self.allowed_unit_ids is not None and found.pk not in self.allowed_unit_ids:
            raise ValueError(
                _("you may only import reports of your own unit, not of “%(name)s”")
                % {"name": found.title}
            )
        return found

    def resolve_requirement(self, row):
        plan = self.plan_for(row)
        if plan is None:
            raise ValueError(_("there is no task plan to match the row against"))
        requirements = self.requirements_of(plan)
        task = normalize_text(row.get("task"))
        if task:
            in_task = [
                r
                for r in requirements
                if task
                in (
                    normalize_text(r.task.task_number),
                    normalize_text(r.task.title),
                    normalize_text(f"{r.task.task_number}{r.task.title}"),
                )
            ]
            if in_task:
                requirements = in_task
        text = normalize_text(row.get("requirement"))
        if not text:
            raise ValueError(_("the requirement text is empty"))
        exact = [r for r in requirements if r.key == text]
        if len(exact) == 1:
            return exact[0]
        scored = sorted(
            ((difflib.SequenceMatcher(None, text, r.key).ratio(), r) for r in requirements),
            key=lambda pair: -pair[0],
        )
        good = [r for ratio, r in scored if ratio >= FUZZY_RATIO]
        if len(good) == 1 or (good and scored[0][0] - scored[1][0] > 0.05):
            return good[0]
        raise ValueError(
            _("no requirement of %(plan)s matches this text%(task)s")
            % {
                "plan": plan.title,
                "task": (_(" under task “%(task)s”") % {"task": row.get("task")}) if task else "",
            }
        )

    # -- rows ----------------------------------------------------------------------------------
    def get_instance(self, instance_loader, row):
        try:
            unit = self.resolve_unit(row.get("unit"))
            requirement = self.resolve_requirement(row)
            date = LenientDateWidget().clean(row.get("date"))
        except ValueError:
            return None
        return (
            ProgressReport.objects.filter(requirement=requirement, unit=unit, date=date)
            .order_by("-pk")
            .first()
        )

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        if instance.requirement_id and instance.unit_id:
            if instance.unit_id not in self.expected.get(instance.requirement_id, {}):
                raise ValidationError(
                    {
                        "unit": _(
                            "%(unit)s does not answer for this requirement, neither directly nor "
                            "through a group"
                        )
                        % {"unit": instance.unit.title}
                    }
                )
        if instance.status == ProgressStatus.DONE:
            instance.percent = 100

    def before_save_instance(self, instance, row, **kwargs):
        if instance.author_id is None and self.user is not None and self.user.pk:
            instance.author = self.user

    def after_save_instance(self, instance, row, **kwargs):
        instance.save_revision(
            user=self.user if getattr(self.user, "pk", None) else None, log_action=True
        )
