"""回头看: last year's unfinished requirements are carried into the new plan, linked back."""

import datetime

from django.urls import reverse

from tests.builders import make_plan, make_report
from wagtail_disclosure.plans.models import Requirement, TaskPage


def test_unfinished_requirements_are_listed_and_chosen_ones_copied(
    client, plan_2022, county, manager
):
    plan_2023 = make_plan(2023)
    finished = Requirement.objects.filter(lead_units__isnull=False, lead_groups=None).first()
    for unit in finished.lead_units.all():
        make_report(finished, unit, "done")
    client.force_login(manager)
    url = reverse("wagtail_disclosure_admin:carry_over")
    response = client.get(url, {"plan": plan_2023.pk})
    listed = [row.requirement.pk for row in response.context["rows"]]
    assert len(listed) == 83 and finished.pk not in listed

    chosen = Requirement.objects.filter(lead_groups__members=county).order_by("pk")[:2]
    response = client.post(url, {"plan": plan_2023.pk, "requirements": [r.pk for r in chosen]})
    assert response.status_code == 302
    copies = Requirement.objects.filter(task__path__startswith=plan_2023.path)
    assert copies.count() == 2
    for copy in copies:
        source = copy.carried_over_from
        assert copy.text == source.text
        assert list(copy.lead_groups.all()) == list(source.lead_groups.all())
        assert copy.due_date == datetime.date(2023, 12, 31) or copy.is_recurring
        assert copy.task.task_number == source.task.task_number
    # The copied rows are in the task pages' latest revision (what editors edit).
    task = TaskPage.objects.child_of(plan_2023).first()
    assert task.get_latest_revision_as_object().requirements.count() >= 1
    # Carried rows are not offered again.
    response = client.get(url, {"plan": plan_2023.pk})
    assert len(response.context["rows"]) == 81
