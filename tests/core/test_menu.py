"""The 政务公开 menu: one group per domain, in the order an office works, each item shown only
to those its permission policy lets in."""

import pytest
from django.test import RequestFactory
from django.urls import get_resolver
from django.utils import translation

from tests.builders import make_unit_editor
from wagtail_disclosure.core.menu import ORDER, disclosure_menu

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def admin_loaded():
    """The admin registers its viewsets, and with them the menu groups, when its URLs load."""
    assert get_resolver().url_patterns


def menu_for(user):
    """{group label: [item labels]} as the user's sidebar shows them."""
    request = RequestFactory().get("/admin/")
    request.user = user
    with translation.override("en"):
        return {
            str(group.label): [str(item.label) for item in in_order(group.menu, request)]
            for group in in_order(disclosure_menu, request)
        }


def in_order(menu, request):
    return sorted(menu.menu_items_for_request(request), key=lambda item: item.order)


def test_a_manager_sees_every_domain_in_the_order_an_office_works(manager):
    groups = sorted(disclosure_menu.registered_menu_items, key=lambda item: item.order)
    assert [item.order for item in groups] == sorted(ORDER.values())
    assert list(menu_for(manager)) == [
        "Units",
        "Plans and progress",
        "Policies and interpretations",
        "Major decisions",
        "Statutory proactive content",
        "Public enterprise column",
        "Disclosure on request",
        "Annual reports",
        "Consultations",
        "Open days",
    ]


def test_no_two_items_of_a_group_share_an_order(manager):
    for group in disclosure_menu.registered_menu_items:
        orders = [item.order for item in group.menu.registered_menu_items]
        assert len(orders) == len(set(orders)), group.label


def test_a_unit_editor_sees_only_the_screens_of_their_own_work(office):
    editor = make_unit_editor("office-editor", office)
    menu = menu_for(editor)
    assert menu["Plans and progress"] == [
        "Progress reports",
        "Progress ledger",
        "Overdue requirements",
        "Import progress reports",
    ]
    assert menu["Policies and interpretations"] == [
        "Privacy check report",
        "Items without a disclosure attribute",
        "Withheld items due for review",
    ]
    assert menu["Disclosure on request"] == [
        "Disclosure requests",
        "Information not proactively disclosed",
    ]
    assert menu["Annual reports"] == ["Annual reports"]
    assert menu["Consultations"] == ["Comments to moderate"]
    assert menu["Open days"] == ["Open day registrations", "Open day feedback"]
    assert menu["Major decisions"] == ["Decision meetings", "Delegate registrations"]
    assert "Units" not in menu  # the register, unit groups and editors are the managers'


def test_someone_who_works_in_no_unit_sees_no_disclosure_menu(django_user_model):
    visitor = django_user_model.objects.create_user("visitor", "v@example.com", "pw")
    assert menu_for(visitor) == {}
