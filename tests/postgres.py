"""A throwaway PostgreSQL server for tests and benchmarks: initdb + pg_ctl in a temp folder.

The system's PostgreSQL binaries are used (``FILMCLUB_PG_BIN``, else the newest
``/usr/lib/postgresql/*/bin``, else ``initdb`` on the PATH). PostgreSQL refuses to run as
root, so as root the server runs as the ``postgres`` system user (created if missing).
Nothing here skips: a machine without PostgreSQL fails loudly with what to install.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

__all__ = ["PostgresServer", "PostgresUnavailableError"]

SERVER_USER = "postgres"
START_TIMEOUT_SECONDS = 30
_SEARCH = "/usr/lib/postgresql"


class PostgresUnavailableError(RuntimeError):
    """No PostgreSQL server binaries, or the server would not start."""


def _bin_dir() -> Path:
    configured = os.environ.get("FILMCLUB_PG_BIN")
    if configured:
        return Path(configured)
    versions = sorted(
        (p for p in Path(_SEARCH).glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1]
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise PostgresUnavailableError(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: install them "
        "(apt-get install -y postgresql) or set FILMCLUB_PG_BIN"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_user() -> pwd.struct_passwd | None:
    """The user to run the server as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVER_USER)
    except KeyError:
        subprocess.run(  # noqa: S603 - fixed arguments
            ["useradd", "--system", "--no-create-home", "--shell", "/bin/false", SERVER_USER],  # noqa: S607
            check=True,
        )
        return pwd.getpwnam(SERVER_USER)


class PostgresServer:
    """One running server on 127.0.0.1 with trust authentication; ``stop()`` removes it all."""

    def __init__(self, *, durable: bool = False) -> None:
        self._bin = _bin_dir()
        self._user = _server_user()
        self._root = Path(tempfile.mkdtemp(prefix="filmclub-pg-"))
        self._data = self._root / "data"
        self.port = _free_port()
        self._durable = durable
        self._started = False

    @property
    def superuser(self) -> str:
        """The role initdb created, named after the user that ran it."""
        return self._user.pw_name if self._user else pwd.getpwuid(os.geteuid()).pw_name

    def url(self, database: str = "postgres") -> str:
        """A ``postgresql://`` URL for one database of this server."""
        return f"postgresql://{self.superuser}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        command = [str(self._bin / args[0]), *args[1:]]
        if self._user is not None:
            command = ["runuser", "-u", self._user.pw_name, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            log = self._root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            failed = f"{' '.join(args[:2])} failed ({result.returncode})"
            raise PostgresUnavailableError(f"{failed}: {result.stderr.strip()}\n{tail}")

    def start(self) -> None:
        """initdb and start the server; blocks until it accepts connections."""
        if self._user is not None:
            os.chown(self._root, self._user.pw_uid, self._user.pw_gid)
        self._run("initdb", "-D", str(self._data), "-A", "trust", "-E", "UTF8", "--no-sync")
        options = [
            f"-p {self.port}",
            "-c listen_addresses=127.0.0.1",
            f"-k {self._root}",
            "-c max_connections=200",
        ]
        if not self._durable:  # tests: a crash loses nothing worth keeping
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run(
            "pg_ctl",
            "start",
            "-w",
            "-t",
            str(START_TIMEOUT_SECONDS),
            "-D",
            str(self._data),
            "-l",
            str(self._root / "server.log"),
            "-o",
            " ".join(options),
        )
        self._started = True

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its folder."""
        try:
            if self._started:
                self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self._data))
                self._started = False
        finally:
            shutil.rmtree(self._root, ignore_errors=True)

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self._sql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def _sql(self, statement: str) -> None:
        self._run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.superuser,
                  "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", statement)  # fmt: skip

    def __enter__(self) -> PostgresServer:
        try:
            self.start()
        except BaseException:
            with contextlib.suppress(PostgresUnavailableError):
                self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
