"""One permission core: managers see everything, unit editors only their units' items, and
asking costs a fixed number of queries however often a page asks."""

import contextlib
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail import hooks

from tests.builders import make_request, make_unit_editor
from wagtail_disclosure.core.permissions import is_manager, unit_ids
from wagtail_disclosure.plans.models import Requirement
from wagtail_disclosure.progress.models import ProgressReport, ReportPanel

pytestmark = pytest.mark.django_db


@pytest.fixture
def county(jining_units):
    return jining_units["任城区人民政府"]


@pytest.fixture
def other_county(jining_units):
    return jining_units["曲阜市人民政府"]


@pytest.fixture
def busy_office(plan_2022, county, other_county):
    """The 2022 plan with its dashboard panels, progress reports and requests of two counties."""
    plan = plan_2022
    for title, kind in [
        ("各单位完成情况", "completion_by_unit"),
        ("各板块完成情况", "completion_by_section"),
        ("逾期事项", "overdue"),
        ("30日内到期", "upcoming_deadlines"),
    ]:
        ReportPanel.objects.create(title=title, kind=kind, plan=plan, show_on_dashboard=True)
    ReportPanel.objects.create(
        title="任城区台账", kind="unit_ledger", plan=plan, unit=county, show_on_dashboard=True
    )
    for requirement in Requirement.objects.order_by("pk")[:6]:
        for unit in (county, other_county):
            ProgressReport.objects.create(
                requirement=requirement, unit=unit, status="in_progress", narrative="推进中"
            )
    for day in (1, 2, 3):
        make_request(county, datetime.date(2022, 11, day))
        make_request(other_county, datetime.date(2022, 11, day))
    return plan


def dashboard_queries(client, user):
    client.force_login(user)
    client.get(reverse("wagtailadmin_home"))  # warm the process-wide caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return len(queries)


@contextlib.contextmanager
def wagtail_panels_only():
    """The admin home as Wagtail alone makes it: the app's homepage panel hooks unregistered
    (Wagtail has no public way to remove a hook, so its registry is edited)."""
    name = "construct_homepage_panels"
    registered = list(hooks._hooks.get(name, []))
    hooks._hooks[name] = [
        (fn, order) for fn, order in registered
        if not fn.__module__.startswith("wagtail_disclosure")
    ]
    try:
        yield
    finally:
        hooks._hooks[name] = registered


def app_share(client, user):
    """The queries the app's panels add to ``user``'s dashboard: Wagtail itself asks a
    non-superuser's permissions in more queries than a superuser's, which is not the app's."""
    with wagtail_panels_only():
        wagtail_alone = dashboard_queries(client, user)
    return dashboard_queries(client, user) - wagtail_alone


def test_a_unit_editors_dashboard_costs_at_most_three_queries_more_than_a_superusers(
    client, busy_office, manager, county
):
    editor = make_unit_editor("rencheng", county)
    superuser_queries = app_share(client, manager)
    editor_queries = app_share(client, editor)
    assert editor_queries <= superuser_queries + 3, (superuser_queries, editor_queries)


def test_who_is_a_manager_and_which_units_are_asked_once_per_request(
    django_user_model, county, django_assert_num_queries
):
    editor = make_unit_editor("rencheng", county)
    editor = django_user_model.objects.get(pk=editor.pk)  # a fresh user, as each request has
    with django_assert_num_queries(1):
        for _ in range(50):
            assert not is_manager(editor)
            assert unit_ids(editor) == {county.pk}


def test_the_progress_report_chooser_lists_only_the_editors_units(
    client, busy_office, county, other_county
):
    editor = make_unit_editor("rencheng", county)
    client.force_login(editor)
    chooser = reverse("wagtailsnippetchoosers_wagtail_disclosure_progressreport:choose")
    html = client.get(chooser).content.decode()
    own = ProgressReport.objects.filter(unit=county).first()
    other = ProgressReport.objects.filter(unit=other_county).first()
    assert 'data-chooser-modal-choice' in html or str(own.pk) in html
    assert f"/{own.pk}/" in html
    assert f"/{other.pk}/" not in html
