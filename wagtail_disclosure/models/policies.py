"""Policy documents (政策文件) and their validity (有效性)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

__all__ = ["PolicyKind", "Validity", "PolicyIndexPage", "PolicyDocumentPage", "ValidityChange"]


class PolicyKind(models.TextChoices):
    RULE = "rule", _("Rule (规章)")
    NORMATIVE = "normative", _("Normative document (行政规范性文件)")
    OTHER = "other", _("Other document")


class Validity(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")
    EXPIRED = "expired", _("Expired")


class PolicyIndexPage(Page):
    """政策文件库: the library of policy documents."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_disclosure.PolicyDocumentPage"]
    template = "wagtail_disclosure/policy_index_page.html"

    class Meta:
        verbose_name = _("policy document library")
        verbose_name_plural = _("policy document libraries")


class PolicyDocumentPage(Page):
    """A published policy document with the metadata the national rules require."""

    kind = models.CharField(
        _("kind"), max_length=16, choices=PolicyKind.choices, default=PolicyKind.OTHER
    )
    index_number = models.CharField(_("index number"), max_length=64, blank=True)
    issuer = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("issuing body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="issued_policy_documents",
    )
    document_number = models.CharField(_("document number"), max_length=128, blank=True)
    date_written = models.DateField(_("date written"), null=True, blank=True)
    date_published = models.DateField(_("date published"), null=True, blank=True)
    validity = models.CharField(
        _("validity"), max_length=16, choices=Validity.choices, default=Validity.IN_FORCE
    )
    body = RichTextField(_("body"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("document_number"),
        index.FilterField("kind"),
        index.FilterField("validity"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("validity")]),
                FieldRowPanel([FieldPanel("index_number"), FieldPanel("document_number")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("date_written"), FieldPanel("date_published")]),
            ],
            heading=_("Metadata"),
        ),
        FieldPanel("body"),
        InlinePanel("validity_changes", heading=_("Validity history"), label=_("change")),
    ]
    parent_page_types = ["wagtail_disclosure.PolicyIndexPage"]
    subpage_types = []
    template = "wagtail_disclosure/policy_document_page.html"

    class Meta:
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")


class ValidityChange(Orderable):
    """One change of a document's validity, with the document that caused it."""

    document = ParentalKey(
        PolicyDocumentPage, on_delete=models.CASCADE, related_name="validity_changes"
    )
    validity = models.CharField(_("validity"), max_length=16, choices=Validity.choices)
    changed_on = models.DateField(_("date"))
    by_document = models.ForeignKey(
        PolicyDocumentPage,
        verbose_name=_("amended or repealed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("validity"), FieldPanel("changed_on")]),
        FieldPanel("by_document"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("validity change")
        verbose_name_plural = _("validity changes")
