"""Splitting a responsible-units cell (责任单位) into unit names with their roles.

A cell such as ``各县（市、区）政府（管委会），市财政局牵头，市税务局配合`` names several units and
unit groups. Commas and 、 separate them, except inside brackets and inside the group names that
themselves contain 、 (市政府各部门、单位).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from wagtail_disclosure.core.text import normalize_unit_name

Role = Literal["lead", "cooperating"]
LEAD: Role = "lead"
COOPERATING: Role = "cooperating"

CLAUSE_SEPARATORS = "，,；;\n"
NAME_SEPARATORS = "、"
OPENING_BRACKETS = "（(【[〔｛{《"
CLOSING_BRACKETS = "）)】]〕｝}》"

# Role words written after a name or a list of names: ``市财政局牵头``, ``市税务局、市商务局配合``.
TRAILING_ROLE_WORDS: tuple[tuple[str, Role], ...] = (
    ("负责落实", LEAD),
    ("牵头负责", LEAD),
    ("牵头", LEAD),
    ("负责", LEAD),
    ("配合落实", COOPERATING),
    ("共同配合", COOPERATING),
    ("配合", COOPERATING),
    ("协助", COOPERATING),
    ("参与", COOPERATING),
)
# Role labels written before names: ``牵头单位：市财政局；配合单位：市税务局``.
ROLE_LABEL = re.compile(
    r"(牵头单位|牵头部门|责任单位|责任部门|主责单位|配合单位|配合部门|协办单位|协助单位|参与单位)\s*[:：]"
)
LABEL_ROLES: dict[str, Role | None] = {
    "牵头单位": LEAD, "牵头部门": LEAD, "主责单位": LEAD, "责任单位": None, "责任部门": None,
    "配合单位": COOPERATING, "配合部门": COOPERATING, "协办单位": COOPERATING,
    "协助单位": COOPERATING, "参与单位": COOPERATING,
}
BRACKETED_ROLE = re.compile(r"[（(]\s*(牵头|配合|负责落实|协助)\s*[）)]\s*$")

# Administrative levels written bare before 、 to share the rest of the next name:
# ``市、县级政府办公室`` is 市政府办公室 and 县级政府办公室.
LEVEL_PREFIXES = ("省级", "市级", "县级", "区级", "乡级", "镇级", "乡镇", "县区", "县市区",
                  "省", "市", "县", "区", "乡", "镇", "街道")

# ``A等市政府有关部门、单位``: the part after 等 is a group when it ends like one.
GROUP_AFTER_DENG = re.compile(r"^(?P<first>.+?)等(?P<group>.*(部门|单位|机构|政府|管委会|企业))$")


@dataclass(frozen=True)
class UnitRef:
    """One unit or unit group named in a cell, as written, with the role it has there."""

    name: str
    role: Role


def split_units(cell: str | None, default_role: Role = LEAD) -> list[UnitRef]:
    """The units named in one cell, in order, each with its role.

    ``default_role`` is the role the cell's column gives (a 配合单位 column gives cooperating);
    labels (配合单位：) and trailing role words (X牵头) written in the cell override it.
    """
    if not cell or not str(cell).strip():
        return []
    clauses: list[tuple[list[UnitRef], bool]] = []  # (refs, names its lead with 牵头)
    for label_role, part in split_role_labels(str(cell)):
        for clause in split_outside_brackets(part, CLAUSE_SEPARATORS):
            refs, named_leads = read_clause(clause, label_role or default_role)
            clauses.append((refs, bool(named_leads) or label_role == LEAD))
    return deduplicate(others_cooperate(clauses))


def others_cooperate(clauses: list[tuple[list[UnitRef], bool]]) -> list[UnitRef]:
    """``A牵头，B等有关部门负责落实``: once a clause names the lead with 牵头, the units of the
    other clauses (given 负责落实, or no role word) carry the work out with A: they cooperate."""
    any_named_lead = any(named for _, named in clauses)
    result: list[UnitRef] = []
    for refs, named in clauses:
        if not any_named_lead or named:
            result.extend(refs)
        else:
            result.extend(UnitRef(ref.name, COOPERATING) for ref in refs)
    return result


def split_role_labels(cell: str) -> list[tuple[Role | None, str]]:
    """Cut ``牵头单位：A；配合单位：B`` into (lead, A) and (cooperating, B)."""
    parts: list[tuple[Role | None, str]] = []
    role: Role | None = None
    position = 0
    for match in ROLE_LABEL.finditer(cell):
        parts.append((role, cell[position:match.start()]))
        role = LABEL_ROLES[match[1]]
        position = match.end()
    parts.append((role, cell[position:]))
    return [(role, text) for role, text in parts if text.strip()]


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """Split at any of ``separators`` that is not inside brackets (full- or half-width)."""
    pieces: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in OPENING_BRACKETS:
            depth += 1
        elif char in CLOSING_BRACKETS:
            depth = max(depth - 1, 0)
        elif char in separators and depth == 0:
            pieces.append(text[start:index])
            start = index + 1
    pieces.append(text[start:])
    return [piece for piece in (p.strip() for p in pieces) if piece]


def read_clause(clause: str, default_role: Role) -> tuple[list[UnitRef], list[UnitRef]]:
    """Names in one comma-separated clause; a trailing role word covers the names before it.

    Also returns the refs named lead by 牵头 itself (not by 负责 or the column).
    """
    names = join_group_names(split_outside_brackets(clause, NAME_SEPARATORS))
    names = share_level_prefixes(names)
    refs: list[UnitRef] = []
    named_leads: list[UnitRef] = []
    pending: list[str] = []
    for raw_name in names:
        name, role = strip_role_words(raw_name)
        for part in split_group_after_deng(name):
            pending.append(part)
        if role is not None:
            new = [UnitRef(part, role) for part in pending]
            refs.extend(new)
            if role == LEAD and names_lead_by_qiantou(raw_name):
                named_leads.extend(new)
            pending = []
    refs.extend(UnitRef(part, default_role) for part in pending)
    return refs, named_leads


def names_lead_by_qiantou(raw_name: str) -> bool:
    """``X牵头``, ``X牵头负责``, ``X（牵头）``: the lead is named as such."""
    text = raw_name.rstrip()
    return text.endswith(("牵头", "牵头负责")) or bool(re.search(r"[（(]\s*牵头\s*[）)]$", text))


def join_group_names(names: list[str]) -> list[str]:
    """Put back together group names cut at their own 、: ``市政府各部门`` + ``单位``."""
    joined: list[str] = []
    for name in names:
        if joined and name.startswith("单位") and joined[-1].endswith("部门"):
            joined[-1] = f"{joined[-1]}、{name}"
        else:
            joined.append(name)
    return joined


def share_level_prefixes(names: list[str]) -> list[str]:
    """``市`` followed by ``县级政府办公室`` becomes ``市政府办公室``, ``县级政府办公室``."""
    result: list[str] = []
    waiting: list[str] = []
    for name in names:
        if name in LEVEL_PREFIXES:
            waiting.append(name)
            continue
        if waiting:
            stem = remove_level_prefix(name)
            result.extend(f"{level}{stem}" for level in waiting) if stem else result.extend(waiting)
            waiting = []
        result.append(name)
    result.extend(waiting)
    return result


def remove_level_prefix(name: str) -> str | None:
    for prefix in sorted(LEVEL_PREFIXES, key=len, reverse=True):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return None


def strip_role_words(name: str) -> tuple[str, Role | None]:
    """``市财政局牵头`` is 市财政局 as lead; ``市财政局（配合）`` is 市财政局 cooperating."""
    bracketed = BRACKETED_ROLE.search(name)
    if bracketed:
        word = bracketed[1]
        role = COOPERATING if word in ("配合", "协助") else LEAD
        return name[:bracketed.start()].strip(), role
    for word, role in TRAILING_ROLE_WORDS:
        if name.endswith(word) and len(name) > len(word):
            return name[: -len(word)].strip(), role
    return name, None


def split_group_after_deng(name: str) -> list[str]:
    """``市司法局等市政府有关部门、单位`` names 市司法局 and the group after 等."""
    match = GROUP_AFTER_DENG.match(name)
    if match:
        first, group = match["first"].strip(), match["group"].strip()
        level = next((p for p in ("省", "市", "县", "区") if first.startswith(p)), "")
        if level and group.startswith("政府"):
            group = level + group  # 市住建局等政府各有关部门: the city government's departments
        return [first, group]
    if name.endswith("等") and len(name) > 1:
        return [name[:-1].strip()]
    return [name]


def deduplicate(refs: list[UnitRef]) -> list[UnitRef]:
    seen: set[tuple[str, Role]] = set()
    unique: list[UnitRef] = []
    for ref in refs:
        key = (normalize_unit_name(ref.name), ref.role)
        if ref.name and key not in seen:
            seen.add(key)
            unique.append(ref)
    return unique
