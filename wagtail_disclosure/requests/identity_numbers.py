"""Check digits of the two numbers a request names its applicant by.

- Resident ID number (居民身份证号码, GB 11643-1999): 17 digits and a check character
  (0-9 or X, ISO 7064 MOD 11-2); digits 7-14 are the date of birth.
- Unified social credit code (统一社会信用代码, GB 32100-2015): 17 characters and a check
  character from a 31-character alphabet (MOD 31).
"""

from datetime import date

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def normalize(value: str) -> str:
    return "".join(value.split()).upper()


def is_valid_resident_id(value: str) -> bool:
    value = normalize(value)
    if len(value) != 18 or not value[:17].isdigit() or value[17] not in "0123456789X":
        return False
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == value[17]


def is_valid_credit_code(value: str) -> bool:
    value = normalize(value)
    if len(value) != 18 or any(c not in USCC_ALPHABET for c in value):
        return False
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(value[:17], USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31] == value[17]


def resident_id_check_character(first17: str) -> str:
    """The check character for 17 digits (for making test data)."""
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def credit_code_check_character(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]
