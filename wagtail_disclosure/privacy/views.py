"""The privacy check in the admin: an object's hits with one-click masks, a manager's
override, and the report over everything live."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import DraftStateMixin, Page, Revision, get_page_models
from wagtail.snippets.models import get_snippet_models

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.permissions import (
    is_manager,
    page_belongs_to_units,
    works_in_disclosure,
)
from wagtail_disclosure.core.publication import PublicationGateMixin

from .actions import MaskRefused, latest_version, mask_hit, override_and_publish
from .check import Hit, override_for, review_url, scan

# --- Who may look ------------------------------------------------------------------------------


def may_edit(user, obj) -> bool:
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    viewset = getattr(type(obj), "snippet_viewset", None)
    if viewset is None:
        return is_manager(user)
    return viewset.permission_policy.user_has_permission_for_instance(user, "change", obj)


def gated_object(request, content_type_id, object_id):
    """The object of the URL, if it is one the check applies to and the user may edit."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or not issubclass(model, PublicationGateMixin):
        raise Http404
    obj = get_object_or_404(model, pk=object_id)
    if isinstance(obj, Page):
        obj = obj.specific
    if not may_edit(request.user, obj):
        raise PermissionDenied
    return obj


class OverrideForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=gettext_lazy("Reason for publishing anyway"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=4,
        max_length=2000,
        help_text=gettext_lazy(
            "Kept in the page's history with your name, e.g. “the person agreed in writing to "
            "publication (Art. 15)”. The check is passed for this version only."
        ),
    )


# --- One object --------------------------------------------------------------------------------


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Every hit of the object's latest version, in context, with a mask button each."""

    template_name = "wagtail_disclosure/privacy/admin/review.html"
    page_title = gettext_lazy("Privacy check")
    header_icon = "warning"

    def dispatch(self, request, content_type_id, object_id):
        self.object = gated_object(request, content_type_id, object_id)
        return super().dispatch(request, content_type_id, object_id)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtail_disclosure_admin:privacy_report"),
             "label": _("Privacy check report")},
            {"url": "", "label": str(self.object)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidate, revision = latest_version(self.object)
        hits = scan(candidate)
        live_hits = []
        if getattr(self.object, "live", False) and revision and (
            revision.pk != getattr(self.object, "live_revision_id", None)
        ):
            live_hits = scan(self.object)
        manager = is_manager(self.request.user)
        context.update(
            object=self.object,
            revision=revision,
            hits=hits,
            live_hits=live_hits,
            edit_url=AdminURLFinder(self.request.user).get_edit_url(self.object),
            override=override_for(self.object, revision) if revision else None,
            manager=manager,
            may_override=manager and revision is not None and bool(hits),
            override_form=OverrideForm(initial={"revision": revision.pk if revision else None}),
            mask_url=reverse("wagtail_disclosure_admin:privacy_mask",
                             args=[self._content_type().pk, self.object.pk]),
            override_url=reverse("wagtail_disclosure_admin:privacy_override",
                                 args=[self._content_type().pk, self.object.pk]),
        )
        for hit in hits + live_hits:
            if hit.document_id:
                hit.document_url = reverse("wagtaildocs:edit", args=[hit.document_id])
        return context

    def _content_type(self):
        return ContentType.objects.get_for_model(self.object)


def _revision_of(obj, value):
    if not str(value or "").isdigit():
        return None
    return Revision.objects.for_instance(obj).filter(pk=int(value)).first()


class MaskView(TemplateView):
    """POST: mask one hit of the latest revision, as a new draft revision."""

    http_method_names = ["post"]

    def post(self, request, content_type_id, object_id):
        obj = gated_object(request, content_type_id, object_id)
        revision = _revision_of(obj, request.POST.get("revision"))
        try:
            hit, _revision = mask_hit(obj, revision, request.POST.get("hit", ""), request.user)
        except MaskRefused as refusal:
            reasons = {
                "changed": _("The page changed since you looked at it; here are its hits now."),
                "gone": _("That item is no longer there; here are the hits now."),
                "markup": _("That item is split by formatting in the text; mask it in the "
                            "editor."),
            }
            messages.warning(request, reasons[str(refusal)])
        else:
            messages.success(request, _(
                "Masked %(kind)s as %(masked)s in %(where)s and saved as a draft. Publish the "
                "draft when the page is clean."
            ) % {"kind": hit.kind_label, "masked": hit.masked, "where": hit.label})
        return redirect(review_url(obj))


class OverrideView(TemplateView):
    """POST (managers): publish the latest revision despite its hits, with a logged reason."""

    http_method_names = ["post"]

    def post(self, request, content_type_id, object_id):
        obj = gated_object(request, content_type_id, object_id)
        if not is_manager(request.user):
            raise PermissionDenied
        form = OverrideForm(request.POST)
        revision = _revision_of(obj, request.POST.get("revision"))
        latest = obj.get_latest_revision()
        if not form.is_valid() or revision is None or latest is None or revision.pk != latest.pk:
            messages.error(request, _(
                "Give a reason of at least 4 characters to publish anyway (and publish the latest "
                "version only)."
            ))
            return redirect(review_url(obj))
        override_and_publish(obj, revision, request.user, form.cleaned_data["reason"])
        obj.refresh_from_db()
        if getattr(obj, "live", False) and getattr(obj, "live_revision_id", None) == revision.pk:
            messages.success(request, _("Published despite the privacy check; your reason is "
                                        "in the history."))
        elif getattr(revision, "approved_go_live_at", None):
            messages.success(request, _("Scheduled for publication despite the privacy check; "
                                        "your reason is in the history."))
        else:
            messages.error(request, _("Your override was recorded, but another rule still "
                                      "refuses publication: see the history."))
        return redirect(review_url(obj))


# --- The report over everything live --------------------------------------------------------------


@dataclass
class ReportRow:
    object: object
    title: str
    kind: str
    hits: list[Hit] = field(default_factory=list)
    edit_url: str = ""
    review_url: str = ""


def gated_models():
    pages = [m for m in get_page_models() if issubclass(m, PublicationGateMixin)]
    snippets = [
        m for m in get_snippet_models()
        if issubclass(m, PublicationGateMixin) and issubclass(m, DraftStateMixin)
    ]
    return pages, snippets


def live_objects_for(user):
    """Every live object the check applies to that ``user`` may edit (their units' only)."""
    pages, snippets = gated_models()
    manager = is_manager(user)
    for model in pages:
        content_type = ContentType.objects.get_for_model(model)
        for page in model.objects.live().filter(content_type=content_type).order_by("path"):
            if manager or page_belongs_to_units(user, page):
                yield page
    for model in snippets:
        viewset = getattr(model, "snippet_viewset", None)
        queryset = model.objects.filter(live=True).order_by("pk")
        if not manager:
            if viewset is None:
                continue
            queryset = viewset.permission_policy.instances_user_has_any_permission_for(
                user, ["change"]
            ).filter(live=True).order_by("pk")
        yield from queryset


def _version(obj) -> str:
    stamp = getattr(obj, "last_published_at", None)
    return f"{getattr(obj, 'live_revision_id', '')}:{stamp.isoformat() if stamp else ''}"


def live_scan_key(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return f"{content_type.pk}:{obj.pk}:{_version(obj)}"


#: One cache entry holds every live object's result (a cache culls single entries by count).
LIVE_RESULTS_KEY = "wagtail-disclosure:privacy:live-results"
LIVE_RESULTS_MAX = 100_000


def live_hits(objects, seconds):
    """``(object, hits)`` for each live object checked within ``seconds``.

    Results are remembered per object until it is published again, so a report that ran out
    of time goes on where it stopped when reloaded. Remembered hits hold no personal data
    (masked forms and masked context only).
    """
    cache = caches[get_setting("WAGTAIL_DISCLOSURE_CACHE")]
    known = cache.get(LIVE_RESULTS_KEY) or {}
    started = time.monotonic()
    fresh, results = {}, []
    for obj in objects:
        key = live_scan_key(obj)
        if key in known:
            results.append((obj, known[key]))
            continue
        if time.monotonic() - started > seconds:
            continue
        hits = scan(obj)
        for hit in hits:
            hit.text = ""
        fresh[key] = hits
        results.append((obj, hits))
    if fresh:
        if len(known) + len(fresh) > LIVE_RESULTS_MAX:
            known = {}
        cache.set(LIVE_RESULTS_KEY, {**known, **fresh}, 7 * 24 * 3600)
    return results


class PrivacyReportView(ReportView):
    """公开审查报告: live pages and snippets holding personal data, within the user's units."""

    page_title = gettext_lazy("Privacy check report")
    header_icon = "warning"
    index_url_name = "wagtail_disclosure_admin:privacy_report"
    index_results_url_name = "wagtail_disclosure_admin:privacy_report_results"
    results_template_name = "wagtail_disclosure/privacy/admin/report_results.html"
    paginate_by = 20
    list_export = []
    no_results_message = gettext_lazy("Nothing live holds personal data the check can find.")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Never exported: the report is about personal data.
        self.is_export = False

    def dispatch(self, request, *args, **kwargs):
        if not works_in_disclosure(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        budget = get_setting("WAGTAIL_DISCLOSURE_PRIVACY_REPORT_SECONDS")
        finder = AdminURLFinder(self.request.user)
        objects = list(live_objects_for(self.request.user))
        checked = live_hits(objects, budget)
        self.scanned, self.total = len(checked), len(objects)
        return [
            ReportRow(
                object=obj, title=str(obj), kind=str(obj._meta.verbose_name), hits=hits,
                edit_url=finder.get_edit_url(obj) or "", review_url=review_url(obj),
            )
            for obj, hits in checked
            if hits
        ]

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(scanned=self.scanned, total=self.total,
                       budget=get_setting("WAGTAIL_DISCLOSURE_PRIVACY_REPORT_SECONDS"))
        return context
