"""A byte-exact HTTP/1.1 client for hostile requests.

Why not ``requests``: it (and urllib3 under it) re-quotes URLs, removes ``..`` segments and
refuses raw non-ASCII bytes, which is exactly what an attacker sends. This writes the request
line and headers as given, over a plain socket, and reads the answer until the server closes.
"""

from __future__ import annotations

import contextlib
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Reply:
    """Status, headers (lower-case names) and body of one answer."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def _bytes(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("latin-1")


def raw_request(url: str, method: str | bytes, target: str | bytes,
                headers: list[tuple[str | bytes, str | bytes]] | None = None,
                body: bytes = b"", timeout: float = 60.0) -> Reply:
    """Send one request exactly as given to the server at ``url``; return its answer.

    A ``Content-Length`` is added for a body unless ``headers`` name one already.
    """
    parts = urlsplit(url)
    head = [_bytes(method) + b" " + _bytes(target) + b" HTTP/1.1",
            b"Host: " + _bytes(parts.netloc), b"Connection: close"]
    names = {_bytes(k).lower() for k, _ in headers or []}
    for name, value in headers or []:
        head.append(_bytes(name) + b": " + _bytes(value))
    if body and b"content-length" not in names and b"transfer-encoding" not in names:
        head.append(b"Content-Length: " + str(len(body)).encode())
    data = b"\r\n".join(head) + b"\r\n\r\n" + body
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        # The server may answer early (e.g. 413) and close: read what it said anyway.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(data)
        chunks = []
        with contextlib.suppress(ConnectionResetError):
            while chunk := sock.recv(65536):
                chunks.append(chunk)
    return parse_reply(b"".join(chunks))


def parse_reply(data: bytes) -> Reply:
    """Parse an HTTP/1.x answer (``Connection: close``, so the body runs to the end)."""
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    if not lines or not lines[0].startswith(b"HTTP/"):
        raise AssertionError(f"not an HTTP answer: {data[:200]!r}")
    status = int(lines[0].split()[1])
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.decode("latin-1").partition(":")
        key = name.strip().lower()
        headers[key] = (headers[key] + ", " if key in headers else "") + value.strip()
    length = headers.get("content-length")
    if length is not None and length.isdigit():
        body = body[: int(length)]
    return Reply(status, headers, body)
