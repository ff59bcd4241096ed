"""The open-data API's router: every endpoint of :mod:`.endpoints` under its name."""

from wagtail.api.v2.router import WagtailAPIRouter

from .endpoints import ENDPOINTS

#: The URL namespace of the API's views.
NAMESPACE = "wagtail_disclosure_api"

api_router = WagtailAPIRouter(NAMESPACE)
for endpoint in ENDPOINTS:
    api_router.register_endpoint(endpoint.api_name, endpoint)
