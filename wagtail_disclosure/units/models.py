"""Responsible units (责任单位), the groups tables assign work to, and who edits for whom."""

import functools

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.permissions import UnitPageMixin
from wagtail_disclosure.core.publication import PublicationGateMixin
from wagtail_disclosure.core.text import normalize_name, split_aliases

from .sections import unit_page_sections

__all__ = [
    "UnitKind",
    "UnitIndexPage",
    "UnitPage",
    "UnitGroup",
    "UnitMembership",
]


class UnitKind(models.TextChoices):
    COUNTY_GOVERNMENT = "county_government", _("County-level government")
    MANAGEMENT_COMMITTEE = "management_committee", _("Management committee")
    MUNICIPAL_DEPARTMENT = "municipal_department", _("Municipal department")
    PUBLIC_INSTITUTION = "public_institution", _("Public institution")
    VERTICAL_AGENCY = "vertical_agency", _("Vertical agency")
    PARTY_ORGAN = "party_organ", _("Party organ")
    PUBLIC_ENTERPRISE = "public_enterprise", _("Public enterprise")
    OTHER = "other", _("Other")


class UnitKindsField(models.JSONField):
    """A list of :class:`UnitKind` values, edited as checkboxes.

    Stored as JSON so the same column works on SQLite and PostgreSQL.
    """

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=UnitKind.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class AliasesMixin:
    """Shared by units and groups: every spelling under which an import may name them."""

    def alias_list(self):
        return split_aliases(self.other_names)

    def match_keys(self):
        """Normalised keys (name, full name, aliases) that resolve to this unit or group."""
        names = [self.get_display_name(), getattr(self, "full_name", ""), *self.alias_list()]
        return {normalize_name(n) for n in names if n}


class UnitIndexPage(PublicationGateMixin, UnitPageMixin, Page):
    """单位目录: the directory of responsible units."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_disclosure.UnitPage"]
    template = "wagtail_disclosure/units/unit_index_page.html"

    class Meta:
        verbose_name = _("unit directory")
        verbose_name_plural = _("unit directories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        units = UnitPage.objects.child_of(self).live().order_by("path")
        context["units_by_kind"] = [
            (label, [u for u in units if u.kind == value])
            for value, label in UnitKind.choices
            if any(u.kind == value for u in units)
        ]
        return context


class UnitPage(PublicationGateMixin, UnitPageMixin, AliasesMixin, Page):
    """单位: one responsible unit, its contacts and its disclosure guide.

    The page title is the unit's usual name as tables write it (市发展改革委); imports match on
    it, the full official name and the aliases.
    """

    #: Other domains refer to a unit's page: its editors change it, managers remove it.
    unit_editors_may_remove = False

    full_name = models.CharField(_("full official name"), max_length=255, blank=True)
    kind = models.CharField(
        _("kind"), max_length=32, choices=UnitKind.choices, default=UnitKind.OTHER
    )
    parent_unit = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_units",
    )
    other_names = models.TextField(
        _("aliases"),
        blank=True,
        help_text=_("Other names tables use for this unit, one per line (e.g. 市发改委)."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=255, blank=True)
    disclosure_office = models.CharField(
        _("disclosure office"),
        max_length=255,
        blank=True,
        help_text=_("The office that handles disclosure work and requests."),
    )
    website = models.URLField(_("website"), blank=True)
    guide_how_to_request = RichTextField(
        _("how to request information"),
        blank=True,
        help_text=_("政府信息公开指南: how a person or organisation asks for information."),
    )
    guide_where = models.TextField(
        _("where to request"), blank=True, help_text=_("Address, post and online channels.")
    )
    guide_when = models.CharField(_("when requests are received"), max_length=255, blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("full_name"),
        index.SearchField("other_names"),
        index.FilterField("kind"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("full_name"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("parent_unit")]),
                FieldPanel("other_names"),
            ],
            heading=_("Unit"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("office_hours")]),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("disclosure_office"), FieldPanel("website")]),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("guide_how_to_request"),
                FieldPanel("guide_where"),
                FieldPanel("guide_when"),
            ],
            heading=_("Disclosure guide"),
        ),
    ]
    parent_page_types = ["wagtail_disclosure.UnitIndexPage"]
    subpage_types = []
    template = "wagtail_disclosure/units/unit_page.html"

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def get_display_name(self):
        return self.title

    def groups(self):
        """Groups this unit belongs to, explicitly or through its kind."""
        if not self.pk:
            return []
        explicit = set(self.explicit_groups.values_list("pk", flat=True))
        # Groups are few; JSON "contains" is not portable to SQLite, so filter kinds here.
        return [
            g for g in UnitGroup.objects.all() if g.pk in explicit or self.kind in g.member_kinds
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its kept HTML is missing (``cached_table``).
        context["unit_sections"] = functools.partial(unit_page_sections, self, request)
        return context


class UnitGroup(AliasesMixin, index.Indexed, ClusterableModel):
    """A named set of units a table assigns a row to at once (各县（市、区）政府（管委会）)."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    other_names = models.TextField(
        _("aliases"), blank=True, help_text=_("Other spellings, one per line.")
    )
    members = ParentalManyToManyField(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("members"),
        blank=True,
        related_name="explicit_groups",
    )
    member_kinds = UnitKindsField(
        _("members by kind"),
        default=list,
        blank=True,
        help_text=_("Every unit of these kinds belongs to the group as well."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("other_names"),
        FieldPanel("members", widget=forms.CheckboxSelectMultiple),
        FieldPanel("member_kinds"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("unit group")
        verbose_name_plural = _("unit groups")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_display_name(self):
        return self.name

    def member_units(self):
        """Every unit in the group: the explicit members and those of the member kinds."""
        condition = Q(explicit_groups=self)
        if self.member_kinds:
            condition |= Q(kind__in=self.member_kinds)
        return UnitPage.objects.filter(condition).distinct().order_by("path")


class UnitMembership(models.Model):
    """Links a user to the unit they edit for (a unit editor).

    Everything a unit owns (progress reports, requests, disclosure entries) is filtered through
    these rows, so a county's editor sees and changes only that county's items.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="disclosure_unit_memberships",
    )
    unit = models.ForeignKey(
        UnitPage,
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )

    panels = [FieldPanel("user"), FieldPanel("unit")]

    class Meta:
        verbose_name = _("unit editor")
        verbose_name_plural = _("unit editors")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="unique_unit_membership")
        ]

    def __str__(self):
        return f"{self.user} → {self.unit}"

    def save(self, *args, **kwargs):
        """Joining a unit also joins the unit editors' group (once ``disclosure_groups`` has
        made it), which holds the admin access and page permissions a unit editor needs."""
        super().save(*args, **kwargs)
        group = Group.objects.filter(name=get_setting("WAGTAIL_DISCLOSURE_UNIT_EDITORS_GROUP"))
        if group := group.first():
            self.user.groups.add(group)
