"""Check characters of the numbers that identify people and organisations (plain Python).

One implementation for the request form (an applicant's ID or credit code), the privacy
check's scanner and the quick look at public comments.

- Resident ID number (居民身份证号码, GB 11643-1999): 17 digits and a check character (0-9 or X,
  ISO 7064 MOD 11-2); digits 7-14 are the date of birth. The first generation (15 digits) has
  no check digit: digits 7-12 are the date of birth in the 1900s.
- Unified social credit code (统一社会信用代码, GB 32100-2015): 17 characters and a check
  character from a 31-character alphabet (MOD 31). Organisations publish theirs.
- Bank card numbers end in a Luhn check digit (ISO/IEC 7812).
"""

from __future__ import annotations

from datetime import date

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def is_valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def resident_id_check_character(first17: str) -> str:
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def is_resident_id_18(value: str) -> bool:
    value = value.upper()
    if len(value) != 18 or not value[:17].isdigit() or value[17] not in "0123456789X":
        return False
    if not is_valid_date(int(value[6:10]), int(value[10:12]), int(value[12:14])):
        return False
    return resident_id_check_character(value[:17]) == value[17]


def is_resident_id_15(value: str) -> bool:
    if len(value) != 15 or not value.isdigit() or value[0] == "0":
        return False
    return is_valid_date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))


def credit_code_check_character(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def is_credit_code(value: str) -> bool:
    value = value.upper()
    if len(value) != 18 or any(c not in USCC_ALPHABET for c in value):
        return False
    return credit_code_check_character(value[:17]) == value[17]


def normalize(value: str) -> str:
    """Without spaces, upper case (as people type and print the numbers)."""
    return "".join(value.split()).upper()


def is_valid_resident_id(value: str) -> bool:
    """An 18-character resident ID number as typed: date and check character hold."""
    return is_resident_id_18(normalize(value))


def is_valid_credit_code(value: str) -> bool:
    """A unified social credit code as typed: its check character holds."""
    return is_credit_code(normalize(value))


def passes_luhn(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        number = int(char)
        if position % 2:
            number *= 2
            if number > 9:
                number -= 9
        total += number
    return total % 10 == 0


def luhn_check_digit(digits: str) -> str:
    """The digit that makes ``digits`` + it pass Luhn (for making test data)."""
    for candidate in "0123456789":
        if passes_luhn(digits + candidate):
            return candidate
    raise AssertionError("unreachable")
