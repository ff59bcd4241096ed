"""Finding personal data in text, and leaving alone what is public by nature.

The scanner looks for the numbers that identify a person — resident ID numbers, mobile
numbers, bank cards, passports, travel permits — and for the name next to an ID number. A
match counts only if its check character or date holds, and never inside what a government
page publishes on purpose: document numbers (济政办字〔2022〕22号), index numbers, dates,
hotlines (12345, 400/800 numbers), office landlines (0537-1234567), organisations' unified
social credit codes and long numbers inside web addresses. Those spans are found first and
shield everything inside them.

Offsets are those of the text given: full-width digits and letters are read as half-width
without changing the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wagtail_disclosure.core import identity_numbers as checksums

from .masking import mask_value

# The kinds of finding (the Django side words each one).
RESIDENT_ID = "resident_id"
MOBILE = "mobile"
BANK_CARD = "bank_card"
PASSPORT = "passport"
TRAVEL_PERMIT = "travel_permit"
ID_OWNER_NAME = "id_owner_name"
#: Not a pattern: a file whose text could not be read (whole or in part) must be looked at.
MANUAL_REVIEW = "manual_review"

BUILT_IN_KINDS = (RESIDENT_ID, MOBILE, BANK_CARD, PASSPORT, TRAVEL_PERMIT, ID_OWNER_NAME)

CONTEXT_CHARS = 20

_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALF_WIDTH[0x3000] = 0x20


def half_width(text: str) -> str:
    """``text`` with full-width ASCII read as half-width: the same length, the same offsets."""
    return text.translate(_HALF_WIDTH)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text.

    ``start``/``end`` are offsets in the text scanned, ``text`` the matched characters as
    written, ``masked`` what may be published instead, ``before``/``after`` the text around it
    (already masked themselves, so a listing of findings shows no personal data).
    """

    kind: str
    start: int
    end: int
    text: str
    masked: str
    before: str = ""
    after: str = ""

    @property
    def context(self) -> str:
        """The hit in its surroundings, masked: what an editor reads to place it."""
        return f"{self.before}{self.masked}{self.after}"


# --- What is public by nature ------------------------------------------------------------------

_NOT_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_ALNUM_AFTER = r"(?![0-9A-Za-z])"

PUBLIC_PATTERNS = {
    # Web and mail addresses: numbers inside them are ids of pages and files.
    "url": re.compile(r"(?:https?|ftp)://[^\s<>\"'，。；、）)]+|www\.[^\s<>\"'，。；、）)]+"
                      r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE),
    # Document numbers: 济政办字〔2022〕22号, 国办发[2019]12号, 鲁政字（2021）3号.
    "document_number": re.compile(
        r"[\u4e00-\u9fff]{1,12}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\d{1,6}号"
    ),
    # Index numbers: 11370800004319350E/2022-00012, 370800-2022-000123.
    "index_number": re.compile(
        _NOT_ALNUM_BEFORE + r"[0-9A-Z]{6,20}[/-](?:19|20)\d{2}-\d{3,8}" + _NOT_ALNUM_AFTER
    ),
    # Dates: 2022-10-31, 2022/10/31, 2022.10.31, 2022年10月31日, 20221031.
    "date": re.compile(
        _NOT_ALNUM_BEFORE
        + r"(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?"
        + r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
        + _NOT_ALNUM_AFTER
    ),
    # Service hotlines: 400/800 numbers (10 digits, however grouped) and 95xxx/96xxx/12xxx.
    "hotline": re.compile(
        r"(?<!\d)(?:[48]00[\s-]?\d{3}[\s-]?\d{4}|9[56]\d{3,6}|12[0-9]{3})(?!\d)"
    ),
    # Office landlines with their area code: 0537-1234567, (0537)1234567, 0537 12345678.
    "landline": re.compile(
        r"(?<!\d)(?:(?:\+|00)86[\s-]?)?(?:0\d{2,3}[\s-]?|[（(]0\d{2,3}[）)]\s?)\d{7,8}"
        r"(?:\s?(?:转|-|ext\.?)\s?\d{1,5})?(?!\d)"
    ),
    # Unified social credit codes of organisations (checked below).
    "credit_code": re.compile(_NOT_ALNUM_BEFORE + r"[0-9A-HJ-NPQRTUWXY]{18}" + _NOT_ALNUM_AFTER),
}

#: Words before an 18-character code that say it is an organisation's.
_ORGANISATION_CODE_WORDS = re.compile(
    r"(?:统一社会信用代码|信用代码|组织机构代码|税号|纳税人识别号|注册号)[：:\s]*$"
)


def public_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds what is published on purpose (nothing inside is personal data)."""
    spans = []
    for name, pattern in PUBLIC_PATTERNS.items():
        for match in pattern.finditer(text):
            value = match.group(0)
            if name == "credit_code":
                if not checksums.is_credit_code(value):
                    continue
                # A valid ID number that also passes the credit code's check (1 in 31) is a
                # person's unless the text calls it a code.
                label = text[max(0, match.start() - 12):match.start()]
                words = _ORGANISATION_CODE_WORDS.search(label)
                if checksums.is_resident_id_18(value) and not words:
                    continue
            spans.append(match.span())
    return spans


# --- Personal data ----------------------------------------------------------------------------

_SEP = r"[\s-]?"

_RESIDENT_ID_18 = re.compile(
    _NOT_ALNUM_BEFORE + r"([1-9]\d{5})" + _SEP + r"((?:18|19|20)\d{2}(?:0[1-9]|1[0-2])"
    r"(?:0[1-9]|[12]\d|3[01]))" + _SEP + r"(\d{3}[0-9Xx])" + _NOT_ALNUM_AFTER
)
_RESIDENT_ID_15 = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])"
)
_MOBILE = re.compile(
    r"(?<![0-9A-Za-z+])((?:\+|00)86[\s-]?|[（(](?:\+|00)?86[）)]\s?)?"
    r"(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![0-9A-Za-z])"
)
_BANK_CARD = re.compile(r"(?<![0-9A-Za-z])[3-69](?:[\s-]?\d){15,18}(?![0-9A-Za-z])")
_PASSPORT = re.compile(r"(?<![0-9A-Za-z])(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7})(?![0-9A-Za-z])")
#: Official, service and diplomatic passports: only where the text says 护照.
_OFFICIAL_PASSPORT = re.compile(r"(?<![0-9A-Za-z])(?:DE|SE|PE|[DSP])\d{7}(?![0-9A-Za-z])")
_PASSPORT_WORD = re.compile(r"护照")
# 往来港澳通行证 (C + 8; the old booklet W + 8) and 港澳居民来往内地通行证 (H/M + 8 or 10 digits).
_TRAVEL_PERMIT = re.compile(
    r"(?<![0-9A-Za-z])(?:C[0-9A-HJ-NP-Z]\d{7}|W\d{8}|[HM]\d{8}(?:\d{2})?)(?![0-9A-Za-z])"
)

# --- The name next to an ID number ------------------------------------------------------------

#: Common surnames (single and compound): a name is taken only if it starts with one.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
    "祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞"
    "姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
                     "夏侯", "长孙", "宇文", "司徒", "端木", "澹台", "呼延", "南宫", "独孤")
#: What stands before a name and is not part of it.
_ROLE_WORDS = re.compile(
    r"^(?:.*?(?:被申请人|申请人|当事人|户主|联系人|经办人|委托人|代理人|法定代表人|负责人|"
    r"持证人|本人|患者|学生|姓名|名字|居民|村民|职工|同志|先生|女士))"
)
#: Words that look like names after a surname but are not.
_NOT_NAMES = ("公民", "居民", "身份", "有效", "号码", "证件", "同志", "本人", "其", "的")
_HAN = r"[\u4e00-\u9fff]"
_NAME_LABEL = re.compile(r"(?:姓\s*名|名\s*字)\s*[：:]?\s*(" + _HAN + r"{2,4})(?!" + _HAN + ")")
_ID_WORD = re.compile(r"(?:公民)?身份证(?:号码|号|件号码|件号)?")
NAME_WINDOW = 40


def looks_like_name(run: str) -> bool:
    if not 2 <= len(run) <= 4 or any(word in run for word in _NOT_NAMES):
        return False
    if run[:2] in COMPOUND_SURNAMES:
        return len(run) >= 3
    return run[0] in SURNAMES


def _name_before(text: str, end: int) -> tuple[int, int] | None:
    """The name ending just before ``end`` (separators allowed), after any role word."""
    position = end
    while position > 0 and text[position - 1] in " \t，,、：:（(":
        position -= 1
    run_end = position
    while position > 0 and re.match(_HAN, text[position - 1]) and run_end - position < 12:
        position -= 1
    run = text[position:run_end]
    role = _ROLE_WORDS.match(run)
    if role:
        run, position = run[role.end():], position + role.end()
    if looks_like_name(run):
        return position, run_end
    return None


def owner_names(text: str, id_start: int, id_end: int) -> list[tuple[int, int]]:
    """Where the name of the ID number at ``id_start:id_end`` is written next to it."""
    lower = max(0, id_start - NAME_WINDOW)
    upper = min(len(text), id_end + NAME_WINDOW)
    spans = set()
    # 姓名：张三 near the number.
    for match in _NAME_LABEL.finditer(text, lower, upper):
        if looks_like_name(match.group(1)):
            spans.add(match.span(1))
    # 张三，身份证号码：370811… / 张三（身份证号370811…）
    for match in _ID_WORD.finditer(text, lower, id_start):
        span = _name_before(text, match.start())
        if span:
            spans.add(span)
    # 张三 370811… (the number right after the name).
    span = _name_before(text, id_start)
    if span:
        spans.add(span)
    return sorted(spans)


# --- The scanner ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    kind: str
    start: int
    end: int


def _candidates(text: str, extra: Mapping[str, re.Pattern]) -> Iterable[Candidate]:
    for match in _RESIDENT_ID_18.finditer(text):
        if checksums.is_resident_id_18("".join(match.groups())):
            yield Candidate(RESIDENT_ID, *match.span())
    for match in _RESIDENT_ID_15.finditer(text):
        if checksums.is_resident_id_15(match.group(0)):
            yield Candidate(RESIDENT_ID, *match.span())
    for match in _MOBILE.finditer(text):
        yield Candidate(MOBILE, *match.span())
    for match in _BANK_CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if 16 <= len(digits) <= 19 and checksums.passes_luhn(digits):
            yield Candidate(BANK_CARD, *match.span())
    for match in _PASSPORT.finditer(text):
        yield Candidate(PASSPORT, *match.span())
    for match in _OFFICIAL_PASSPORT.finditer(text):
        if _PASSPORT_WORD.search(text, max(0, match.start() - 20), match.start()):
            yield Candidate(PASSPORT, *match.span())
    for match in _TRAVEL_PERMIT.finditer(text):
        yield Candidate(TRAVEL_PERMIT, *match.span())
    for kind, pattern in extra.items():
        for match in pattern.finditer(text):
            if match.end() > match.start():
                yield Candidate(kind, *match.span())


#: Which of two overlapping candidates wins (ID numbers before bank cards, and so on).
PRIORITY = {RESIDENT_ID: 0, BANK_CARD: 1, MOBILE: 2, PASSPORT: 3, TRAVEL_PERMIT: 4}


def _overlaps(start, end, spans) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def find_personal_data(text: str, extra_patterns: Mapping[str, re.Pattern] | None = None
                       ) -> list[Finding]:
    """Every piece of personal data in ``text``, in order, none overlapping another.

    ``extra_patterns`` are a site's own (kind → compiled pattern); their matches are findings
    of that kind unless they fall inside what is public by nature.
    """
    if not text:
        return []
    extra = dict(extra_patterns or {})
    readable = half_width(text)
    shielded = public_spans(readable)
    candidates = sorted(
        _candidates(readable, extra),
        key=lambda c: (PRIORITY.get(c.kind, 9), c.start, -(c.end - c.start)),
    )
    kept: list[Candidate] = []
    for candidate in candidates:
        span = (candidate.start, candidate.end)
        if _overlaps(*span, shielded) or _overlaps(*span, [(k.start, k.end) for k in kept]):
            continue
        kept.append(candidate)
    taken = [(k.start, k.end) for k in kept]
    for candidate in [k for k in kept if k.kind == RESIDENT_ID]:
        for start, end in owner_names(readable, candidate.start, candidate.end):
            if not _overlaps(start, end, taken):
                kept.append(Candidate(ID_OWNER_NAME, start, end))
                taken.append((start, end))
    kept.sort(key=lambda c: c.start)
    return [_finding(text, candidate, kept) for candidate in kept]


def _finding(text: str, candidate: Candidate, all_kept: list[Candidate]) -> Finding:
    value = text[candidate.start:candidate.end]
    before_start = max(0, candidate.start - CONTEXT_CHARS)
    after_end = min(len(text), candidate.end + CONTEXT_CHARS)
    return Finding(
        kind=candidate.kind,
        start=candidate.start,
        end=candidate.end,
        text=value,
        masked=mask_value(candidate.kind, value),
        before=_masked_slice(text, before_start, candidate.start, all_kept),
        after=_masked_slice(text, candidate.end, after_end, all_kept),
    )


def _masked_slice(text: str, start: int, end: int, kept: list[Candidate]) -> str:
    """``text[start:end]`` with the other findings in it masked (and cut ones hidden)."""
    pieces, position = [], start
    for other in kept:
        if other.end <= start or other.start >= end:
            continue
        pieces.append(text[position:max(position, other.start)])
        masked = mask_value(other.kind, text[other.start:other.end])
        if other.start >= start and other.end <= end:
            pieces.append(masked)
        else:
            pieces.append("…")
        position = min(end, other.end)
    pieces.append(text[position:end])
    return "".join(pieces).replace("\n", " ")


def mask_text(text: str, extra_patterns: Mapping[str, re.Pattern] | None = None) -> str:
    """``text`` with every finding replaced by its masked form."""
    findings = find_personal_data(text, extra_patterns)
    return apply_masks(text, findings)


def apply_masks(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with the given findings (found in this very text) masked."""
    pieces, position = [], 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < position:
            continue
        pieces.append(text[position:finding.start])
        pieces.append(finding.masked)
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)
