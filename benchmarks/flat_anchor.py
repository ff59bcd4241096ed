"""The anchor of the import benchmark: the same rows as one flat model, loaded by
django-import-export's own ``import`` command.

Imported after ``setup_django()`` (it defines a model); its table is created by the benchmark.
"""

from django.db import models
from import_export import resources


class FlatRequirement(models.Model):
    """A requirement as one flat row: what django-import-export loads without our model."""

    section = models.CharField(max_length=255, blank=True)
    task = models.CharField(max_length=255, blank=True)
    units = models.TextField(blank=True)
    text = models.TextField()
    deadline = models.CharField(max_length=255, blank=True)

    class Meta:
        app_label = "wagtail_disclosure"
        db_table = "bench_flat_requirement"

    def __str__(self):
        return self.text


class FlatResource(resources.ModelResource):
    """``use_bulk`` as the issue names it, everything else as import-export ships it.

    The table has no ``id`` column, so import-export looks nothing up: every row is new.
    """

    class Meta:
        model = FlatRequirement
        fields = ("id", "section", "task", "units", "text", "deadline")
        use_bulk = True
        batch_size = 1000


class FastestFlatResource(FlatResource):
    """The same with ``skip_diff``: import-export at its fastest (no before/after of each row)."""

    class Meta(FlatResource.Meta):
        skip_diff = True
