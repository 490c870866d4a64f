"""Waktu texts as the seed writes them, parsed to minutes; '1 hari' is a working day."""

from __future__ import annotations

import pytest

from sopgen.model.durations import DurationError, format_minutes, parse_duration, total_by_unit


@pytest.mark.parametrize(
    ("text", "minutes", "label"),
    [
        ("5 Menit", 5, "5 Menit"),
        ("30 detik", 0.5, "30 Detik"),  # quick checks are timed in seconds
        ("45 dtk", 0.75, "45 Detik"),
        ("10 menit", 10, "10 Menit"),
        ("1 jam", 60, "1 Jam"),
        ("1,5 jam", 90, "1,5 Jam"),
        ("1 hari", 450, "1 Hari"),  # 37.5 working hours a week / 5 days
        ("2 hari kerja", 900, "2 Hari"),
        ("1 minggu", 2250, "1 Minggu"),
        ("1 bulan", 9900, "1 Bulan"),  # 22 working days
        ("2 bln", 19800, "2 Bulan"),
        # the short forms officers type: printed as the whole word, and added up
        ("2 hr", 900, "2 Hari"),
        ("3 hr kerja", 1350, "3 Hari"),
        ("1 jm", 60, "1 Jam"),
        ("1 mgg", 2250, "1 Minggu"),
        ("1-2 bulan", 9900, "1 - 2 Bulan"),
    ],
)
def test_parse(text, minutes, label):
    duration = parse_duration(text)
    assert duration.minutes == minutes
    assert duration.label == label


def test_a_working_day_is_configurable():
    assert parse_duration("1 hari", minutes_per_day=480).minutes == 480


def test_working_days_in_a_month_are_configurable():
    assert parse_duration("1 bulan", 450, 5, days_per_month=20).minutes == 9000
    assert [d.label for d in total_by_unit([parse_duration("1 bulan")] * 3)] == ["3 Bulan"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sepuluh menit", "waktu 'sepuluh menit' tidak dapat dibaca"),
        (
            "5 tahun",
            "satuan waktu 'tahun' tidak dikenal; pakai salah satu: detik, menit, jam, hari, "
            "minggu, bulan",
        ),
        ("0 menit", "waktu '0 menit' harus lebih dari nol"),
    ],
)
def test_unreadable(text, message):
    with pytest.raises(DurationError) as caught:
        parse_duration(text)
    assert str(caught.value).startswith(message)


def test_seconds_add_up_with_minutes():
    durations = [parse_duration(t) for t in ("30 detik", "1 menit", "45 detik")]
    assert [d.label for d in total_by_unit(durations)] == ["75 Detik", "1 Menit"]
    assert format_minutes(sum(d.minutes for d in durations)) == "2 Menit 15 Detik"


def test_totals():
    durations = [parse_duration(t) for t in ("5 Menit", "1 jam", "30 menit", "1 hari")]
    assert sum(d.minutes for d in durations) == 545
    assert format_minutes(545) == "1 Hari 1 Jam 35 Menit"
    assert [d.label for d in total_by_unit(durations)] == ["35 Menit", "1 Jam", "1 Hari"]
