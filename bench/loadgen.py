"""A small asyncio HTTP/1.1 load generator for 127.0.0.1 (keep-alive, N connections).

Why our own and not ``wrk``: it needs no Debian package or new PyPI dependency, it can send a
mix of different request paths, and it records every latency (for p50/p95) and status. It is a
closed-loop generator: each of ``concurrency`` connections sends its next request as soon as
the previous answer is read, so throughput is what the server sustains at that concurrency.
Every run is bounded both in requests and in seconds. Responses with ``Content-Length`` or
``chunked`` transfer coding are read in full, so a server's serialisation cost is counted.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    """Outcome of one run: completed requests, wall time, latencies (s) and statuses."""

    requests: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0

    @property
    def throughput(self) -> float:
        """Completed requests per second."""
        return self.requests / self.seconds if self.seconds else 0.0


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                break
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
        body = b"".join(parts)
    else:
        body = await reader.read()
    return status, body


def _request(path: str, port: int, accept: str) -> bytes:
    return (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: {accept}\r\n"
            "Connection: keep-alive\r\n\r\n").encode("latin-1")


async def _run(port: int, requests: list[tuple[str, str]], concurrency: int,
               max_requests: int, max_seconds: float) -> LoadResult:
    result = LoadResult()
    counter = iter(range(max_requests))
    start = time.perf_counter()
    deadline = start + max_seconds

    async def connection() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for i in counter:
                if time.perf_counter() > deadline:
                    return
                t0 = time.perf_counter()
                path, accept = requests[i % len(requests)]
                writer.write(_request(path, port, accept))
                try:
                    status, _ = await asyncio.wait_for(
                        _read_response(reader), max(0.1, deadline - t0 + 30))
                except (asyncio.IncompleteReadError, TimeoutError, ConnectionError):
                    result.errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    continue
                result.latencies.append(time.perf_counter() - t0)
                result.statuses[status] = result.statuses.get(status, 0) + 1
                result.requests += 1
        finally:
            writer.close()

    await asyncio.gather(*(connection() for _ in range(concurrency)))
    result.seconds = time.perf_counter() - start
    return result


def run_load(port: int, requests: list[tuple[str, str]], concurrency: int = 1,
             max_requests: int = 100, max_seconds: float = 10.0) -> LoadResult:
    """Send up to ``max_requests`` GETs, cycling through ``requests`` (path, Accept), within
    ``max_seconds`` (a request in flight at the deadline is still awaited, 30 s at most)."""
    return asyncio.run(_run(port, requests, concurrency, max_requests, max_seconds))


def fetch(port: int, path: str,
          accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    """One GET, returning status and body (used to check answers before timing them)."""

    async def one() -> tuple[int, bytes]:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            writer.write(_request(path, port, accept))
            return await asyncio.wait_for(_read_response(reader), 300)
        finally:
            writer.close()

    return asyncio.run(one())
