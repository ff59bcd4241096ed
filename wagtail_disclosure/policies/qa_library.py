"""Keeps the Q&A library (政策问答库) in step with live interpretations.

The Q&A pairs of an interpretation are copied into :class:`PolicyQuestion` rows when it is
published, and removed when it is unpublished or deleted; the library then lists and searches
one table with the standalone questions editors write. Connected in ``AppConfig.ready()``.
"""

from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from .interpretations import InterpretationPage, PolicyQuestion


def sync_interpretation_questions(interpretation):
    with transaction.atomic():
        PolicyQuestion.objects.filter(interpretation_id=interpretation.pk).delete()
        is_live = InterpretationPage.objects.filter(pk=interpretation.pk, live=True).exists()
        if not is_live:
            return []
        documents = list(interpretation.interpreted_documents.all().order_by("pk"))
        policy = documents[0] if documents else None
        reviewed = interpretation.reviewed_on()
        created = []
        for position, block in enumerate(b for b in interpretation.body if b.block_type == "qa"):
            value = block.value
            created.append(
                PolicyQuestion.objects.create(
                    question=value["question"],
                    answer=value["answer"].source,
                    topic=value.get("topic"),
                    policy=policy,
                    last_reviewed=reviewed,
                    interpretation=interpretation,
                    sort_order=position,
                    live=True,
                )
            )
    return created


def on_page_published(sender, instance, **kwargs):
    sync_interpretation_questions(instance)


def on_page_unpublished(sender, instance, **kwargs):
    sync_interpretation_questions(instance)


def connect():
    page_published.connect(on_page_published, sender=InterpretationPage)
    page_unpublished.connect(on_page_unpublished, sender=InterpretationPage)
