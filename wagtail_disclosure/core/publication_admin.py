"""Where a person is waiting, the publication gate answers in the admin before publishing.

The Publish button of a page or snippet and the bulk publish action ask the gate first: a refusal
keeps the saved draft, shows every reason as an error and publishes nothing. (Paths nobody waits
on are refused in ``publish()`` itself, see :mod:`wagtail_disclosure.core.publication`.) The root
``wagtail_hooks`` registers these functions.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import LogFormatter

from .publication import PUBLICATION_REFUSED, publication_problems, refusal_summary


def _reason(problem):
    if not problem.url:
        return problem.message
    return format_html('{} <a href="{}">{}</a>', problem.message, problem.url, _("See details"))


def refusal_message(obj, problems) -> str:
    reasons = format_html_join(mark_safe("；"), "{}", ((_reason(p),) for p in problems))
    return format_html(
        _("“{title}” was saved as a draft but not published: {reasons}"),
        title=str(obj),
        reasons=reasons,
    )


def _edit_url(request, obj):
    return AdminURLFinder(request.user).get_edit_url(obj) or request.get_full_path()


def refuse_blocked(request, obj):
    """``before_publish_page`` and ``before_publish`` (snippets with draft states): the object as
    the editor submitted it, asked of the gate."""
    candidate = obj.specific if hasattr(obj, "specific") else obj
    problems = publication_problems(candidate, user=request.user)
    if not problems:
        return None
    messages.error(request, refusal_message(candidate, problems))
    return redirect(_edit_url(request, candidate))


def refuse_blocked_bulk_publish(request, action_type, objects, action_class_instance):
    """``before_bulk_action``: bulk publishing cannot ask item by item, so it is refused whole."""
    if action_type != "publish":
        return None
    refused = []
    for obj in objects:
        candidate = obj.specific if hasattr(obj, "specific") else obj
        latest = candidate.get_latest_revision_as_object() if hasattr(
            candidate, "get_latest_revision_as_object"
        ) else candidate
        problems = publication_problems(latest, user=request.user)
        if problems:
            refused.append(refusal_message(candidate, problems))
    if not refused:
        return None
    messages.error(request, format_html(
        _("Nothing was published. {refusals}"),
        refusals=format_html_join(" ", "{}", ((refusal,) for refusal in refused)),
    ))
    return redirect(action_class_instance.next_url or "wagtailadmin_home")


class PublicationRefusedFormatter(LogFormatter):
    label = _("Publication refused")

    def format_message(self, log_entry):
        return refusal_summary(log_entry.data)


def register_log_actions(actions):
    actions.register_action(PUBLICATION_REFUSED)(PublicationRefusedFormatter)
