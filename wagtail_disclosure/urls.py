"""Public URLs of the plugin. A site includes them once: ``path("disclosure/", include(...))``."""

from django.urls import path

from wagtail_disclosure.core.views import toggle_elder_mode
from wagtail_disclosure.feeds import urls as feed_urls
from wagtail_disclosure.subscriptions import urls as subscription_urls

app_name = "wagtail_disclosure"

urlpatterns = [
    path("elder-mode/", toggle_elder_mode, name="elder_mode"),
]
# Open data: feeds (/feeds/<source>/rss/, atom/) and subscriptions (/subscribe/ …).
urlpatterns += feed_urls.urlpatterns + subscription_urls.urlpatterns
