"""The app's models, gathered from the domain packages under one app label.

Django looks for an app's models in ``<app>.models``; each domain package defines its own and
this module only collects them, so ``wagtail_disclosure.models.UnitPage`` keeps working for sites
and migrations. Code inside the app imports from the domain package instead.
"""

from .annual_reports.models import *  # noqa: F401,F403
from .attributes.models import *  # noqa: F401,F403
from .column.models import *  # noqa: F401,F403
from .consultations.models import *  # noqa: F401,F403
from .consultations.pages import *  # noqa: F401,F403
from .core.sites import DisclosureSite  # noqa: F401,E402
from .decisions.models import *  # noqa: F401,F403
from .decisions.pages import *  # noqa: F401,F403
from .enterprises.models import *  # noqa: F401,F403
from .open_days.models import *  # noqa: F401,F403
from .open_days.pages import *  # noqa: F401,F403
from .plans.models import *  # noqa: F401,F403
from .policies.interpretations import *  # noqa: F401,F403
from .policies.models import *  # noqa: F401,F403
from .privacy.models import *  # noqa: F401,F403
from .progress.models import *  # noqa: F401,F403
from .requests.calendar import *  # noqa: F401,F403
from .requests.models import *  # noqa: F401,F403
from .requests.pages import *  # noqa: F401,F403
from .statutory.models import *  # noqa: F401,F403
from .subscriptions.models import *  # noqa: F401,F403
from .units.models import *  # noqa: F401,F403
