"""Send subscribers their digests of new policies (政策找人).

Run it on a schedule (cron or a systemd timer, see docs/feeds-and-subscriptions.md). By default
the run is queued as a background task on ``WAGTAIL_DISCLOSURE_DIGEST_TASK_BACKEND``; ``--now``
sends from this process.
"""

from django.core.management.base import BaseCommand

from wagtail_disclosure.subscriptions import digest, tasks


class Command(BaseCommand):
    help = "Send every confirmed subscriber a digest of what was published since their last one."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Send from this process instead of queueing a task."
        )

    def handle(self, *args, now=False, **options):
        if now:
            sent = digest.send_digests()
            self.stdout.write(f"Sent {sent} digest(s).")
            return
        result = tasks.enqueue_digests()
        self.stdout.write(f"Queued digest run {result.id} ({result.status}).")
