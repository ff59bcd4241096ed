"""The units register (单位名录): name, full_name, kind, parent, groups, aliases.

Keyed by name: importing the register again updates units in place and never duplicates them.
New units are created as live pages under a unit directory (单位目录).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from wagtail_disclosure.core.audit import AuditedImportMixin
from wagtail_disclosure.core.text import normalize_name, split_aliases

from .models import UnitGroup, UnitIndexPage, UnitKind, UnitPage

COLUMNS = ["name", "full_name", "kind", "parent", "groups", "aliases"]
REQUIRED_COLUMNS = ["name", "kind"]
#: The log entry a finished register import leaves on the unit directory.
IMPORT_LOG_ACTION = "wagtail_disclosure.import_units"


class UnitKindWidget(widgets.Widget):
    """Accepts the code (``county_government``) or its label in either language."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        for code, label in UnitKind.choices:
            if text in (code, str(label)) or normalize_name(text) == normalize_name(str(label)):
                return code
        raise ValueError(
            _("unknown kind “%(kind)s”; use one of: %(kinds)s")
            % {"kind": text, "kinds": ", ".join(UnitKind.values)}
        )


class AliasesWidget(widgets.Widget):
    """``a;b`` in the file, one alias per line in the admin."""

    def clean(self, value, row=None, **kwargs):
        return "\n".join(split_aliases(str(value or "")))

    def render(self, value, obj=None, **kwargs):
        return ";".join(split_aliases(value))


class UnitRegisterResource(AuditedImportMixin, resources.ModelResource):
    import_log_action = IMPORT_LOG_ACTION

    name = fields.Field(attribute="title", column_name="name", widget=widgets.CharWidget())
    full_name = fields.Field(attribute="full_name", column_name="full_name")
    kind = fields.Field(attribute="kind", column_name="kind", widget=UnitKindWidget())
    parent = fields.Field(column_name="parent", attribute=None)
    groups = fields.Field(column_name="groups", attribute=None)
    aliases = fields.Field(attribute="other_names", column_name="aliases", widget=AliasesWidget())

    class Meta:
        model = UnitPage
        import_id_fields = ["name"]
        fields = COLUMNS
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def __init__(self, parent_page: UnitIndexPage | None = None, user=None):
        super().__init__()
        self.parent_page = parent_page
        self.user = user

    def import_log_targets(self, result):
        directory = self.parent_page or UnitIndexPage.objects.order_by("path").first()
        return [directory] if directory else []

    # -- reading the file ------------------------------------------------------------------
    def before_import(self, dataset, **kwargs):
        self.names_in_file = {normalize_name(str(r.get("name") or "")) for r in dataset.dict}
        self.known_units = {normalize_name(u.title): u for u in UnitPage.objects.all()}
        if self.parent_page is None:
            self.parent_page = UnitIndexPage.objects.order_by("path").first()
        if self.parent_page is None:
            raise ValidationError(
                _(
                    "There is no unit directory (单位目录) page to put the units under; "
                    "create one first."
                )
            )

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        name = str(row.get("name") or "").strip()
        if not name:
            errors["name"] = [_("the unit name is empty")]
        parent = normalize_name(str(row.get("parent") or ""))
        if parent and parent not in self.names_in_file and parent not in self.known_units:
            errors["parent"] = [
                _("the parent unit “%(name)s” is neither in this file nor on the site")
                % {"name": row.get("parent")}
            ]
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors or not instance.pk:
            return False
        if self.wanted_groups(row) != {g.name for g in instance.explicit_groups.all()}:
            return False
        if self.wanted_parent_key(row) != normalize_name(
            instance.parent_unit.title if instance.parent_unit_id else ""
        ):
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    @staticmethod
    def wanted_groups(row):
        return set(split_aliases(str(row.get("groups") or "")))

    @staticmethod
    def wanted_parent_key(row):
        return normalize_name(str(row.get("parent") or ""))

    # -- writing ---------------------------------------------------------------------------
    def do_instance_save(self, instance, is_create):
        """Pages are created in the tree and published as a revision, so the editor's history
        shows the import."""
        if is_create:
            instance.slug = ""
            self.parent_page.add_child(instance=instance)
        revision = instance.save_revision(user=self.user, log_action=True)
        revision.publish(user=self.user, log_action=False)

    def after_save_instance(self, instance, row, **kwargs):
        wanted = self.wanted_groups(row)
        for group in UnitGroup.objects.filter(members=instance).exclude(name__in=wanted):
            group.members.remove(instance)
            group.save()
        for group_name in wanted:
            group, _created = UnitGroup.objects.get_or_create(name=group_name)
            if instance not in group.members.all():
                group.members.add(instance)
                group.save()
        self.pending_parents = getattr(self, "pending_parents", [])
        self.pending_parents.append((instance.pk, self.wanted_parent_key(row)))

    def after_import(self, dataset, result, **kwargs):
        """Parents are set last, since a parent may come later in the file than its child."""
        units = {normalize_name(u.title): u for u in UnitPage.objects.all()}
        for pk, parent_key in getattr(self, "pending_parents", []):
            unit = UnitPage.objects.get(pk=pk)
            parent = units.get(parent_key)
            if unit.parent_unit_id != (parent.pk if parent else None):
                unit.parent_unit = parent
                unit.save_revision(user=self.user, log_action=True).publish(user=self.user)
        self.pending_parents = []
        super().after_import(dataset, result, **kwargs)
