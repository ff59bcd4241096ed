"""The OpenAPI 3 description of the API, written from the endpoints' own declarations.

Paths, query parameters and response schemas come from each endpoint's ``specs`` and
``filters`` (:mod:`.endpoints`), so the description cannot drift from what is served.
"""

from __future__ import annotations

from .base import PublicPagesEndpoint
from .endpoints import ENDPOINTS

OPENAPI_VERSION = "3.0.3"

META_SCHEMAS = {
    "type": {"type": "string", "description": "app_label.ModelName"},
    "detail_url": {"type": "string", "format": "uri"},
    "html_url": {"type": "string", "format": "uri", "nullable": True},
    "slug": {"type": "string"},
    "first_published_at": {"type": "string", "format": "date-time", "nullable": True},
    "last_published_at": {"type": "string", "format": "date-time", "nullable": True},
}

COMMON_PARAMETERS = [
    {
        "name": "limit",
        "in": "query",
        "description": "Items per page (default 20, at most the site's limit, 100 unless set).",
        "schema": {"type": "integer", "minimum": 0},
    },
    {
        "name": "offset",
        "in": "query",
        "description": "Items to skip.",
        "schema": {"type": "integer", "minimum": 0},
    },
    {
        "name": "fields",
        "in": "query",
        "description": (
            "Fields to return, comma separated: name, -name to leave one out, * for all, "
            "_ for none but those named."
        ),
        "schema": {"type": "string"},
    },
]


def schema_name(endpoint) -> str:
    return "".join(part.capitalize() for part in endpoint.api_name.replace("-", "_").split("_"))


def item_schema(endpoint, detail: bool) -> dict:
    meta = {"type": META_SCHEMAS["type"], "detail_url": META_SCHEMAS["detail_url"]}
    if issubclass(endpoint, PublicPagesEndpoint):
        meta.update({name: META_SCHEMAS[name] for name in endpoint.meta_fields if name in
                     META_SCHEMAS})
    properties = {"id": {"type": "integer"}, "meta": {"type": "object", "properties": meta}}
    if issubclass(endpoint, PublicPagesEndpoint):
        properties["title"] = {"type": "string"}
    for spec in endpoint.specs:
        if detail or not spec.detail:
            properties[spec.name] = spec.schema
    return {"type": "object", "properties": properties, "required": ["id", "meta"]}


def listing_parameters(endpoint) -> list[dict]:
    parameters = list(COMMON_PARAMETERS)
    for name, (schema, description) in {**endpoint.site_filter, **endpoint.filters}.items():
        parameters.append(
            {"name": name, "in": "query", "description": description, "schema": schema}
        )
    if issubclass(endpoint, PublicPagesEndpoint):
        parameters.append(
            {
                "name": "order",
                "in": "query",
                "description": "Order by a field (e.g. -first_published_at), or random.",
                "schema": {"type": "string"},
            }
        )
    return parameters


ERROR = {"$ref": "#/components/responses/BadRequest"}


def openapi_description(server_url: str = "/api/v2") -> dict:
    """The description as a dict (serve it as JSON)."""
    paths: dict = {}
    schemas: dict = {
        "PageRef": {
            "type": "object",
            "description": "A public page another item refers to.",
            "properties": {"id": {"type": "integer"}, "title": {"type": "string"}},
            "required": ["id", "title"],
        },
    }
    for endpoint in ENDPOINTS:
        name = schema_name(endpoint)
        schemas[name] = item_schema(endpoint, detail=False)
        schemas[f"{name}Detail"] = item_schema(endpoint, detail=True)
        tag = endpoint.api_name
        paths[f"/{endpoint.api_name}/"] = {
            "get": {
                "operationId": f"list{name}",
                "summary": endpoint.summary,
                "tags": [tag],
                "parameters": listing_parameters(endpoint),
                "responses": {
                    "200": {
                        "description": "One page of the listing.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "meta": {
                                            "type": "object",
                                            "properties": {"total_count": {"type": "integer"}},
                                        },
                                        "items": {
                                            "type": "array",
                                            "items": {"$ref": f"#/components/schemas/{name}"},
                                        },
                                    },
                                    "required": ["meta", "items"],
                                }
                            }
                        },
                    },
                    "400": ERROR,
                },
            }
        }
        paths[f"/{endpoint.api_name}/{{id}}/"] = {
            "get": {
                "operationId": f"get{name}",
                "summary": f"One item: {endpoint.summary}",
                "tags": [tag],
                "parameters": [
                    {"name": "id", "in": "path", "required": True,
                     "schema": {"type": "integer"}},
                    {"name": "fields", "in": "query", "schema": {"type": "string"},
                     "description": "Fields to return (as in the listing)."},
                ],
                "responses": {
                    "200": {
                        "description": "The item.",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{name}Detail"}
                            }
                        },
                    },
                    "404": {"$ref": "#/components/responses/NotFound"},
                },
            }
        }
    message = {
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {"message": {"type": "string"}}}
            }
        }
    }
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "政务公开开放数据接口 (wagtail-disclosure open data API)",
            "version": "2",
            "description": (
                "Read-only. Only public content is served: live pages without view "
                "restrictions and what hangs off them. Listings are per site (the site the "
                "request is addressed to, or the site parameter)."
            ),
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": {
                "BadRequest": {"description": "A query parameter is wrong.", **message},
                "NotFound": {"description": "No such public item.", **message},
            },
        },
    }
