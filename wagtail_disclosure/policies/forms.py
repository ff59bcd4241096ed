"""Admin form of policy documents: tells the editor why the document cannot go live yet."""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

from .publishing import release_problem


class PolicyDocumentPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and "requires_interpretation" in self.fields:
            # The notice: every rule and normative document is interpreted.
            self.initial["requires_interpretation"] = True

    def clean(self):
        cleaned_data = super().clean()
        if not self._publishing_or_submitting():
            return cleaned_data
        if self.instance.live:
            return cleaned_data
        document = self.instance
        document.requires_interpretation = cleaned_data.get(
            "requires_interpretation", document.requires_interpretation
        )
        problem = release_problem(document, count_prepared=True)
        if problem:
            self.add_error(None, problem)
        return cleaned_data

    def _publishing_or_submitting(self):
        """Publishing (now or scheduled) or sending up for approval: the notice returns a policy
        sent up without its interpretation (未同步报送解读材料的退文)."""
        data = self.data
        return bool(data.get("action-publish") or data.get("action-submit"))


def scheduled_in_future(page):
    return bool(page.go_live_at and page.go_live_at > timezone.now())
