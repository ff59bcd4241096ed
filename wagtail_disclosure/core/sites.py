"""Which site a thing belongs to: one install serving a city and its counties (集约化).

Content that is a **page** belongs to the site whose tree holds it (Wagtail's multi-site: each
``Site`` has its root page): :func:`pages_in_site`.

Content that is a **row** belongs to a site through what it belongs to: its page (a question of
the Q&A library through its interpretation or policy), its plan (a progress report through its
requirement's plan page) or its unit (a request, an annual report): :func:`site_units`.

**Units** stay in one register (the city's unit directory), so a county appears once whoever
refers to it. A site *administers* units: those its :class:`DisclosureSite` lists, and their
sub-units. The units no site lists belong to the site whose tree holds their page (the city's,
where the register lives). So a single-site install, which lists none, is unchanged: every unit
belongs to its one site.

A site may name its **parent** (a county's city): the city's city-wide views then add its
counties' units (:func:`city_wide_units`).

Core uses no domain: the unit model is named by its label, never imported.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

__all__ = [
    "DisclosureSite",
    "current_site",
    "site_of_page",
    "pages_in_site",
    "site_units",
    "site_unit_ids",
    "site_units_claimed",
    "city_wide_units",
    "child_sites",
    "unit_filter",
]

UNIT_MODEL = "wagtail_disclosure.UnitPage"


class DisclosureSite(models.Model):
    """A site's disclosure settings: the units it administers and the city it belongs to."""

    site = models.OneToOneField(
        Site,
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="disclosure",
    )
    parent = models.ForeignKey(
        Site,
        verbose_name=_("city site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="disclosure_children",
        help_text=_("For a county's site: the city's site, whose city-wide views include it."),
    )
    units = models.ManyToManyField(
        UNIT_MODEL,
        verbose_name=_("units administered"),
        blank=True,
        related_name="disclosure_sites",
        help_text=_(
            "The units whose requests, reports and editors belong to this site (their "
            "sub-units too). Units no site lists belong to the site holding the unit directory."
        ),
    )
    managers_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("site editors' group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="disclosure_sites",
        help_text=_("Members act for every unit this site administers."),
    )

    class Meta:
        verbose_name = _("disclosure site")
        verbose_name_plural = _("disclosure sites")

    def __str__(self):
        return self.site.site_name or self.site.hostname


# --- the current site -------------------------------------------------------------------------


def current_site(request) -> Site | None:
    """The site serving ``request`` (Wagtail's answer, kept on the request)."""
    return Site.find_for_request(request)


def site_of_page(page) -> Site | None:
    """The site whose tree holds ``page`` (None for a page outside every site)."""
    best = None
    for root in Site.get_site_root_paths():
        if page.url_path.startswith(root.root_path) and (
            best is None or len(root.root_path) > len(best.root_path)
        ):
            best = root
    if best is None:
        return None
    return Site.objects.select_related("root_page").filter(pk=best.site_id).first()


def _root(site):
    return (
        site.root_page
        if "root_page" in site._state.fields_cache
        else (Page.objects.only("path", "depth").get(pk=site.root_page_id))
    )


def pages_in_site(queryset, site):
    """The pages of ``queryset`` in ``site``'s tree (all of them when ``site`` is None)."""
    if site is None:
        return queryset
    return queryset.filter(path__startswith=_root(site).path)


# --- units ------------------------------------------------------------------------------------


def _unit_model():
    from django.apps import apps

    return apps.get_model(UNIT_MODEL)


def _claimed_by(sites_q: Q):
    """Ids of the units the sites matching ``sites_q`` list, and their sub-units (a subquery)."""
    return (
        _unit_model()
        .objects.filter(
            Q(disclosure_sites__in=DisclosureSite.objects.filter(sites_q))
            | Q(parent_unit__disclosure_sites__in=DisclosureSite.objects.filter(sites_q))
        )
        .values("pk")
    )


def site_units_claimed(unit_ids) -> list[int]:
    """Which of ``unit_ids`` some site lists (itself or the unit above it), in one query."""
    return list(
        _unit_model()
        .objects.filter(pk__in=unit_ids)
        .filter(Q(disclosure_sites__isnull=False) | Q(parent_unit__disclosure_sites__isnull=False))
        .values_list("pk", flat=True)
        .distinct()
    )


def site_units_q(site) -> Q:
    """A filter on units: those ``site`` administers. Listed ones (and their sub-units), and the
    units no other site lists whose page lies in this site's tree."""
    root = _root(site)
    return Q(pk__in=_claimed_by(Q(site=site))) | (
        Q(path__startswith=root.path) & ~Q(pk__in=_claimed_by(~Q(site=site)))
    )


def site_units(site):
    """The units ``site`` administers, as a queryset (lazy: a subquery in the caller's query);
    every unit when ``site`` is None."""
    if site is None:
        return _unit_model().objects.all()
    return _unit_model().objects.filter(site_units_q(site))


def site_unit_ids(site) -> frozenset[int]:
    """The ids of the units ``site`` administers (one query)."""
    return frozenset(site_units(site).values_list("pk", flat=True))


def child_sites(site):
    """The sites naming ``site`` as their city, in name order."""
    return (
        Site.objects.filter(disclosure__parent=site)
        .select_related("root_page")
        .order_by("site_name", "hostname")
    )


def city_wide_units(site):
    """The units of ``site`` and of every site naming it as its city (a queryset)."""
    condition = site_units_q(site)
    for child in child_sites(site):
        condition |= site_units_q(child)
    return _unit_model().objects.filter(condition)


def unit_filter(site, field: str = "unit", *, city_wide: bool = False) -> Q:
    """A filter on a row model whose ``field`` is its unit: the rows of ``site``'s units (no
    filter when ``site`` is None)."""
    if site is None:
        return Q()
    units = city_wide_units(site) if city_wide else site_units(site)
    return Q(**{f"{field}__in": units.values("pk")})
