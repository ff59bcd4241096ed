"""The demo shows progress, overdue work and panels, and running it twice changes nothing."""

import io

from demo import progress

from tests.builders import remove_plans
from wagtail_disclosure.progress.models import ProgressReport, ProgressState, ReportPanel
from wagtail_disclosure.progress.states import ProgressSnapshot, plan_requirements


def test_without_a_plan_the_loader_says_so_and_does_nothing(db):
    remove_plans()
    out = io.StringIO()
    progress.load(out)
    assert "未找到" in out.getvalue()
    assert not ProgressReport.objects.exists()


def test_the_demo_adds_reports_panels_and_a_home_page_block(client, plan_2022):
    progress.load(io.StringIO())
    counts = (ProgressReport.objects.count(), ReportPanel.objects.count())
    assert counts[0] > 100 and counts[1] == 5
    assert ReportPanel.objects.filter(show_on_dashboard=True).count() >= 3
    units = set(ProgressReport.objects.values_list("unit__title", flat=True))
    assert len(units) >= 6
    states = {
        s for _r, up in ProgressSnapshot(plan_requirements(plan_2022)).pairs() for s in [up.state]
    }
    assert {ProgressState.DONE, ProgressState.OVERDUE, ProgressState.ONGOING} <= states
    html = client.get("/").content.decode()
    assert "2022年政务公开工作任务落实情况" in html and 'role="img"' in html

    progress.load(io.StringIO())
    assert (ProgressReport.objects.count(), ReportPanel.objects.count()) == counts
    from home.models import HomePage

    body = HomePage.objects.first().body
    assert sum(1 for b in body if b.block_type == "report_panel") == 1
