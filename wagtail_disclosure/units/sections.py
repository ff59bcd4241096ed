"""What other parts of the product attach to a public unit page.

A unit page lists the requirements a unit answers for, the documents it issued, its annual
reports and so on. Rather than the unit template knowing every domain, each domain registers a
``disclosure_unit_page_sections`` hook: a function ``(unit, request) -> UnitSection | None``.

The sections' HTML is kept like the plan tables (``progress.cache``): until a page is saved,
published or moved, progress changes, or a watched model (``progress.cache.watch``) is saved. A
section showing other data watches its model the same way, or calls
``progress.cache.invalidate()`` when that data changes.
"""

from dataclasses import dataclass, field

from wagtail import hooks


@dataclass
class UnitSection:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def unit_page_sections(unit, request):
    sections = []
    for fn in hooks.get_hooks("disclosure_unit_page_sections"):
        section = fn(unit, request)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=lambda s: s.order)
