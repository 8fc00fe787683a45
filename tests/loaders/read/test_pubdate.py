"""Publication dates from metadata values to ISO strings."""
from __future__ import annotations

import datetime as dt

import pytest

from dangjian.loaders.html.pubdate import normalize_date


@pytest.mark.parametrize("value, expected", [
    ("2023年7月20日", "2023-07-20"),
    ("2023年07月20日 08:30", "2023-07-20"),
    ("2023/7/20", "2023-07-20"),
    ("2023.07.20", "2023-07-20"),
    ("2023-07-20T08:00", "2023-07-20"),
    ("2023-07-20T23:30:00Z", "2023-07-20"),
    ("20230720", "2023-07-20"),
    ("发布时间：2023-07-20 来源：苏州日报", "2023-07-20"),
    ("２０２３年７月２０日", "2023-07-20"),
    ("2023年7月", "2023-07"),
    ("2023-07", "2023-07"),
    ("2023", "2023"),
    ("2023年", "2023"),
    (dt.date(2023, 7, 20), "2023-07-20"),
    (dt.datetime(2023, 7, 20, 8, 0), "2023-07-20"),
    (2023, "2023"),
    (1689811200, "2023-07-20"),
    (1689811200000, "2023-07-20"),
])
def test_pubdate_normalizes_common_forms(value, expected):
    assert normalize_date(value) == expected


@pytest.mark.parametrize("value", ["近日", "2023年13月40日x", "2023-02-30", "电话 12345678", "", None, True, "99999"])
def test_pubdate_returns_none_without_a_real_date(value):
    assert normalize_date(value) is None
