"""Public URLs of the plugin. A site includes them once: ``path("disclosure/", include(...))``."""

from django.urls import path

from wagtail_disclosure.core.views import toggle_elder_mode

app_name = "wagtail_disclosure"

urlpatterns = [
    path("elder-mode/", toggle_elder_mode, name="elder_mode"),
]
