"""The privacy check (公开审查): personal data in what is about to go live.

:func:`scan` reads an object's texts and attached documents (see :mod:`.extraction`) and
returns its :class:`Hit`\\ s; :func:`privacy_check` is the publication check registered with
the gate (``core.publication``) in ``AppConfig.ready()``, so every way of publishing is
refused while a hit remains, unless a manager overrode the check for that very revision.

What a document holds is remembered in the cache (keyed by the file) so that publishing and
the report do not read the same file again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.personal_data import simple_personal_data_found
from wagtail_disclosure.core.publication import PublicationProblem
from wagtail_disclosure.core.spreadsheets import reading_limits

from . import scanning
from .extraction import holdings_of
from .models import PrivacyOverride
from .patterns import site_patterns
from .scanning import files

CHECK_NAME = "privacy"
DOCUMENT_CACHE_SECONDS = 30 * 24 * 3600

KIND_LABELS = {
    scanning.RESIDENT_ID: gettext_lazy("Resident ID number"),
    scanning.MOBILE: gettext_lazy("Mobile number"),
    scanning.BANK_CARD: gettext_lazy("Bank card number"),
    scanning.PASSPORT: gettext_lazy("Passport number"),
    scanning.TRAVEL_PERMIT: gettext_lazy("Hong Kong/Macau travel permit number"),
    scanning.ID_OWNER_NAME: gettext_lazy("Name of an ID number's holder"),
    scanning.MANUAL_REVIEW: gettext_lazy("Needs manual review"),
}


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


def personal_data_in_submission(text: str) -> list[str]:
    """What a moderator is warned of in text the public sent (a comment, feedback).

    The same rules as for pages, plus what is personal in a citizen's text though public in an
    office's page: an email address or a landline (registered in ``apps.ready()`` as core's
    personal-data finder)."""
    kinds = []
    for finding in scanning.find_personal_data(text, site_patterns()):
        label = kind_label(finding.kind)
        if label not in kinds:
            kinds.append(label)
    for label in simple_personal_data_found(text):
        if label not in kinds and not (kinds and label == _("a phone number")):
            kinds.append(label)
    return kinds


def problem_message(problem: files.Problem) -> str:
    """What an editor reads about a file the check could not read (whole or in part)."""
    details = dict(problem.details)
    if "size" in details:
        details["size"] = round(details["size"] / 1024 / 1024, 1)
    if "maximum" in details and problem.code == files.TOO_LARGE:
        details["maximum"] = round(details["maximum"] / 1024 / 1024, 1)
    templates = {
        files.TOO_LARGE: _("The file is %(size)s MB; the check reads files of at most "
                           "%(maximum)s MB, so none of it was checked. Read it by hand."),
        files.ENCRYPTED: _("The file is encrypted, so its text cannot be read. Read it by hand "
                           "or attach it without a password."),
        files.UNREADABLE: _("The file is damaged or not what its name says; its text cannot be "
                            "read. Read it by hand or attach it again."),
        files.NO_TEXT: _("The file holds no text that can be read (a scan or pictures?). Read "
                         "it by hand."),
        files.PAGES_WITHOUT_TEXT: _("Pages %(pages)s show images but hold no text (scanned?). "
                                    "Read them by hand."),
        files.PAGES_NOT_READ: _("Only the first %(read)s of %(total)s pages were checked (the "
                                "page limit). Read the rest by hand."),
        files.TIME_LIMIT: _("Reading stopped at the limit of %(seconds)s seconds; the rest of "
                            "the file was not checked. Read it by hand."),
        files.TEXT_LIMIT: _("Only the first %(maximum)s characters were checked. Read the rest "
                            "by hand."),
        files.UNSUPPORTED: _("Files of type “%(extension)s” cannot be read by the check "
                             "(pictures, old .doc files…). Read it by hand."),
        files.WORKBOOK_LIMIT: _("The file is over a reading limit (%(limit)s: %(found)s, at most "
                                "%(maximum)s), so it was not checked. Read it by hand."),
        "missing": _("The file is missing from the site's storage."),
    }
    if problem.code == files.TIME_LIMIT and "read" in details:
        return _("Reading stopped at the limit of %(seconds)s seconds after %(read)s of "
                 "%(total)s pages; the rest was not checked. Read it by hand.") % details
    template = templates.get(problem.code, _("The file could not be read. Read it by hand."))
    try:
        return template % details
    except (KeyError, TypeError):
        return template


@dataclass
class Hit:
    """One finding in an object, placed for the editor.

    ``source`` numbers the text it is in (for masking), ``field`` is the content key of the
    object's revision, ``label`` where it is (“Body › 2. Section › Text”). ``text`` is the
    matched text itself: used to mask it, never shown. Hits in documents carry the document;
    a file that could not be read is a hit of kind ``manual_review`` with a ``note``.
    """

    kind: str
    field: str
    label: str
    masked: str = ""
    before: str = ""
    after: str = ""
    start: int = 0
    source: int = -1
    text: str = field(default="", repr=False)
    document_id: int | None = None
    document_title: str = ""
    document_url: str = ""
    note: str = ""

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def key(self) -> str:
        return f"{self.source}:{self.start}:{self.kind}"

    @property
    def maskable(self) -> bool:
        return self.document_id is None and self.kind != scanning.MANUAL_REVIEW


def extraction_limits() -> files.ExtractionLimits:
    return files.ExtractionLimits(
        max_bytes=get_setting("WAGTAIL_DISCLOSURE_PRIVACY_MAX_FILE_SIZE"),
        max_pages=get_setting("WAGTAIL_DISCLOSURE_PRIVACY_MAX_PAGES"),
        max_seconds=get_setting("WAGTAIL_DISCLOSURE_PRIVACY_MAX_SECONDS"),
        max_chars=get_setting("WAGTAIL_DISCLOSURE_PRIVACY_MAX_CHARS"),
        workbook=reading_limits(),
    )


def _fingerprint(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


def _cache():
    return caches[get_setting("WAGTAIL_DISCLOSURE_CACHE")]


def scan(obj) -> list[Hit]:
    """Every hit in ``obj`` as it is in memory (a revision's content, or the live object)."""
    patterns = site_patterns()
    holdings = holdings_of(obj)
    hits: list[Hit] = []
    for number, source in enumerate(holdings.texts):
        for finding in scanning.find_personal_data(source.text, patterns):
            hits.append(Hit(
                kind=finding.kind, field=source.field, label=source.label, masked=finding.masked,
                before=finding.before, after=finding.after, start=finding.start, source=number,
                text=finding.text,
            ))
    for attached in holdings.documents:
        hits.extend(document_hits(attached, patterns))
    return hits


def document_hits(attached, patterns) -> list[Hit]:
    document = attached.document
    limits = extraction_limits()
    key = "wagtail-disclosure:privacy:document:" + _fingerprint(
        document.pk, document.file.name, getattr(document, "file_hash", ""), limits,
        sorted((name, p.pattern) for name, p in patterns.items()),
    )
    cache = _cache()
    found = cache.get(key)
    if found is None:
        found = _read_document(document, limits, patterns)
        cache.set(key, found, DOCUMENT_CACHE_SECONDS)
    return [
        Hit(field=attached.field, label=attached.label, document_id=document.pk,
            document_title=document.title, **entry)
        for entry in found
    ]


def _read_document(document, limits, patterns) -> list[dict]:
    """What one file holds, as plain dicts (cached); the matched text itself is not kept."""
    try:
        size = document.file.size
        with document.file.open("rb") as stream:
            extraction = files.extract_text(stream, document.file.name, size, limits)
    except (FileNotFoundError, OSError, ValueError):
        return [{"kind": scanning.MANUAL_REVIEW, "note": problem_message(files.Problem("missing"))}]
    entries = [
        {"kind": finding.kind, "masked": finding.masked, "before": finding.before,
         "after": finding.after, "start": finding.start}
        for finding in scanning.find_personal_data(extraction.text, patterns)
    ]
    entries.extend(
        {"kind": scanning.MANUAL_REVIEW, "note": problem_message(problem)}
        for problem in extraction.problems
    )
    return entries


# --- The publication check ---------------------------------------------------------------------


def review_url(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("wagtail_disclosure_admin:privacy_review", args=[content_type.pk, obj.pk])


def override_for(obj, revision=None):
    """The manager's override of ``revision`` (default: ``obj``'s latest), if there is one."""
    revision_id = revision.pk if revision is not None else getattr(obj, "latest_revision_id", None)
    if not revision_id:
        return None
    return PrivacyOverride.objects.filter(revision_id=revision_id).order_by("-pk").first()


def summary(hits: list[Hit]) -> str:
    """“身份证号码 370811********1232；手机号码 138****5678 …”: masked, at most three."""
    shown = [
        f"{hit.kind_label} {hit.masked}" if hit.masked else f"{hit.kind_label}（{hit.label}）"
        for hit in hits[:3]
    ]
    return "；".join(shown) + ("…" if len(hits) > 3 else "")


def privacy_check(obj, revision=None, user=None):
    """The gate's check: refused while ``obj`` holds a hit, unless overridden for ``revision``."""
    if obj.pk is None:
        return
    hits = scan(obj)
    if not hits or override_for(obj, revision) is not None:
        return
    yield PublicationProblem(
        CHECK_NAME,
        _("the privacy check found %(count)s item(s) of personal data or files to read by "
          "hand (%(summary)s): mask them, or a manager may publish anyway with a reason")
        % {"count": len(hits), "summary": summary(hits)},
        overridable=True,
        url=review_url(obj),
    )
