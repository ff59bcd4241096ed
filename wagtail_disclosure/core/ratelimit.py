"""A fixed-window rate limit on Django's cache, for the public request form.

The cache must be shared by every process serving the site (Redis or Memcached, or the database
cache); the local-memory cache limits each process separately.
"""

import time

from django.core.cache import cache


def client_ip(request):
    """The address the request came from. Behind a reverse proxy, have the proxy (or a
    middleware you trust) set REMOTE_ADDR to the client's address."""
    return request.META.get("REMOTE_ADDR", "")


def allow(scope: str, key: str, limit: int, period: int) -> bool:
    """Count one hit for ``key``; False once it has had more than ``limit`` in this period."""
    window = int(time.time() // period)
    cache_key = f"wagtail_disclosure:ratelimit:{scope}:{key}:{window}"
    if cache.add(cache_key, 1, timeout=period):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period)
        count = 1
    return count <= limit
