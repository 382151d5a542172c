"""Building or finding the porpoise binary and running it as a child process."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import List, Optional

MODULE = "github.com/porpoisedb/porpoise"
_LISTENING = re.compile(r"^porpoise listening on (\S+)")
# DolphinDB's default account, which Porpoise also starts with.
DEFAULT_USER = "admin"
DEFAULT_PASSWORD = "123456"


def _repo_root(start: Path) -> Optional[Path]:
    """The nearest directory at or above start whose go.mod declares Porpoise."""
    for d in [start, *start.parents]:
        mod = d / "go.mod"
        if mod.is_file():
            first = mod.read_text(encoding="utf-8", errors="replace").splitlines()[:1]
            if first and first[0].strip() == f"module {MODULE}":
                return d
    return None


def find_binary(explicit: Optional[str] = None, build_dir: Optional[str] = None) -> str:
    """Returns the path of a porpoise binary.

    In order: ``explicit`` (a path), ``$PORPOISE_BIN``, a fresh ``go build``
    of the checkout this plugin or the current directory lives in (so tests
    always run the code beside them), and ``porpoise`` on ``$PATH``.
    """
    for cand in (explicit, os.environ.get("PORPOISE_BIN")):
        if cand:
            if not os.access(cand, os.X_OK):
                raise FileNotFoundError(f"porpoise binary {cand!r} is not an executable file")
            return cand
    root = _repo_root(Path.cwd().resolve()) or _repo_root(Path(__file__).resolve().parent)
    if root is not None and shutil.which("go"):
        out_dir = build_dir or tempfile.mkdtemp(prefix="porpoise-bin-")
        out = os.path.join(out_dir, "porpoise")
        subprocess.run(["go", "build", "-o", out, "./cmd/porpoise"], cwd=root, check=True)
        return out
    on_path = shutil.which("porpoise")
    if on_path:
        return on_path
    raise FileNotFoundError(
        "no porpoise binary: set PORPOISE_BIN, pass --porpoise-bin, run inside a Porpoise checkout "
        "with Go installed, or put porpoise on PATH"
    )


class PorpoiseServer:
    """One porpoise process listening on a free loopback port.

    ``data_dir=None`` keeps every database in memory; a directory keeps
    ``dfs://`` databases there, so a restart finds them again.
    """

    def __init__(self, binary: str, data_dir: Optional[str] = None, extra_args: Optional[List[str]] = None,
                 user: str = DEFAULT_USER, password: str = DEFAULT_PASSWORD):
        self.binary = binary
        self.data_dir = data_dir
        self.extra_args = list(extra_args or [])
        self.user = user
        self.password = password
        self.host = "127.0.0.1"
        self.port = 0
        self.proc: Optional[subprocess.Popen] = None
        self.log: List[str] = []
        self._reader: Optional[threading.Thread] = None

    @property
    def addr(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, port: int = 0, timeout: float = 30.0) -> "PorpoiseServer":
        """Starts the process (on ``port``, 0 for a free one) and waits until it listens."""
        if self.proc is not None:
            raise RuntimeError("porpoise is already running")
        args = [self.binary, "--addr", f"{self.host}:{port}"]
        args += ["--data-dir", self.data_dir] if self.data_dir else ["--in-memory"]
        args += self.extra_args
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        found = threading.Event()

        def read() -> None:
            # keeps draining the output so that the server never blocks on a full pipe
            assert self.proc is not None and self.proc.stdout is not None
            for line in self.proc.stdout:
                self.log.append(line.rstrip("\n"))
                m = _LISTENING.match(line)
                if m and not found.is_set():
                    self.host, _, p = m.group(1).rpartition(":")
                    self.port = int(p)
                    found.set()
            found.set()

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()
        deadline = time.monotonic() + timeout
        while not found.wait(0.05):
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError("porpoise did not start listening:\n" + "\n".join(self.log))
        if self.port == 0:
            code = self.proc.wait()
            self.proc = None
            raise RuntimeError(f"porpoise exited with {code}:\n" + "\n".join(self.log))
        return self

    def stop(self, timeout: float = 30.0) -> int:
        """Stops the process (SIGTERM, then SIGKILL after timeout); returns its exit code."""
        proc, self.proc = self.proc, None
        if proc is None:
            return 0
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._reader is not None:
            self._reader.join(5)
        return proc.returncode

    def kill(self) -> None:
        """Ends the process at once (SIGKILL), as a crash would."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def restart(self) -> "PorpoiseServer":
        """Stops and starts again on the same port (data kept when data_dir is set)."""
        port = self.port
        self.stop()
        return self.start(port=port)

    def session(self, **kwargs):
        """A ``dolphindb.session`` connected and logged in (needs the dolphindb package)."""
        import dolphindb as ddb

        s = ddb.session(**kwargs)
        if not s.connect(self.host, self.port, self.user, self.password):
            raise ConnectionError(f"cannot connect to porpoise at {self.addr}")
        return s

    def __enter__(self) -> "PorpoiseServer":
        return self.start() if self.proc is None else self

    def __exit__(self, *exc) -> None:
        self.stop()
