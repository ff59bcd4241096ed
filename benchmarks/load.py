"""200 concurrent readers for 30 seconds against gunicorn: the home page, the plan page and a
static page of the same HTML, one after the other, in one run.

Builds a throwaway database (the demo's columns and register, the Jining 2022 plan with reports,
a static copy of the plan page), starts ``gunicorn`` with 4 sync workers on 127.0.0.1 and runs a
bounded asyncio client: ``READERS`` tasks, each sending one request at a time (a reader waits for
its page before asking the next), for ``SECONDS`` per page. It only ever connects to 127.0.0.1.
Prints requests/s, p50/p95 latency and errors (any status but 200, or a failed connection).

Run: ``.venv/bin/python benchmarks/load.py [--readers 200] [--seconds 30] [--port 8013]``.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time

from common import REPO, header, row, setup_django

HOST = "127.0.0.1"  # never anywhere else


def option(args, name, default):
    return int(args[args.index(name) + 1]) if name in args else default


def build():
    import bench_pages
    from django.test import Client

    from tests.builders import build_jining_2022_plan

    bench_pages.load_site_and_register()
    plan = build_jining_2022_plan()
    client = Client()
    static = bench_pages.static_copy(client, plan.url, "static-plan")
    return {"home page": "/", "plan page (84)": plan.url, "static copy of the plan page": static}


async def fetch(port, path):
    """One GET over a new connection (gunicorn's sync workers close it after the response)."""
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # the rest, until the server closes
        return int(status_line.split()[1])
    finally:
        writer.close()


async def readers(port, path, count, seconds):
    latencies, errors = [], 0
    deadline = time.monotonic() + seconds

    async def one_reader():
        nonlocal errors
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                status = await fetch(port, path)
            except OSError:
                status = 0
            latencies.append(time.monotonic() - started)
            if status != 200:
                errors += 1

    started = time.monotonic()
    await asyncio.gather(*(one_reader() for _ in range(count)))
    return latencies, errors, time.monotonic() - started


def start_gunicorn(port, env):
    command = [
        str(REPO / ".venv" / "bin" / "gunicorn"),
        "example_site.wsgi",
        "--chdir", str(REPO / "example_site"),
        "--bind", f"{HOST}:{port}",
        "--workers", "4",
        "--backlog", "2048",
        "--timeout", "120",
        "--log-level", "warning",
    ]  # fmt: skip
    if not os.path.exists(command[0]):
        sys.exit("gunicorn is not installed: `make bench` installs it (the [bench] extra).")
    server = subprocess.Popen(command, env=env)
    for _ in range(100):
        try:
            asyncio.run(fetch(port, "/"))
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def main(args):
    count = option(args, "--readers", 200)
    seconds = option(args, "--seconds", 30)
    port = option(args, "--port", 8013)
    url = setup_django()
    pages = build()
    env = dict(os.environ, DATABASE_URL=url, DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS=HOST)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), str(REPO / "example_site")])
    server = start_gunicorn(port, env)
    try:
        header(f"{count} concurrent readers for {seconds} s, gunicorn 4 workers")
        results = {}
        for label, path in pages.items():
            asyncio.run(readers(port, path, 4, 2))  # warm every worker
            latencies, errors, elapsed = asyncio.run(readers(port, path, count, seconds))
            results[label] = len(latencies) / elapsed
            row(
                label,
                f"{len(latencies) / elapsed:.1f} req/s",
                "p50 / p95, errors",
                f"{statistics.median(latencies):.2f} / "
                f"{sorted(latencies)[int(0.95 * (len(latencies) - 1))]:.2f} s, {errors}",
            )
        plan, static = results["plan page (84)"], results["static copy of the plan page"]
        row("plan page throughput vs static page", f"{plan:.1f} req/s", "static page",
            f"{static:.1f} req/s", plan / static, "≥ 0.5x, zero errors")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main(sys.argv[1:])
