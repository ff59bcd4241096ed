"""What the public forms keep to recognise a repeated submission without keeping the address.

A sender's address is never stored; :func:`source_key` turns it, with the scope of the form
(e.g. one consultation), into a keyed hash that cannot be turned back, and :func:`text_key`
the text (whatever its spacing) into a digest. A unique constraint on the two keys and the
scope refuses the same text sent twice, even at the same moment.
"""

from __future__ import annotations

import hashlib

from django.utils.crypto import salted_hmac


def normalised_text(text: str) -> str:
    """The text as compared for duplicates: the same words, whatever the spacing."""
    return " ".join((text or "").split())


def text_key(text: str) -> str:
    return hashlib.sha256(normalised_text(text).encode()).hexdigest()


def source_key(scope: str, address: str) -> str:
    """A keyed hash of the sender's address within ``scope`` (the address is not kept)."""
    return salted_hmac("wagtail_disclosure.public_submission", f"{scope}:{address}").hexdigest()
