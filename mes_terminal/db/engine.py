"""Engines for SQLite and PostgreSQL that behave the same under concurrency.

SQLite: WAL, foreign keys on, a busy timeout, and every write transaction begun with
`BEGIN IMMEDIATE`, because pysqlite's deferred BEGIN takes the write lock only at the first write
and silently loses updates under concurrency (see PLATFORM.md). Read-only work can ask for a
deferred begin with `execution_options(mes_read_only=True)`.

PostgreSQL: psycopg 3 and a small pool. No pre-ping (a round trip on every checkout): a connection
that a restarted server dropped is invalidated on its first error, and the command bus retries.

A plant with a standby names its servers in libpq's multi-host form,
`postgresql://mes@db1,db2:5433/mes?target_session_attrs=read-write` (docs/offline.md), an IPv6 address in
brackets (`[::1]:5432,[fd00::2]`). SQLAlchemy's URL parser reads a host list without ports as one host
and refuses one with ports, so `normalise_url` turns the list into SQLAlchemy's comma form
(`host=::1,db2&port=5432,`: hosts and ports side by side, because its other form, one `host=h:p` a host,
splits at every colon of an IPv6 address), which its psycopg dialect hands to libpq as the same two lists;
`libpq_url` turns it back for libpq's tools.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from mes_terminal.domain.errors import ConfigurationError

SQLITE_BUSY_TIMEOUT_MS = 10_000


# scheme://[user[:password]@]host[:port],host[:port]...[/database][?query]: libpq's multi-host URI.
_HOST_LIST = re.compile(
    r"^(?P<scheme>[\w+]+)://(?:(?P<auth>[^@/?]*)@)?(?P<hosts>[^/?@]*,[^/?@]*)(?P<path>/[^?]*)?(?:\?(?P<query>.*))?$"
)
# One host of the list as libpq writes it: a name or an IPv4 address, or an IPv6 address in brackets; a port.
_HOST_ENTRY = re.compile(r"(?:\[(?P<ipv6>[^\[\]]+)\]|(?P<name>[^:\[\]]+))(?::(?P<port>\d*))?")


def _host_and_port(entry: str, url: str) -> tuple[str, str]:
    """One host of libpq's list (`db1`, `10.0.0.1:5433`, `[::1]:5432`) as the host libpq's `host` keyword
    takes (an IPv6 address without its brackets) and its port ("" for the default)."""
    found = _HOST_ENTRY.fullmatch(entry)
    if found is not None and found["ipv6"] is not None:
        host = unquote(found["ipv6"])  # a zone, fe80::1%25eth0 in a URI, is fe80::1%eth0 to libpq
        if not _is_ipv6(host):
            found = None
    elif found is not None:
        host = found["name"]
    if found is None:
        raise ConfigurationError(
            f"The database URL {url!r} is not valid: {entry!r} is not a host with an optional port number "
            "(an IPv6 address goes in brackets: [::1]:5432)."
        )
    return host, found["port"] or ""


def _is_ipv6(host: str) -> bool:
    try:
        ipaddress.IPv6Address(host)
    except ValueError:
        return False
    return True


def _sqlalchemy_hosts(url: str) -> str:
    """libpq's `postgresql://u@h1:p1,[::1]/db?q` as SQLAlchemy's `postgresql://u@/db?host=h1,::1&port=p1,&q`."""
    found = _HOST_LIST.match(url)
    if found is None:
        return url
    servers = [_host_and_port(entry.strip(), url) for entry in found["hosts"].split(",") if entry.strip()]
    query = parse_qsl(found["query"] or "", keep_blank_values=True)
    given = [value for key, value in query if key == "port"]  # libpq's port=: one for all, or one a host
    if given and any(port for _, port in servers):
        raise ConfigurationError(
            f"The database URL {url!r} is not valid: it gives the ports both with the hosts and as port=."
        )
    ports = [port for _, port in servers]
    if len(given) == 1 and "," not in given[0]:
        ports = [given[0]] * len(servers)
    elif given:
        ports = ",".join(given).split(",")
    if len(ports) != len(servers):
        raise ConfigurationError(f"The database URL {url!r} is not valid: it has not one port for every host.")
    hosts = [("host", ",".join(host for host, _ in servers))]
    if any(ports):
        hosts.append(("port", ",".join(ports)))
    rest = [(key, value) for key, value in query if key != "port"]
    auth = f"{found['auth']}@" if found["auth"] is not None else ""
    return f"{found['scheme']}://{auth}{found['path'] or '/'}?{urlencode(hosts + rest, safe=':,')}"


def hosts_of(url: URL) -> tuple[str, ...] | None:
    """The `host[:port]` entries of a multi-host URL as libpq writes them (an IPv6 address in brackets), in
    order; None for a URL of one host."""
    hosts = url.query.get("host")
    if isinstance(hosts, tuple):  # SQLAlchemy's other form, one host=h:p a host (no IPv6 address there)
        return hosts
    if not isinstance(hosts, str) or "," not in hosts:
        return None
    names = hosts.split(",")
    port = url.query.get("port", "")
    ports = (",".join(port) if isinstance(port, tuple) else port).split(",")
    if len(ports) == 1:
        ports = ports * len(names)
    if len(ports) != len(names):
        shown = url.render_as_string(hide_password=True)
        raise ConfigurationError(f"The database URL {shown} is not valid: it has not one port for every host.")
    return tuple(_libpq_host(name) + (f":{port}" if port else "") for name, port in zip(names, ports, strict=True))


def _libpq_host(host: str) -> str:
    return f"[{quote(host, safe=':.')}]" if ":" in host else host


def libpq_url(url: str | URL, *, database: str | None = None, hide_password: bool = False) -> str:
    """The URL as libpq takes it (psycopg.connect, pg_dump, psql): `postgresql://`, several hosts in its own
    form; on the same servers, the database `database` when given."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ConfigurationError(f"{safe_url(parsed)} is not a PostgreSQL database URL.")
    if database is not None:
        parsed = parsed.set(database=database)
    return _render(parsed.set(drivername="postgresql"), hide_password=hide_password)


def _render(url: URL, *, hide_password: bool) -> str:
    hosts = hosts_of(url)
    if hosts is None:
        return url.render_as_string(hide_password=hide_password)
    auth = ""
    if url.username:
        auth = quote(url.username, safe="")
        if url.password is not None:
            auth += ":" + ("***" if hide_password else quote(str(url.password), safe=""))
        auth += "@"
    # libpq reads a + in a value as itself: a space is written %20
    query = urlencode({k: v for k, v in url.query.items() if k not in ("host", "port")}, doseq=True, quote_via=quote)
    database = quote(url.database or "", safe="")
    return f"{url.drivername}://{auth}{','.join(hosts)}/{database}" + (f"?{query}" if query else "")


def normalise_url(url: str | URL) -> URL:
    """Parse a database URL; plain `postgresql://` means psycopg 3; libpq's multi-host form is taken."""
    try:
        parsed = make_url(_sqlalchemy_hosts(url.strip())) if isinstance(url, str) else url
    except (ArgumentError, ValueError):
        raise ConfigurationError(
            f"The database URL {url!r} is not valid; use sqlite:///PATH or postgresql://USER@HOST/DB."
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    hosts = hosts_of(parsed)
    if hosts is not None:  # given in either of SQLAlchemy's forms too: checked, and kept in the comma form
        shown = url if isinstance(url, str) else url.render_as_string(hide_password=True)
        servers = [_host_and_port(host, shown) for host in hosts]
        query = {key: value for key, value in parsed.query.items() if key not in ("host", "port")}
        query["host"] = ",".join(host for host, _ in servers)
        if any(port for _, port in servers):
            query["port"] = ",".join(port for _, port in servers)
        parsed = parsed.set(query=query)
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigurationError(
            f"The database {parsed.get_backend_name()!r} is not supported; use SQLite or PostgreSQL."
        )
    return parsed


def safe_url(url: str | URL) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return _render(normalise_url(url), hide_password=True)
    except ConfigurationError:
        return "(invalid URL)"


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, **kwargs)
    kwargs.setdefault("pool_size", 5)
    kwargs.setdefault("connect_args", {"connect_timeout": 5, "application_name": "mes-terminal"})
    return create_engine(parsed, **kwargs)


def _sqlite_engine(url: URL, **kwargs: Any) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy's begin event below (the documented pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get("mes_read_only", False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def driver_message(error: BaseException) -> str:
    """The first line of what the database driver said (at most 200 characters), for an operator's sentence."""
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error).strip()
    return text.splitlines()[0][:200] if text else type(original or error).__name__
