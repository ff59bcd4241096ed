"""The scanner on its own: personal data is found, what is public by nature is not."""

import pytest

from wagtail_disclosure.core.identity_numbers import (
    credit_code_check_character,
    luhn_check_digit,
)
from wagtail_disclosure.privacy.scanning import (
    BANK_CARD,
    ID_OWNER_NAME,
    MOBILE,
    PASSPORT,
    RESIDENT_ID,
    TRAVEL_PERMIT,
    find_personal_data,
    mask_text,
)

ID_NUMBER = "370811199003071232"
BANK = "622202020000123" + luhn_check_digit("622202020000123")
CREDIT_CODE = "91370800MA3C4XYU0" + credit_code_check_character("91370800MA3C4XYU0")


def kinds(text):
    return [(finding.kind, finding.text) for finding in find_personal_data(text)]


@pytest.mark.parametrize("text, kind, matched", [
    (f"身份证号码：{ID_NUMBER}。", RESIDENT_ID, ID_NUMBER),
    ("身份证 37081119900307123X 已核验", RESIDENT_ID, None),
    ("旧身份证号370811900307123", RESIDENT_ID, "370811900307123"),
    ("联系电话13812345678", MOBILE, "13812345678"),
    ("手机：+86 138 1234 5678", MOBILE, "+86 138 1234 5678"),
    ("手机 138-1234-5678", MOBILE, "138-1234-5678"),
    (f"补贴发放至银行卡{BANK}", BANK_CARD, BANK),
    ("护照号码E12345678", PASSPORT, "E12345678"),
    ("护照号码EA1234567", PASSPORT, "EA1234567"),
    ("往来港澳通行证C12345678", TRAVEL_PERMIT, "C12345678"),
    ("回乡证H12345678", TRAVEL_PERMIT, "H12345678"),
])
def test_each_kind_of_personal_data_is_found(text, kind, matched):
    if matched is None:  # an ID number with the check character X (computed here)
        from wagtail_disclosure.core.identity_numbers import resident_id_check_character

        first17 = "37081119900307123"
        number = first17 + resident_id_check_character(first17)
        text = text.replace("37081119900307123X", number)
        matched = number
    assert (kind, matched) in kinds(text)


def test_an_id_number_with_a_wrong_check_digit_is_not_an_id_number():
    assert kinds("编号370811199003071233") == []


def test_the_name_next_to_an_id_number_is_found():
    found = kinds(f"申请人张三，身份证号码{ID_NUMBER}，现居任城区。")
    assert (ID_OWNER_NAME, "张三") in found
    assert kinds(f"姓名：欧阳小明 公民身份号码 {ID_NUMBER}")[0] == (ID_OWNER_NAME, "欧阳小明")


def test_a_name_is_not_taken_without_an_id_number():
    assert kinds("联系人张三负责此事") == []


@pytest.mark.parametrize("text", [
    "济政办字〔2022〕22号",
    "国办发[2019]12号",
    "索引号：11370800004319350E/2022-00012",
    "成文日期：2022年10月31日，发布日期 2022-11-01，20221031",
    "政务服务便民热线12345",
    "服务电话 400-123-4567，800 123 4567",
    "办公电话：0537-1234567，(0537)2345678，0537 23456789",
    f"统一社会信用代码：{CREDIT_CODE}",
    f"统一社会信用代码 11370800004319350{credit_code_check_character('11370800004319350')}",
    f"详见 http://www.jining.gov.cn/art/2022/10/31/art_{ID_NUMBER}.html",
])
def test_what_is_public_by_nature_is_not_flagged(text):
    assert kinds(text) == []


def test_masking_gives_the_forms_offices_use():
    assert mask_text(ID_NUMBER) == "370811********1232"
    assert mask_text("电话13812345678") == "电话138****5678"
    assert mask_text(f"卡号{BANK}") == f"卡号{BANK[:4]}********{BANK[-4:]}"
    assert (mask_text(f"申请人张三，身份证号码{ID_NUMBER}")
            == "申请人张*，身份证号码370811********1232")
    assert mask_text("济政办字〔2022〕22号 热线12345") == "济政办字〔2022〕22号 热线12345"


def test_a_finding_shows_its_context_masked():
    finding = find_personal_data(f"经核实，申请人身份证号码{ID_NUMBER}无误")[0]
    assert finding.masked == "370811********1232"
    assert finding.context == "经核实，申请人身份证号码370811********1232无误"
    assert ID_NUMBER not in finding.context


def test_full_width_digits_are_read():
    full_width = ID_NUMBER.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    assert kinds(f"身份证{full_width}")[0][0] == RESIDENT_ID


def test_a_sites_own_pattern_finds_its_kind():
    import re

    found = find_personal_data("社保卡号 SB12345678", {"社保卡号": re.compile(r"SB\d{8}")})
    assert [(f.kind, f.masked) for f in found] == [("社保卡号", "SB******78")]
