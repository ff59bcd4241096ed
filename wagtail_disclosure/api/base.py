"""What every endpoint of the open-data API shares: fields and filters declared once, the
site, bounded pages, public pages and rows only."""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page, Site

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.visibility import public_pages

from .fields import Spec

ID_FILTER = {"type": "integer"}
#: Parameters every listing takes (``_`` is jQuery's cache-buster, ``format`` DRF's).
COMMON_PARAMETERS = frozenset(["limit", "offset", "fields", "order", "_", "format"])
YEAR_FILTER = {"type": "integer", "minimum": 1900, "maximum": 9999}


class BoundedPagination(WagtailPagination):
    """``limit`` (default 20) may not exceed ``WAGTAIL_DISCLOSURE_API_LIMIT_MAX``."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = get_setting("WAGTAIL_DISCLOSURE_API_LIMIT_MAX")
        for name in ("limit", "offset"):
            value = request.GET.get(name, "0")
            if not value.isdigit():
                raise BadRequestError(_("%(name)s must be a whole number of 0 or more") % {
                    "name": name
                })
        limit = int(request.GET.get("limit", min(20, limit_max)))
        if limit > limit_max:
            raise BadRequestError(_("limit cannot be higher than %(max)d") % {"max": limit_max})
        offset = int(request.GET.get("offset", 0))
        self.view = view
        self.total_count = queryset.count()
        return list(queryset[offset:offset + limit])


def int_param(request, name):
    value = request.GET.get(name)
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError:
        raise BadRequestError(
            _("%(name)s must be a whole number, not “%(value)s”") % {"name": name, "value": value}
        ) from None


def choice_param(request, name, choices):
    value = request.GET.get(name)
    if value in (None, ""):
        return None
    allowed = [v for v, _label in choices]
    if value not in allowed:
        raise BadRequestError(
            _("%(name)s must be one of %(allowed)s, not “%(value)s”")
            % {"name": name, "allowed": ", ".join(allowed), "value": value}
        )
    return value


class DisclosureEndpoint:
    """What every endpoint of the open-data API shares: fields and filters from one
    declaration, the site, bounded pages."""

    #: The endpoint's fields beyond ``id`` and the meta fields.
    specs: list[Spec] = []
    #: Query parameters that filter the listing: name → (schema, description).
    filters: dict[str, tuple[dict, str]] = {}
    #: The endpoint's path under the API (DRF resets ``name`` on the class).
    api_name = ""
    #: One line for the OpenAPI description.
    summary = ""
    pagination_class = BoundedPagination
    site_filter = {
        "site": (
            {"type": "string"},
            "The site whose content is listed: its id, or hostname[:port]. "
            "Default: the site the request is addressed to.",
        )
    }

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.detail_only_fields = [s.name for s in cls.specs if s.detail]
        cls.known_query_parameters = frozenset(
            COMMON_PARAMETERS | set(cls.filters) | set(cls.site_filter)
        )

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(["id"] + [s.api_field() for s in cls.specs])

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.listing_default_fields + [s.name for s in cls.specs if not s.detail]

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {s.name: s.api_field().serializer for s in cls.specs if s.fn is not None}

    def get_site(self) -> Site | None:
        value = self.request.GET.get("site", "")
        if not value:
            return Site.find_for_request(self.request)
        if value.isdigit():
            site = Site.objects.select_related("root_page").filter(pk=int(value)).first()
        elif ":" in value:
            hostname, port = value.split(":", 1)
            site = Site.objects.filter(hostname=hostname, port=port).first() if port.isdigit() \
                else None
        else:
            matches = list(Site.objects.filter(hostname=value)[:2])
            if len(matches) > 1:
                raise BadRequestError(_("several sites have this hostname: add the port"))
            site = matches[0] if matches else None
        if site is None:
            raise BadRequestError(_("no site “%(site)s”") % {"site": value})
        return site

    @property
    def site(self):
        if not hasattr(self, "_site"):
            self._site = self.get_site()
        return self._site

    def check_query_parameters(self, queryset):
        """Refuse any parameter that is not one of the endpoint's (Wagtail's own check lets
        any column name through, which this API would silently ignore)."""
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                _("query parameter is not an operation or a recognised filter: %(names)s")
                % {"names": ", ".join(sorted(unknown))}
            )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.action == "listing_view":
            queryset = self.apply_filters(queryset)
        return queryset

    def apply_filters(self, queryset):
        return queryset

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        items = self.paginate_queryset(queryset)
        self.prepare(items)
        serializer = self.get_serializer(items, many=True)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        instance = self.get_object()
        self.prepare([instance])
        return super().detail_view(request, pk)

    def prepare(self, items):
        """Compute what the items' fields need, once for the page of items."""

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["endpoint"] = self
        return context


class PublicPagesEndpoint(DisclosureEndpoint, PagesAPIViewSet):
    """Live, public pages of ``model`` in the site."""

    filter_backends = [OrderingFilter]
    meta_fields = BaseAPIViewSet.meta_fields + [
        "html_url", "slug", "first_published_at", "last_published_at",
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "title", "html_url", "first_published_at", "last_published_at",
    ]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["title"]
    body_fields = ["id", "title"]
    default_order = ("path",)
    select_related: tuple = ()
    prefetch_related: tuple = ()

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(["id", "title"] + [s.api_field() for s in cls.specs])

    def get_base_queryset(self):
        if self.site is None:
            return Page.objects.none()
        return public_pages(Page, self.site)

    def get_queryset(self):
        if self.site is None:
            return self.model.objects.none()
        queryset = public_pages(self.model, self.site)
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        return queryset.order_by(*self.default_order)

    def find_object(self, queryset, request):
        return BaseAPIViewSet.find_object(self, queryset, request)

    def get_object(self):
        return BaseAPIViewSet.get_object(self)


class PublicRowsEndpoint(DisclosureEndpoint, BaseAPIViewSet):
    """Rows of a model that hang off public pages of the site."""

    listing_default_fields = BaseAPIViewSet.listing_default_fields[:]
    nested_default_fields = BaseAPIViewSet.nested_default_fields[:]
    body_fields = ["id"]
