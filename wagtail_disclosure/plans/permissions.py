"""Who may import and export task plans: the managers (a plan is the whole city's work)."""

from wagtail_disclosure.core.permissions import ManagersOnlyPolicy

from .models import TaskPlanPage

plan_policy = ManagersOnlyPolicy(TaskPlanPage)
