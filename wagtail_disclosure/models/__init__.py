"""Models, one module per domain concept (see the glossary in docs/glossary.md)."""

from .annual_reports import *  # noqa: F401,F403
from .calendar import *  # noqa: F401,F403
from .enterprises import *  # noqa: F401,F403
from .interpretations import *  # noqa: F401,F403
from .plans import *  # noqa: F401,F403
from .policies import *  # noqa: F401,F403
from .progress import *  # noqa: F401,F403
from .request_pages import *  # noqa: F401,F403
from .requests import *  # noqa: F401,F403
from .units import *  # noqa: F401,F403
