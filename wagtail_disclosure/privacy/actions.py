"""What an editor or manager does about the check's hits: mask one, or publish anyway.

Masking works on the object's latest revision: the hit's text is replaced by its masked form
in the field it was found in (rich text, a StreamField's blocks, an inline child), and the
result is saved as a new draft revision, logged. Nothing is published by masking; the editor
publishes the masked draft as usual, through the check.
"""

from __future__ import annotations

import copy
import json

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail_disclosure.core import audit

from .check import scan
from .models import PrivacyOverride

MASKED = "wagtail_disclosure.privacy_masked"
OVERRIDDEN = "wagtail_disclosure.privacy_overridden"


def latest_version(obj):
    """``obj`` as its latest revision has it (the draft an editor would publish)."""
    revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
    return (revision.as_object() if revision else obj), revision


def _replaced(value, old: str, new: str):
    """``value`` (revision content: str, JSON text, list, dict) with ``old`` made ``new``."""
    if isinstance(value, str):
        stripped = value.lstrip()
        if stripped[:1] in ("[", "{"):
            try:
                data = json.loads(value)
            except ValueError:
                return value.replace(old, new)
            return json.dumps(_replaced(data, old, new), ensure_ascii=False)
        return value.replace(old, new)
    if isinstance(value, list):
        return [_replaced(item, old, new) for item in value]
    if isinstance(value, dict):
        return {key: _replaced(item, old, new) for key, item in value.items()}
    return value


class MaskRefused(Exception):
    """The hit is gone or moved (the object changed since the editor looked), or its text
    is not written as it reads (split by markup): the editor masks it in the editor."""


@transaction.atomic
def mask_hit(obj, revision, key: str, user):
    """Mask the hit ``key`` of ``revision`` (it must still be ``obj``'s latest, ``None`` if it
    has none) in a new draft."""
    candidate, latest = latest_version(obj)
    if (latest.pk if latest else None) != (revision.pk if revision else None):
        raise MaskRefused("changed")
    hit = next((hit for hit in scan(candidate) if hit.key == key and hit.maskable), None)
    if hit is None:
        raise MaskRefused("gone")
    # An object live since before revisions were kept (a migrated site) is masked from itself.
    content = copy.deepcopy(latest.content if latest else obj.serializable_data())
    before = content.get(hit.field)
    after = _replaced(before, hit.text, hit.masked)
    if after == before:
        raise MaskRefused("markup")
    content[hit.field] = after
    masked_object = obj.with_content_json(content)
    new_revision = masked_object.save_revision(user=user, clean=False)
    audit.record(obj, MASKED, user, kind=hit.kind, masked=hit.masked, where=hit.label,
                 revision=new_revision.pk)
    return hit, new_revision


@transaction.atomic
def override_and_publish(obj, revision, user, reason: str):
    """A manager publishes ``revision`` despite the hits; the reason stays with the revision."""
    candidate = revision.as_object()
    hits = scan(candidate)
    override = PrivacyOverride.objects.create(
        revision=revision,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        user=user,
        reason=reason,
        findings=len(hits),
    )
    audit.record(obj, OVERRIDDEN, user, reason=reason, findings=len(hits),
                 revision=revision.pk)
    revision.publish(user=user)
    return override
