"""The API's URLs, for a site to mount once: ``path("api/v2/", include(api_urls))``."""

from django.urls import include, path

from .router import NAMESPACE, api_router
from .views import api_index, openapi_view

urlpatterns = [
    path("", api_index, name="wagtail_disclosure_api_index"),
    path("openapi.json", openapi_view, name="wagtail_disclosure_openapi"),
    path("", include((api_router.get_urlpatterns(), NAMESPACE), namespace=NAMESPACE)),
]
