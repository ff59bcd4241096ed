"""The public comment form of a consultation, and the moderation form of the admin."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.forms import AccessibleFormMixin, LengthLimit
from wagtail_disclosure.core.personal_data import personal_data_warning

from .models import CommentStatus, ConsultationComment

#: The longest name and contact details the public form takes (characters).
NAME_LIMIT = 50
CONTACT_LIMIT = 100


def limited(field, limit):
    """``field`` takes at most ``limit`` characters: the browser stops there, the server refuses
    longer text naming the field and the limit."""
    field.max_length = limit
    field.widget.attrs["maxlength"] = str(limit)
    field.validators = [LengthLimit(field.label, limit)]
    return field


class PublicCommentForm(AccessibleFormMixin, forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 8}),
        strip=True,
        error_messages={"required": _("Write your comment.")},
    )
    clause = forms.ChoiceField(
        label=_("Which part of the draft is it about?"), required=False, choices=()
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        help_text=_("Optional. Shown with your comment if it is published."),
    )
    contact = forms.CharField(
        label=_("Phone or email"),
        required=False,
        help_text=_("Optional. Only the office sees it, to ask you about your comment."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my comment (with my name, if given) may be published, and that the "
            "office keeps my contact details to handle it."
        ),
        error_messages={"required": _("Tick the box to agree, or the comment cannot be sent.")},
    )

    def __init__(self, *args, clauses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].choices = [("", _("The draft as a whole"))] + [
            (label, label) for label in clauses
        ]
        if not clauses:
            del self.fields["clause"]
        limited(self.fields["body"], get_setting("WAGTAIL_DISCLOSURE_COMMENT_MAX_LENGTH"))
        limited(self.fields["name"], NAME_LIMIT)
        limited(self.fields["contact"], CONTACT_LIMIT)
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) < 5:
            raise forms.ValidationError(
                _("Write a little more (at least 5 characters), so the office can consider it."),
                code="too_short",
            )
        return body


def group_topics(consultation) -> list[str]:
    """The topics of the consultation's feedback groups, as its latest revision has them (so a
    moderator can sort comments before the groups are published)."""
    if consultation is None:
        return []
    latest = consultation.get_latest_revision_as_object()
    return [group.topic for group in latest.feedback_groups.all() if group.topic]


class CommentModerationForm(WagtailAdminModelForm):
    """Publishing a comment that looks as if it holds personal data needs a second look: the
    moderator confirms, or writes a version without it."""

    confirm_personal_data = forms.BooleanField(
        label=_("Publish anyway: I checked the text and it may be public"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "topic" in self.fields:
            topics = group_topics(getattr(self.instance, "consultation", None))
            current = self.instance.topic
            choices = [("", _("Not grouped yet"))] + [(t, t) for t in topics]
            if current and current not in topics:
                choices.append((current, current))
            self.fields["topic"] = forms.ChoiceField(
                label=self.fields["topic"].label,
                help_text=_(
                    "The groups are those of the consultation's feedback report (in its page)."
                ),
                choices=choices,
                required=False,
            )
            if not current and self.instance.clause in topics:
                self.initial["topic"] = self.instance.clause
        self.personal_data_warning = personal_data_warning(self.instance.body)
        if "confirm_personal_data" in self.fields:
            self.fields["confirm_personal_data"].help_text = self.personal_data_warning or _(
                "No personal data was found in the comment."
            )

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status == CommentStatus.HIDDEN and not (data.get("hidden_reason") or "").strip():
            self.add_error("hidden_reason", _("Say why the comment is hidden."))
        if status == CommentStatus.PUBLISHED:
            shown = data.get("public_body") or self.instance.body
            warning = personal_data_warning(shown)
            if warning and not data.get("confirm_personal_data"):
                self.add_error(
                    "public_body",
                    _(
                        "%(warning)s Write a version without it here, or tick “Publish anyway” "
                        "if it may be public."
                    )
                    % {"warning": warning},
                )
        return data

    def save(self, commit=True):
        comment = super().save(commit=False)
        if "status" in self.changed_data or "hidden_reason" in self.changed_data:
            comment.moderated_by = self.for_user if getattr(self, "for_user", None) else None
            comment.moderated_at = timezone.now()
        if commit:
            comment.save()
            self.save_m2m()
        return comment


__all__ = ["PublicCommentForm", "CommentModerationForm", "ConsultationComment"]
