from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from search import views as search_views
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_disclosure import urls as disclosure_urls
from wagtail_disclosure.api import urls as disclosure_api_urls
from wagtail_disclosure.feeds.sitemaps import sitemap_view

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("disclosure/", include(disclosure_urls)),
    # Open data: the read-only API (its OpenAPI description at /api/v2/openapi.json) and the
    # sitemap of the site the request is for.
    path("api/v2/", include(disclosure_api_urls)),
    path("sitemap.xml", sitemap_view, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
