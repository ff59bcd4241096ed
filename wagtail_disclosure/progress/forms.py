"""Admin forms of progress reports and reporting panels.

The models name them as ``base_form_class``, so nothing here imports the progress models; the
requirements a unit answers for come from :mod:`.responsibilities`, which reads only plans and
units.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from wagtail_disclosure.core.panels import kind_choices, panel_kinds
from wagtail_disclosure.core.permissions import is_manager, unit_ids

from .responsibilities import requirements_for_units


class ProgressReportForm(WagtailAdminModelForm):
    """Unit editors file reports for their own units only, on requirements of those units."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not self.instance.pk and self.instance.author_id is None:
            self.instance.author = user
        if "requirement" in self.fields:
            field = self.fields["requirement"]
            field.queryset = field.queryset.select_related("task").order_by(
                "task__path", "sort_order"
            )
            field.label_from_instance = _requirement_label
        if user is None or is_manager(user):
            return
        units = unit_ids(user)
        if "unit" in self.fields:
            field = self.fields["unit"]
            field.queryset = field.queryset.filter(pk__in=units).order_by("path")
            if len(units) == 1 and not self.instance.pk:
                field.initial = next(iter(units))
        if "requirement" in self.fields:
            self.fields["requirement"].queryset = (
                requirements_for_units(units)
                .select_related("task")
                .order_by("task__path", "sort_order")
            )


def _requirement_label(requirement):
    task = requirement.task
    text = requirement.text if len(requirement.text) <= 60 else requirement.text[:59] + "…"
    return f"{task.task_number} {text}".strip()


class ReportPanelForm(WagtailAdminModelForm):
    """The kind is chosen among the kinds registered by hook (not model choices)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            self.fields["kind"] = forms.ChoiceField(
                label=_("kind"),
                choices=kind_choices,
                help_text=_("What the panel shows."),
            )
            if self.instance.pk:
                self.initial["kind"] = self.instance.kind

    def clean(self):
        cleaned = super().clean()
        kind = panel_kinds().get(cleaned.get("kind"))
        if kind is None:
            return cleaned
        for name in getattr(kind.render, "required_scope", ()):
            if not cleaned.get(name):
                self.add_error(name, _("This kind of panel needs this field."))
        return cleaned
