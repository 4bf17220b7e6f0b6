"""Closed-loop HTTP/1.1 load on 127.0.0.1: Debian's ``wrk`` when installed, else asyncio.

Both are closed-loop generators: each of ``concurrency`` keep-alive connections sends its next
request as soon as the previous answer is read in full, so throughput is what the server
sustains at that concurrency, and a server's serialisation cost is counted.

Why ``wrk`` first (:func:`run_wrk`): the load generator shares the machine's two cores with the
server it measures, so its own CPU is taken from the server. ``wrk`` (C, epoll, a LuaJIT
script cycling through the request mix) spends about half the CPU per request of the asyncio
client, and measured about 5-10 % more throughput from the same server in one run. The asyncio
client (:func:`run_load`) stays for machines without ``wrk``, for the latency series (it
records every latency and status) and for :func:`fetch`. Every run is bounded in seconds; the
asyncio one also in requests.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class LoadResult:
    """Outcome of one run: completed requests, wall time, latencies (s) and statuses."""

    requests: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int | str, int] = field(default_factory=dict)
    errors: int = 0
    #: Latency percentiles when the generator reports them instead of every latency (wrk).
    latency_summary: dict[str, float] | None = None
    generator: str = "asyncio"

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


#: LuaJIT script for ``wrk``: cycle through the mix (each thread from its own offset) and print
#: one JSON line of totals and latency percentiles (microseconds) when the run ends.
_WRK_SCRIPT = """
local mix = {%s}
local i = 0
local n = 0
function setup(thread) n = n + 1; thread:set("offset", n) end
function init(args) i = tonumber(wrk.thread:get("offset")) or 0 end
request = function()
  i = i + 1
  local r = mix[(i %% #mix) + 1]
  return wrk.format("GET", r[1], {["Accept"] = r[2]})
end
done = function(s, latency, requests)
  io.write(string.format(
    'WRK-JSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p95_us": %%d, '
    .. '"min_us": %%d, "max_us": %%d, "non_2xx_3xx": %%d, "connect": %%d, "read": %%d, '
    .. '"write": %%d, "timeout": %%d}\\n',
    s.requests, s.duration, latency:percentile(50), latency:percentile(95), latency.min,
    latency.max, s.errors.status, s.errors.connect, s.errors.read, s.errors.write,
    s.errors.timeout))
end
"""


def wrk_path() -> str | None:
    """Path of the ``wrk`` binary, or None (then :func:`run_load` is the generator)."""
    return shutil.which("wrk")


def _lua_string(text: str) -> str:
    # JSON string syntax is valid Lua for our ASCII paths (percent-encoded) and media types.
    return json.dumps(text, ensure_ascii=True)


def run_wrk(port: int, requests: list[tuple[str, str]], concurrency: int = 1,
            seconds: float = 10.0) -> LoadResult:
    """Run ``wrk`` for ``seconds`` with ``concurrency`` connections (at most 2 threads: one
    per core) cycling through ``requests`` (path, Accept); totals and p50/p95 from its own
    histogram. Any non-2xx/3xx answer or socket error is counted in ``statuses``/``errors``."""
    exe = wrk_path()
    if exe is None:
        raise FileNotFoundError("wrk is not installed (Debian package 'wrk')")
    mix = ", ".join(f"{{{_lua_string(p)}, {_lua_string(a)}}}" for p, a in requests)
    with tempfile.TemporaryDirectory(prefix="kg-wrk-") as tmp:
        script = Path(tmp) / "mix.lua"
        script.write_text(_WRK_SCRIPT % mix, encoding="ascii")
        threads = max(1, min(2, concurrency))
        proc = subprocess.run(
            [exe, f"-t{threads}", f"-c{concurrency}", f"-d{max(1, round(seconds))}s",
             "--timeout", "30s", "-s", str(script), f"http://127.0.0.1:{port}"],
            capture_output=True, text=True, timeout=seconds + 120, check=False)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("WRK-JSON ")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({proc.returncode}): {proc.stderr.strip()[:500]}")
    out: dict[str, Any] = json.loads(line[len("WRK-JSON "):])
    bad = out["non_2xx_3xx"]
    return LoadResult(
        requests=out["requests"], seconds=out["duration_us"] / 1e6,
        statuses={"2xx/3xx": out["requests"] - bad, "other": bad},
        errors=out["connect"] + out["read"] + out["write"] + out["timeout"],
        latency_summary={"n": out["requests"], "median": out["p50_us"] / 1e6,
                         "p95": out["p95_us"] / 1e6, "min": out["min_us"] / 1e6,
                         "max": out["max_us"] / 1e6},
        generator="wrk")
