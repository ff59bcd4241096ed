"""Who asks and how a request ends, in the national categories (国办公开办函〔2021〕30号).

A request's applicant type and reply outcome use the same codes as the annual report's table 三,
which counts requests by them; the annual report reads them from here.
"""

from django.utils.translation import gettext_lazy as _

#: Applicant types, the columns of table 三 (总计 comes after them).
APPLICANT_COLUMNS = (
    ("natural_person", _("Natural person")),
    ("commercial", _("Commercial enterprise")),
    ("research", _("Research institution")),
    ("public_interest", _("Public-interest organisation")),
    ("legal_services", _("Legal services organisation")),
    ("other_org", _("Other organisation")),
)

#: The result groups of row 三 and their rows: (group code, group label, ((row, label), ...)).
#: A group of one row without a sub-label is written in the group's own cell.
RESULT_GROUPS = (
    ("disclosed", _("(1) Disclosed"), ()),
    (
        "partly",
        _("(2) Partly disclosed (counted only here, not under the other results)"),
        (),
    ),
    (
        "withheld",
        _("(3) Not disclosed"),
        (
            ("withheld_state_secret", _("1. State secret")),
            ("withheld_law", _("2. Disclosure forbidden by other laws and regulations")),
            ("withheld_security", _("3. Endangers the “three securities and one stability”")),
            ("withheld_third_party", _("4. Protects a third party's lawful rights")),
            ("withheld_internal", _("5. One of the three kinds of internal-affairs information")),
            ("withheld_process", _("6. One of the four kinds of process information")),
            ("withheld_enforcement", _("7. Administrative enforcement case file")),
            ("withheld_query", _("8. Administrative query matter")),
        ),
    ),
    (
        "unavailable",
        _("(4) Cannot be provided"),
        (
            ("unavailable_not_held", _("1. This agency does not hold the information")),
            (
                "unavailable_needs_creation",
                _("2. No existing information; it would have to be made"),
            ),
            ("unavailable_unclear", _("3. Still unclear after correction")),
        ),
    ),
    (
        "declined",
        _("(5) Not processed"),
        (
            ("declined_petition", _("1. A petition, report or complaint")),
            ("declined_repeat", _("2. A repeated request")),
            ("declined_publication", _("3. Asks for public publications")),
            ("declined_mass_repeat", _("4. Many repeated requests without good reason")),
            (
                "declined_confirmation",
                _("5. Asks the agency to confirm or reissue information already obtained"),
            ),
        ),
    ),
    (
        "other",
        _("(6) Other handling"),
        (
            (
                "other_no_correction",
                _(
                    "1. The applicant did not correct the request in time without good reason, "
                    "and the agency no longer processes it"
                ),
            ),
            (
                "other_no_fee",
                _(
                    "2. The applicant did not pay the fee notified in time, and the agency no "
                    "longer processes the request"
                ),
            ),
            ("other_other", _("3. Other")),
        ),
    ),
)

#: The 21 result rows in order: (code, group label, row label or None).
RESULT_ROWS = tuple(
    (code, group_label, label)
    for group_code, group_label, rows in RESULT_GROUPS
    for code, label in (rows or ((group_code, None),))
)
RESULT_CODES = tuple(code for code, _group, _label in RESULT_ROWS)


def outcome_choices():
    """The 21 results as choices of a request's reply: “(3) Not disclosed — 1. State secret”."""
    choices = []
    for group_code, group_label, rows in RESULT_GROUPS:
        if not rows:
            choices.append((group_code, group_label))
        else:
            choices.append((group_label, [(code, label) for code, label in rows]))
    return choices
