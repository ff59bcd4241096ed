"""The import worker, as a test runs it."""


def run_worker():
    """What `manage.py db_worker --backend imports` does on the server, once through the queue,
    with its own code, in this test's transaction (the command itself closes the connection)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="imports",
                    startup_delay=False, max_tasks=None, worker_id="test-worker",
                    excluded_queue_names=[])
    while (task := DBTaskResult.objects.ready().filter(backend_name="imports").first()):
        task.claim(worker.worker_id)
        worker.run_task(task)


def claimed_by_a_worker_that_was_killed(task_id, minutes_ago):
    """What a worker killed right after taking the import leaves: the task running, started
    ``minutes_ago``, and nobody working on it."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.get(pk=task_id)
    task.claim("killed-worker")
    DBTaskResult.objects.filter(pk=task_id).update(
        started_at=timezone.now() - timezone.timedelta(minutes=minutes_ago))
