"""The Q&A library: every live question, by topic and searchable, each linked to its policy."""

from datetime import date

import pytest
from wagtail.blocks import StreamValue  # noqa: F401  (documents the body's type)
from wagtail.rich_text import RichText

from tests.builders import make_interpretation, make_policy_document, qa_library
from wagtail_disclosure.policies.interpretations import PolicyQuestion

pytestmark = pytest.mark.django_db


def test_questions_of_a_published_interpretation_join_the_library_and_leave_with_it(
    client, housing
):
    qa = qa_library()
    document = make_policy_document("保障性租赁住房管理办法")
    interpretation = make_interpretation(
        "保障性租赁住房政策问答", [document], last_reviewed=date(2022, 11, 1),
        body=[("qa", {"question": "哪些人可以申请？", "answer": RichText("<p>新市民、青年人。</p>"),
                      "topic": housing})],
    )
    document.get_latest_revision().publish()  # releases the interpretation too

    html = client.get(qa.url, {"topic": "housing"}).content.decode()
    assert "哪些人可以申请？" in html
    assert f'href="{document.url}"' in html  # the answer links to its policy
    assert "2022年11月1日" in html  # and says when it was last reviewed

    # Withdrawn with its document (a live normative document keeps its only interpretation).
    document.refresh_from_db()
    document.unpublish()
    interpretation.refresh_from_db()
    interpretation.unpublish()
    assert "哪些人可以申请？" not in client.get(qa.url).content.decode()


def test_standalone_questions_show_only_when_published(client, housing):
    qa = qa_library()
    draft = PolicyQuestion.objects.create(
        question="草稿问题？", answer="<p>答</p>", topic=housing, live=False
    )
    published = PolicyQuestion(question="公租房怎么申请？", answer="<p>向住建局申请。</p>",
                               topic=housing, last_reviewed=date(2022, 10, 31))
    published.save()
    published.save_revision().publish()
    html = client.get(qa.url).content.decode()
    assert "公租房怎么申请？" in html and "2022年10月31日" in html
    assert draft.question not in html
