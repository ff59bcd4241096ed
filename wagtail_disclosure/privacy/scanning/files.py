"""The text of an attached file, read within limits (plain Python).

A file the scanner cannot read is not a file without personal data: a scanned PDF (pages with
images and no text), an encrypted or damaged file, a format it does not read (an image, an old
``.doc``), or a file cut short by a limit all come back with *problems* naming what was not
read, and the Django side makes each a finding that needs a person to look.

Limits: the file's size, the pages of a PDF, the characters kept, and the seconds reading may
take (checked between the operators of a PDF page, so one heavy page cannot hold the server).
Workbooks go through :mod:`wagtail_disclosure.core.bounded_reader` like every upload; Word
files have their zip checked by it before python-docx opens them.
"""

from __future__ import annotations

import io
import time
import zipfile
from dataclasses import dataclass, field

from wagtail_disclosure.core import bounded_reader as bounded

# What could not be read (the Django side words each, with ``details``).
TOO_LARGE = "too_large"
ENCRYPTED = "encrypted"
UNREADABLE = "unreadable"
NO_TEXT = "no_text"
PAGES_WITHOUT_TEXT = "pages_without_text"
PAGES_NOT_READ = "pages_not_read"
TIME_LIMIT = "time_limit"
TEXT_LIMIT = "text_limit"
UNSUPPORTED = "unsupported"
WORKBOOK_LIMIT = "workbook_limit"

PDF_MAGIC = b"%PDF-"
TEXT_EXTENSIONS = {"txt", "csv", "htm", "html", "xml", "md", "json"}
#: A page with fewer visible characters than this and an image on it was likely scanned.
MIN_PAGE_CHARS = 5


@dataclass(frozen=True)
class ExtractionLimits:
    max_bytes: int = 60 * 1024 * 1024
    max_pages: int = 500
    max_seconds: float = 10.0
    max_chars: int = 2_000_000
    workbook: bounded.ReadingLimits = field(default_factory=bounded.ReadingLimits)


@dataclass(frozen=True)
class Problem:
    code: str
    details: dict = field(default_factory=dict)


@dataclass
class Extraction:
    """The text read from a file and what could not be read (empty: all of it)."""

    text: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.problems


class _OutOfTime(Exception):
    pass


class _Clock:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.start = time.monotonic()
        self.ticks = 0

    def spent(self) -> float:
        return time.monotonic() - self.start

    def check(self, *_args) -> None:
        self.ticks += 1
        if self.ticks % 200 == 0 and self.spent() > self.seconds:
            raise _OutOfTime

    def over(self) -> bool:
        return self.spent() > self.seconds


def extension_of(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def extract_text(stream, filename: str, size: int, limits: ExtractionLimits | None = None
                 ) -> Extraction:
    """The text of the file open in ``stream`` (binary, seekable) of ``size`` bytes."""
    limits = limits or ExtractionLimits()
    if size > limits.max_bytes:
        too_large = Problem(TOO_LARGE, {"size": size, "maximum": limits.max_bytes})
        return Extraction(problems=[too_large])
    extension = extension_of(filename)
    head = stream.read(8)
    stream.seek(0)
    try:
        if head.startswith(PDF_MAGIC) or extension == "pdf":
            return _pdf(stream, limits)
        if extension == "docx":
            return _docx(stream.read(), limits)
        if extension in ("xlsx", "xls"):
            return _workbook(stream.read(), limits)
        if extension in TEXT_EXTENSIONS:
            return _plain(stream.read(), limits)
    except _OutOfTime:
        return Extraction(problems=[Problem(TIME_LIMIT, {"seconds": limits.max_seconds})])
    return Extraction(problems=[Problem(UNSUPPORTED, {"extension": extension or "?"})])


def _kept(parts: list[str], limits: ExtractionLimits, problems: list[Problem]) -> str:
    text = "\n".join(parts)
    if len(text) > limits.max_chars:
        problems.append(Problem(TEXT_LIMIT, {"maximum": limits.max_chars}))
        text = text[: limits.max_chars]
    return text


# --- PDF ---------------------------------------------------------------------------------------


def _pdf(stream, limits: ExtractionLimits) -> Extraction:
    import pypdf  # loaded only when a PDF is read
    from pypdf.errors import PyPdfError

    clock = _Clock(limits.max_seconds)
    try:
        reader = pypdf.PdfReader(stream, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # pypdf's DependencyError, NotImplementedError for rare filters
                opened = 0
            if not opened:
                return Extraction(problems=[Problem(ENCRYPTED)])
        total = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError,
            RecursionError) as exc:
        return Extraction(problems=[Problem(UNREADABLE, {"error": type(exc).__name__})])

    parts: list[str] = []
    problems: list[Problem] = []
    blank_pages: list[int] = []
    chars = 0
    read = 0
    for number in range(min(total, limits.max_pages)):
        if clock.over():
            break
        try:
            page = reader.pages[number]
            text = page.extract_text(visitor_operand_before=clock.check) or ""
        except _OutOfTime:
            break
        except Exception as exc:  # a damaged page: say so and go on with the next
            problems.append(Problem(UNREADABLE, {"page": number + 1, "error": type(exc).__name__}))
            read += 1
            continue
        read += 1
        if len("".join(text.split())) < MIN_PAGE_CHARS and _has_images(page):
            blank_pages.append(number + 1)
        parts.append(text)
        chars += len(text)
        if chars > limits.max_chars:
            break
    if read < total:
        if read < min(total, limits.max_pages) and clock.over():
            problems.append(Problem(TIME_LIMIT, {"seconds": limits.max_seconds, "read": read,
                                                 "total": total}))
        elif chars <= limits.max_chars:
            problems.append(Problem(PAGES_NOT_READ, {"read": read, "total": total}))
    text = _kept(parts, limits, problems)
    if read and not "".join(text.split()):
        problems.append(Problem(NO_TEXT, {"pages": total}))
    elif blank_pages:
        problems.append(Problem(PAGES_WITHOUT_TEXT, {"pages": _page_list(blank_pages)}))
    return Extraction(text=text, problems=problems)


def _has_images(page) -> bool:
    try:
        resources = page.get("/Resources") or {}
        objects = resources.get("/XObject") or {}
        return any(objects[name].get_object().get("/Subtype") in ("/Image", "/Form")
                   for name in objects)
    except Exception:  # damaged resources: treat as possibly scanned
        return True


def _page_list(pages: list[int]) -> str:
    shown = ", ".join(str(page) for page in pages[:20])
    return shown + ("…" if len(pages) > 20 else "")


# --- Office files ------------------------------------------------------------------------------


def _zip_checked(source: bytes, limits: ExtractionLimits) -> Problem | None:
    workbook = limits.workbook
    try:
        archive = zipfile.ZipFile(io.BytesIO(source))
        bounded.check_archive(archive, workbook, bounded.Deadline(limits.max_seconds))
    except bounded.LimitExceeded as exc:
        return Problem(WORKBOOK_LIMIT, {"limit": exc.limit, "maximum": exc.maximum,
                                        "found": exc.found})
    except (bounded.UnreadableFile, zipfile.BadZipFile, OSError, ValueError) as exc:
        return Problem(UNREADABLE, {"error": type(exc).__name__})
    return None


def _docx(source: bytes, limits: ExtractionLimits) -> Extraction:
    problem = _zip_checked(source, limits)
    if problem:
        return Extraction(problems=[problem])
    import docx  # python-docx, loaded only when a Word file is read

    try:
        document = docx.Document(io.BytesIO(source))
    except Exception as exc:  # python-docx raises several kinds for damaged packages
        return Extraction(problems=[Problem(UNREADABLE, {"error": type(exc).__name__})])
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    for section in document.sections:
        for part in (section.header, section.footer):
            parts.extend(paragraph.text for paragraph in part.paragraphs)
    problems: list[Problem] = []
    text = _kept(parts, limits, problems)
    if not "".join(text.split()) and document.inline_shapes:
        problems.append(Problem(NO_TEXT, {}))
    return Extraction(text=text, problems=problems)


def _workbook(source: bytes, limits: ExtractionLimits) -> Extraction:
    try:
        sheets = bounded.read_workbook(source, limits.workbook)
    except bounded.LimitExceeded as exc:
        return Extraction(problems=[Problem(WORKBOOK_LIMIT, {
            "limit": exc.limit, "maximum": exc.maximum, "found": exc.found})])
    except bounded.UnreadableFile as exc:
        return Extraction(problems=[Problem(UNREADABLE, {"error": str(exc)})])
    parts = []
    for sheet in sheets:
        for row in sheet.rows:
            parts.append("\t".join("" if value is None else str(value) for value in row))
    problems: list[Problem] = []
    return Extraction(text=_kept(parts, limits, problems), problems=problems)


def _plain(source: bytes, limits: ExtractionLimits) -> Extraction:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = source.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return Extraction(problems=[Problem(UNREADABLE, {"error": "encoding"})])
    problems: list[Problem] = []
    return Extraction(text=_kept([text], limits, problems), problems=problems)
