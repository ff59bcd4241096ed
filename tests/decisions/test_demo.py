"""The demo shows 济宁市人民政府's 2022 directory, one item with its whole timeline linked to a
policy document, and a meeting whose delegates were selected by open registration."""

import io

import pytest
from django.utils import translation

from tests.builders import load_policy_demo
from wagtail_disclosure.decisions.models import DecisionMeeting, DelegateRegistration
from wagtail_disclosure.decisions.pages import DecisionDirectoryPage, DecisionItemPage

pytestmark = pytest.mark.django_db


def test_the_demo_directory_loads_once_and_reads_well(client, jining_units):
    from demo import decisions

    load_policy_demo()
    decisions.load(io.StringIO())
    decisions.load(io.StringIO())

    directory = DecisionDirectoryPage.objects.get()
    assert directory.title == "济宁市人民政府2022年度重大行政决策事项目录"
    assert directory.unit.title == "济宁市人民政府"
    assert DecisionItemPage.objects.child_of(directory).live().count() == 5
    assert DecisionMeeting.objects.count() == 1
    assert DelegateRegistration.objects.count() == 4

    with translation.override("zh-hans"):
        listing = client.get(directory.url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
        item = DecisionItemPage.objects.get(slug="chengshi-gengxin")
        page = client.get(item.url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "济宁市城市更新行动实施方案" in listing and "组织实施" in listing
    assert "（济政字〔2022〕38号）" in page
    assert "《济宁市城市更新行动实施方案》政策解读" in page
    assert "王秀英（老旧小区居民）" in page and "张立新（建筑设计师）" in page
    assert "李建国" not in page and "13905371001" not in page
    assert "不予采纳" in page and "商铺租金由产权人与承租人协商确定" in page
