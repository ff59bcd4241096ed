"""The feeds' URLs (included by the app's public URLs, ``wagtail_disclosure.urls``)."""

from django.urls import path

from .feeds import AtomFeed, RssFeed

urlpatterns = [
    path("feeds/<slug:source>/rss/", RssFeed(), name="feed_rss"),
    path("feeds/<slug:source>/atom/", AtomFeed(), name="feed_atom"),
]
