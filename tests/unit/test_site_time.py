"""`domain.clock.site_time`: one instant, written as the site's wall clock, in winter and in summer."""

from __future__ import annotations

from datetime import UTC, datetime

from mes_terminal.domain.clock import from_site_wall_clock, site_time, site_wall_clock

WINTER = datetime(2026, 12, 7, 23, 26, tzinfo=UTC)
SUMMER = datetime(2026, 7, 1, 22, 5, 9, tzinfo=UTC)


def test_an_instant_is_written_in_the_sites_zone_whatever_the_style() -> None:
    assert site_time(WINTER, "Europe/Berlin") == "2026-12-08 00:26"
    assert site_time(WINTER, "Europe/Berlin", "day_time") == "08.12. 00:26"
    assert site_time(WINTER, "Europe/Berlin", "week_time") == "Tue 08 00:26"  # the next day in Berlin
    assert site_time(WINTER, "Europe/Berlin", "zoned") == "2026-12-08 00:26 CET"
    assert site_time(SUMMER, "Europe/Berlin", "clock") == "00:05:09"
    assert site_time(SUMMER, "Europe/Berlin", "zoned_seconds") == "2026-07-02 00:05:09 CEST"
    assert site_time(WINTER.replace(tzinfo=None), "Europe/Berlin", "time") == "00:26"  # naive: UTC


def test_a_typed_wall_clock_time_names_the_instant_it_was_read_from() -> None:
    for moment in (WINTER, SUMMER):
        assert from_site_wall_clock(site_wall_clock(moment, "Europe/Berlin"), "Europe/Berlin") == moment
