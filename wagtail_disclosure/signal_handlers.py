"""Signal receivers. Each domain module registers its own receivers here so that
nothing is connected at import time of the models."""

from . import enterprise_signals, request_signals  # noqa: F401
from .qa_library import connect as connect_qa_library

connect_qa_library()
