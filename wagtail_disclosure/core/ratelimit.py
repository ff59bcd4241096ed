"""A fixed-window rate limit on Django's cache, for the public request form.

The cache must be shared by every process serving the site (Redis, Memcached or the database
cache); the local-memory cache limits each process separately, which let 18 requests through a
limit of 5 on four gunicorn workers. See docs/deployment.md.
"""

import time

from django.core.cache import cache as default_cache


def client_ip(request):
    """The address the request came from. Behind a reverse proxy, have the proxy (or a
    middleware you trust) set REMOTE_ADDR to the client's address."""
    return request.META.get("REMOTE_ADDR", "")


def allow(scope: str, key: str, limit: int, period: int, cache=None) -> bool:
    """Count one hit for ``key``; False once it has had ``limit`` in this period.

    Each hit claims a numbered slot with ``cache.add``, which every backend does atomically
    (the database cache by its unique key), where ``incr`` is a read and a write on the database
    cache and loses hits that race. A hint of the slots taken keeps a refusal to one read.
    """
    cache = cache or default_cache
    window = int(time.time() // period)
    base = f"wagtail_disclosure:ratelimit:{scope}:{key}:{window}"
    taken = cache.get(f"{base}:taken", 0)
    for slot in range(taken + 1, limit + 1):
        if cache.add(f"{base}:{slot}", 1, timeout=period):
            cache.set(f"{base}:taken", slot, timeout=period)
            return True
    cache.set(f"{base}:taken", limit, timeout=period)
    return False
