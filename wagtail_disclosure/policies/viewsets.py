"""Admin screens for subject categories and the standalone questions of the Q&A library."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .interpretations import PolicyQuestion
from .models import SubjectCategory


class SubjectCategoryViewSet(SnippetViewSet):
    model = SubjectCategory
    icon = "tag"
    menu_label = _("Subject categories")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    add_to_admin_menu = False


class PolicyQuestionViewSet(SnippetViewSet):
    """Standalone questions; those copied from interpretations are edited on the interpretation."""

    model = PolicyQuestion
    icon = "help"
    menu_label = _("Q&A library")
    list_display = ["question", "topic", "policy", "site", "last_reviewed"]
    list_filter = ["topic", "site"]
    search_fields = ["question"]
    add_to_admin_menu = False

    def get_queryset(self, request):
        return PolicyQuestion.objects.filter(interpretation__isnull=True).select_related(
            "topic", "policy", "site"
        )
