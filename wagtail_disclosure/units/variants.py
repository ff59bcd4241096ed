"""The other ways offices write the names in a units register (plain Python, no Django).

A table may say 各县市区人民政府 where the register says 各县（市、区）政府（管委会）,
市政府各有关部门 for 市政府各部门、单位, 住建局 for 市住房城乡建设局, or 功能区管委会 for the
development zones' management committees. These are not the same spelling, so they are never
matched silently: the import proposes them, with how sure the guess is, and the editor confirms
(which saves the spelling as an alias, so the next table matches exactly).
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail_disclosure.core.text import normalize_name

#: (written, as the register writes it, confidence): rewrites of a part of a normalised name.
REWRITES: tuple[tuple[str, str, float], ...] = (
    ("县市区", "县(市、区)", 0.95),
    ("县(市区)", "县(市、区)", 0.95),
    ("县市(区)", "县(市、区)", 0.95),
    ("人民政府", "政府", 0.95),
    ("各有关部门、单位", "各部门、单位", 0.85),
    ("各有关部门", "各部门、单位", 0.8),
    ("有关部门、单位", "各部门、单位", 0.8),
    ("有关部门", "各部门、单位", 0.7),
    ("各部门", "各部门、单位", 0.8),
    ("管理委员会", "管委会", 0.9),
    # Common abbreviations of municipal departments.
    ("发改委", "发展改革委", 0.9),
    ("住建局", "住房城乡建设局", 0.9),
    ("卫健委", "卫生健康委", 0.9),
    ("人社局", "人力资源社会保障局", 0.9),
    ("工信局", "工业和信息化局", 0.9),
    ("自然资源局", "自然资源和规划局", 0.7),
    ("文旅局", "文化和旅游局", 0.9),
    ("审批局", "行政审批服务局", 0.8),
    ("市场监督管理局", "市场监管局", 0.9),
    ("应急管理局", "应急局", 0.9),
    ("医疗保障局", "医保局", 0.9),
)
#: Added to a name that lacks them: the level (住建局 → 市住建局) or the committees of a group of
#: governments (各县（市、区）政府 → 各县（市、区）政府（管委会））.
PREFIXES: tuple[tuple[str, float], ...] = (("市", 0.8),)
SUFFIXES: tuple[tuple[str, float], ...] = (("(管委会)", 0.85),)
LEVELS = ("省", "市", "县", "区", "乡", "镇", "各")

#: Collective names meaning every unit of a kind (the kind's value in ``UnitKind``).
KIND_COLLECTIVES: dict[str, str] = {
    "功能区管委会": "management_committee",
    "各功能区管委会": "management_committee",
    "各功能区": "management_committee",
    "功能区": "management_committee",
    "各管委会": "management_committee",
    "各园区管委会": "management_committee",
}

#: Rewrites applied one after another at most this many times (a name rarely needs more).
MAX_STEPS = 4
#: Below this a guess is not offered at all.
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Variant:
    """A spelling the written name may stand for, and how sure that is (0–1)."""

    key: str
    confidence: float
    steps: tuple[str, ...]  # the rewrites made, "written→register", for the editor to read


def spelling_variants(name: str | None) -> list[Variant]:
    """Every spelling reachable from ``name`` by the rewrites, best first (``name`` excluded)."""
    start = normalize_name(name)
    if not start:
        return []
    best: dict[str, Variant] = {}
    frontier = [Variant(start, 1.0, ())]
    for _step in range(MAX_STEPS):
        following = []
        for variant in frontier:
            for found in one_step(variant):
                if found.confidence < MIN_CONFIDENCE or found.key == start:
                    continue
                known = best.get(found.key)
                if known is None or known.confidence < found.confidence:
                    best[found.key] = found
                    following.append(found)
        frontier = following
    return sorted(best.values(), key=lambda v: (-v.confidence, len(v.steps), v.key))


def one_step(variant: Variant) -> list[Variant]:
    key, results = variant.key, []
    for written, register, confidence in REWRITES:
        if written in key and not (written in register and register in key):
            results.append(extend(variant, key.replace(written, register, 1), confidence,
                                  f"{written}→{register}"))
    if not key.startswith(LEVELS):
        for prefix, confidence in PREFIXES:
            results.append(extend(variant, prefix + key, confidence, f"+{prefix}"))
    for suffix, confidence in SUFFIXES:
        if key.endswith("政府") and not key.endswith(suffix):
            results.append(extend(variant, key + suffix, confidence, f"+{suffix}"))
    return results


def extend(variant: Variant, key: str, confidence: float, step: str) -> Variant:
    key = key.replace("各各", "各")
    return Variant(key, round(variant.confidence * confidence, 3), (*variant.steps, step))


def kind_collective(name: str | None) -> str | None:
    """The unit kind a collective name (功能区管委会) means, or None."""
    return KIND_COLLECTIVES.get(normalize_name(name))
