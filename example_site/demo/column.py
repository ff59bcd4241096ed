"""The demo's 政府信息公开专栏: the standard frame around the columns loaded before it."""

from wagtail.models import Site

from wagtail_disclosure.management.commands.disclosure_column import build_column


def load(stdout):
    site = Site.objects.get(is_default_site=True)
    for line in build_column(site):
        stdout.write(line)
