"""Database URLs of a plant with a standby: libpq's multi-host form, IPv6 hosts in brackets, taken by the
engine and given back to libpq's tools meaning the same servers. What "the same" means is asked of the
two real readers: libpq's own URI parser (through psycopg) and SQLAlchemy's psycopg dialect, which hands
the engine's connection keywords to libpq."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from psycopg.conninfo import conninfo_to_dict
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg

from mes_terminal.db.engine import hosts_of, libpq_url, make_engine, normalise_url, safe_url
from mes_terminal.domain.errors import ConfigurationError


def servers(keywords: dict[str, Any]) -> list[tuple[str, str]]:
    """(host, port) in order from libpq's connection keywords; "" for the default port (libpq reads an
    empty entry, or no port at all, as 5432)."""
    hosts = str(keywords["host"]).split(",")
    ports = str(keywords.get("port") or "").split(",")
    if len(ports) == 1:
        ports *= len(hosts)
    assert len(ports) == len(hosts)
    return list(zip(hosts, ports, strict=True))


def libpq_reads(url: str) -> dict[str, Any]:
    """What libpq itself makes of a URI (PQconninfoParse)."""
    return conninfo_to_dict(url)


def engine_gives_libpq(url: str) -> dict[str, Any]:
    """The keywords the engine's dialect passes to psycopg (and so to libpq) for `url`."""
    _, keywords = PGDialect_psycopg().create_connect_args(normalise_url(url))
    return keywords


names = st.from_regex(r"[a-z][a-z0-9-]{0,8}(\.[a-z][a-z0-9-]{0,8}){0,2}", fullmatch=True)
ipv4 = st.ip_addresses(v=4).map(str)
ipv6 = st.ip_addresses(v=6).map(lambda address: f"[{address}]")
hosts = st.tuples(st.one_of(names, ipv4, ipv6), st.none() | st.integers(1, 65535)).map(
    lambda pair: pair[0] if pair[1] is None else f"{pair[0]}:{pair[1]}"
)


@given(
    listed=st.lists(hosts, min_size=1, max_size=4),
    password=st.none() | st.text("abc@:/%!x", min_size=1, max_size=6),
    # parameters in the order of their names: SQLAlchemy writes a URL of one host so (the same meaning)
    query=st.sampled_from(["", "?target_session_attrs=read-write", "?connect_timeout=3&target_session_attrs=any"]),
)
@example(listed=["[::1]:5432", "[fd00::2]:5433"], password=None, query="?target_session_attrs=read-write")
@example(listed=["[::1]", "db2"], password=None, query="")
@example(listed=["[::1]:5432"], password="s@cret", query="")
def test_a_host_list_is_given_back_to_libpq_unchanged_and_means_the_same_servers_to_the_engine(
    listed: list[str], password: str | None, query: str
) -> None:
    auth = "mes" if password is None else f"mes:{quote_all(password)}"
    url, elsewhere = (f"postgresql://{auth}@{','.join(listed)}/{database}{query}" for database in ("mes", "other"))
    original = libpq_reads(url)

    assert libpq_url(url) == url  # written as libpq writes it: given back as it came
    assert libpq_reads(libpq_url(url)) == original
    assert libpq_url(libpq_url(url)) == url  # and taken again
    assert libpq_url(url, database="other") == elsewhere

    given_to_libpq = engine_gives_libpq(url)  # what the engine connects with
    assert servers(given_to_libpq) == servers(original)
    assert given_to_libpq.get("password") == original.get("password")
    assert given_to_libpq["user"] == "mes" and given_to_libpq["dbname"] == "mes"
    for key in ("target_session_attrs", "connect_timeout"):
        assert given_to_libpq.get(key) == original.get(key)

    shown = safe_url(url)
    assert shown == url.replace("postgresql://", "postgresql+psycopg://", 1).replace(
        f"{auth}@", "mes@" if password is None else "mes:***@", 1
    )
    parsed = normalise_url(url)
    assert hosts_of(parsed) == (tuple(listed) if len(listed) > 1 else None)


def quote_all(text: str) -> str:
    return quote(text, safe="")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (  # the example
            "postgresql://mes@[::1]:5432,[fd00::2]:5433/mes?target_session_attrs=read-write",
            [("::1", "5432"), ("fd00::2", "5433")],
        ),
        ("postgresql://mes@[::1],db2/mes", [("::1", ""), ("db2", "")]),
        ("postgresql://mes@[::1]:5433/mes", [("::1", "5433")]),
        ("postgresql://mes@10.0.0.1:5432,[::ffff:10.0.0.2]/mes", [("10.0.0.1", "5432"), ("::ffff:10.0.0.2", "")]),
        ("postgresql://mes@[fe80::1%25eth0]:5432,db2/mes", [("fe80::1%eth0", "5432"), ("db2", "")]),  # with a zone
        ("postgresql://mes@db1,db2/mes?port=5433", [("db1", "5433"), ("db2", "5433")]),  # one port for all
    ],
)
def test_ipv6_hosts_reach_libpq_without_their_brackets(url: str, expected: list[tuple[str, str]]) -> None:
    assert servers(engine_gives_libpq(url)) == expected == servers(libpq_reads(url))
    assert servers(libpq_reads(libpq_url(url))) == expected


def test_sqlalchemys_own_host_forms_are_taken_too_and_kept_in_the_comma_form() -> None:
    url = "postgresql+psycopg://mes@/mes?host=db1:5432&host=db2&target_session_attrs=read-write"
    assert libpq_url(url) == "postgresql://mes@db1:5432,db2/mes?target_session_attrs=read-write"
    assert servers(engine_gives_libpq(url)) == [("db1", "5432"), ("db2", "")]
    comma = "postgresql+psycopg://mes@/mes?host=::1,db2&port=5433,"
    assert libpq_url(comma) == "postgresql://mes@[::1]:5433,db2/mes"


def test_a_space_in_a_parameter_is_given_to_libpq_as_a_space() -> None:
    url = "postgresql://mes@db1,db2/mes?application_name=floor%20terminal"
    assert libpq_url(url) == url
    assert libpq_reads(libpq_url(url))["application_name"] == "floor terminal"


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql://mes@::1,db2/mes", "'::1' is not a host with an optional port number (an IPv6 address goes in"),
        ("postgresql://mes@[db1]:5432,db2/mes", "'[db1]:5432' is not a host with an optional port number"),
        ("postgresql://mes@[::1]:x,db2/mes", "'[::1]:x' is not a host with an optional port number"),
        ("postgresql://mes@db1:5432,db2/mes?port=5433", "gives the ports both with the hosts and as port="),
        ("postgresql://mes@db1,db2,db3/mes?port=1,2", "has not one port for every host"),
        ("postgresql+psycopg://mes@/mes?host=[::1]:5432&host=db2:x", "'db2:x' is not a host"),
    ],
)
def test_a_host_list_libpq_would_misread_is_refused_in_one_sentence(url: str, said: str) -> None:
    with pytest.raises(ConfigurationError, match=re.escape(said)):
        make_engine(url)
