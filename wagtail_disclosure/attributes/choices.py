"""The disclosure attribute (公开属性) and the Regulations' grounds for not disclosing.

Grounds follow the Regulations on Government Information Disclosure (2019): Art. 14 (never
disclosed), Art. 15 (third parties' commercial secrets and personal privacy), Art. 16 (may be
withheld: internal affairs, process information, law-enforcement case files), and other laws or
administrative regulations, which an item must cite.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DisclosureAttribute(models.TextChoices):
    PROACTIVE = "proactive", pgettext_lazy("disclosure attribute", "Proactive disclosure")
    ON_REQUEST = "on_request", pgettext_lazy("disclosure attribute", "Disclosure on request")
    NOT_DISCLOSED = "not_disclosed", pgettext_lazy("disclosure attribute", "Not disclosed")


#: The attributes that keep an item out of public view; each needs a legal basis.
NON_PUBLIC = (DisclosureAttribute.ON_REQUEST, DisclosureAttribute.NOT_DISCLOSED)


class LegalBasis(models.TextChoices):
    ART14_STATE_SECRET = "art14_state_secret", _(
        "Art. 14: information classified as a state secret according to law"
    )
    ART14_PROHIBITED = "art14_prohibited", _(
        "Art. 14: information whose disclosure laws or administrative regulations prohibit"
    )
    ART14_SECURITY = "art14_security", _(
        "Art. 14: information whose disclosure may endanger national security, public security, "
        "economic security or social stability"
    )
    ART15_COMMERCIAL_SECRET = "art15_commercial_secret", _(
        "Art. 15: commercial secrets, whose disclosure would harm a third party's lawful rights"
    )
    ART15_PRIVACY = "art15_privacy", _(
        "Art. 15: personal privacy, whose disclosure would harm a third party's lawful rights"
    )
    ART16_INTERNAL = "art16_internal", _(
        "Art. 16(1): internal affairs information (personnel management, logistics management, "
        "internal work procedures)"
    )
    ART16_PROCESS = "art16_process", _(
        "Art. 16(2): process information (records of discussions, drafts, consultation letters, "
        "requests for instructions and reports)"
    )
    ART16_ENFORCEMENT = "art16_enforcement", _(
        "Art. 16(2): administrative law-enforcement case files"
    )
    OTHER_LAW = "other_law", _("Another law or administrative regulation (cite it)")


#: The article's own words, shown under the basis field (the choices' labels abridge them).
ARTICLE_WORDS = _(
    "Art. 14: Government information classified as a state secret according to law, government "
    "information whose disclosure laws or administrative regulations prohibit, and government "
    "information whose disclosure may endanger national security, public security, economic "
    "security or social stability, is not disclosed. Art. 15: Government information involving "
    "commercial secrets, personal privacy and the like, whose disclosure would harm the lawful "
    "rights and interests of a third party, shall not be disclosed by the administrative organ; "
    "it is disclosed where the third party agrees or the organ considers that not disclosing it "
    "would seriously affect the public interest. Art. 16: Internal affairs information of an "
    "administrative organ, including personnel management, logistics management and internal "
    "work procedures, may be withheld. Process information formed in performing administrative "
    "functions, such as records of discussions, drafts, consultation letters, requests for "
    "instructions and reports, and administrative law-enforcement case files may be withheld; "
    "where laws, regulations or rules provide that such information shall be disclosed, those "
    "provisions apply."
)
