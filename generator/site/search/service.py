"""A client of `pagefind --service`, the Pagefind binary's indexing service (PyPI ``pagefind[bin]``).

The protocol, as the binary speaks it: each message is a JSON object, base64-encoded and
followed by a comma, on stdin (requests) and stdout (responses); a request carries a
``message_id`` and its response the same. ``NewIndex`` answers an ``index_id``, ``AddRecord``
adds one record (its URL, plain-text content, language, meta, filters, sort keys), ``GetFiles``
answers every file of the bundle, base64-encoded.

The package's own Python API waits 0.1 s before reading each response (pagefind 1.5.2,
``PagefindService._wait_for_responses``): 500 s for 5,000 records. Here a thread reads the
responses as they come, so records are sent as fast as the binary takes them, while the
caller goes on building pages.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import IO, Any

from ...errors import SearchIndexError

LANGUAGE = "en"


def pagefind_binary() -> Path:
    """The binary named by PAGEFIND_BINARY_PATH (as the ``pagefind`` package reads it), else the one of the
    ``pagefind_bin`` wheel (``pagefind[bin]``)."""
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return Path(os.environ["PAGEFIND_BINARY_PATH"])
    try:
        from pagefind_bin import get_executable  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - a dependency of the package
        raise SearchIndexError("the search index needs Pagefind: pip install 'pagefind[bin]'") from None
    return Path(get_executable())


class Indexer:
    """One Pagefind index, filled record by record while the caller works; ``files()`` ends it.

    Usable as a context manager: the process stops on leaving it, whatever happened.
    """

    def __init__(self) -> None:
        self._errors: IO[bytes] = tempfile.TemporaryFile()
        try:
            self._process = subprocess.Popen([str(pagefind_binary()), "--service"], stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, stderr=self._errors)
        except OSError as exc:
            self._errors.close()
            raise SearchIndexError(f"pagefind could not start: {exc}") from None
        self._sent = 0
        self._answers: dict[int, dict[str, Any]] = {}
        self._done = threading.Condition()
        self._ended = False
        self._reader = threading.Thread(target=self._read, name="pagefind-responses", daemon=True)
        self._reader.start()
        self.records = 0
        self._index_id = self._call({"type": "NewIndex", "config": {"force_language": LANGUAGE}})["index_id"]

    def add(self, url: str, content: str, meta: dict[str, str], filters: dict[str, list[str]]) -> None:
        """Send one record; its answer is read in the background (an error surfaces in ``files``)."""
        self._send({"type": "AddRecord", "index_id": self._index_id, "url": url, "content": content,
                    "language": LANGUAGE, "meta": meta, "filters": filters, "sort": {}})
        self.records += 1

    def files(self) -> dict[str, bytes]:
        """Every file of the bundle, by its path in the bundle folder, once every record is in."""
        for message_id in range(1, self._sent + 1):
            self._wait(message_id)
        failed = [a for a in self._answers.values() if a.get("type") == "Error"]
        if failed:
            raise SearchIndexError(f"pagefind refused {len(failed)} record(s): {failed[0].get('message')}")
        answer = self._call({"type": "GetFiles", "index_id": self._index_id})
        return {f["path"]: base64.b64decode(f["content"]) for f in answer["files"]}

    def close(self) -> None:
        if self._process.stdin is not None and not self._process.stdin.closed:
            try:
                self._process.stdin.close()
            except OSError:
                pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join(timeout=10)
        self._errors.close()

    def __enter__(self) -> Indexer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(self, payload: dict[str, Any]) -> int:
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}, ensure_ascii=False)
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self._process.stdin.flush()
        except BrokenPipeError:
            self._fail()
        return self._sent

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        answer = self._wait(self._send(payload))
        if answer.get("type") == "Error":
            raise SearchIndexError(f"pagefind: {answer.get('message')}")
        return answer

    def _wait(self, message_id: int) -> dict[str, Any]:
        """The answer to ``message_id``, once it came."""
        with self._done:
            while message_id not in self._answers and not self._ended:
                self._done.wait()
            if message_id not in self._answers:
                self._fail()
            return self._answers[message_id]

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        pending = b""
        while True:
            data = stdout.read1(1 << 16)
            if not data:
                break
            *messages, pending = (pending + data).split(b",")
            for message in messages:
                response = json.loads(base64.b64decode(message))
                if response is None:
                    continue
                with self._done:
                    self._answers[response.get("message_id") or 0] = response["payload"]
                    self._done.notify_all()
        with self._done:
            self._ended = True
            self._done.notify_all()

    def _fail(self) -> None:
        self._errors.seek(0)
        detail = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        raise SearchIndexError("pagefind stopped" + (f": {detail[-1]}" if detail else ""))
