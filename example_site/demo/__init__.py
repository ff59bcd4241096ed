"""The Jining 2022 demo: loaders run in order by ``manage.py disclosure_demo``.

Each loader is idempotent (running the demo twice changes nothing) and takes the command's
``stdout`` to say what it did.
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "jining-2022"

#: Dotted paths of ``load(stdout)`` functions, run in this order.
LOADERS = [
    "demo.site.load",
    "demo.units.load",
    "demo.plans.load",
    "demo.progress.load",
    "demo.policies.load",
    "demo.enterprises.load",
    "demo.requests.load",
    "demo.participation.load",
    "demo.decisions.load",
    "demo.column.load",
    "demo.statutory.load",
    "demo.privacy.load",
    "demo.county.load",
]
