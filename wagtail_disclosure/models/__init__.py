"""Models, one module per domain concept (see the glossary in docs/glossary.md)."""

from .plans import *  # noqa: F401,F403
from .policies import *  # noqa: F401,F403
from .progress import *  # noqa: F401,F403
from .units import *  # noqa: F401,F403
