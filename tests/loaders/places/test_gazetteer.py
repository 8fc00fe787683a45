"""Tests of the gazetteer: parent chains, codes, homonyms told apart by context, zones, the cached index."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dangjian.loaders.places.gazetteer import Gazetteer, Place, get_gazetteer
from dangjian.loaders.places.gazetteer_index import build_index, ensure_index, index_name

# A tiny source in jionlp's layout: tab depth gives the level; CRLF line ends as jionlp ships them.
TINY_SOURCE = "\r\n".join(
    [
        "北京市\t110000\t北京",
        "\t北京市\t110000\t北京",
        "\t\t海淀区\t110108\t海淀",
        "\t\t\t学院路街道",
        "\t\t\t\t展春园社区",
        "\t\t\t\t展春园社区",
        "\t\t\t开发区",
        "\t\t\t\t上地社区",
        "湖北省\t420000\t湖北",
        "\t省直辖行政区划\t429000\t省直辖",
        "\t\t仙桃市\t429004\t仙桃",
        "\t\t\t干河街道",
        "\t\t\t\t交通路社区",
        "\t\t\t\t儿童医院",
    ]
)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return get_gazetteer()


@pytest.fixture
def tiny_source(tmp_path: Path) -> Path:
    source = tmp_path / "china_location.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("china_location.txt", TINY_SOURCE.encode("utf-8"))
    return source


def names(place: Place | None) -> list[str]:
    assert place is not None
    return [p.name for p in place.chain()]


def test_gazetteer_resolves_yuanhe_street_in_suzhou_from_context(gazetteer):
    place = gazetteer.resolve("元和街道", "Street", ["相城区", "苏州市"])
    assert names(place) == ["元和街道", "相城区", "苏州市", "江苏省"]
    assert [p.level for p in place.chain()] == ["Street", "District", "City", "Province"]
    assert [p.code for p in place.chain()] == [None, "320507", "320500", "320000"]
    assert place.key == "320507/元和街道"


def test_gazetteer_resolves_yuanhe_street_in_zhejiang_from_context(gazetteer):
    place = gazetteer.resolve("元和街道", "Street", ["浙江省"])
    assert names(place)[-1] == "浙江省"
    assert gazetteer.resolve("元和街道", None, ["丽水市"]) == place


def test_gazetteer_leaves_homonym_unresolved_without_context(gazetteer):
    assert len(gazetteer.candidates("元和街道")) == 2
    assert gazetteer.resolve("元和街道", "Street", []) is None


def test_gazetteer_places_xiajiaqiao_under_loufeng_and_industrial_park(gazetteer):
    assert len(gazetteer.candidates("夏家桥社区")) > 1
    for context in (["苏州工业园区"], ["娄葑街道"], ["苏州市"]):
        place = gazetteer.resolve("夏家桥社区", "Community", context)
        assert names(place) == ["夏家桥社区", "娄葑街道", "苏州工业园区", "苏州市", "江苏省"]
    assert place.parent.parent.code == "320571"


def test_gazetteer_fumin_community_resolves_only_where_the_data_has_it(gazetteer):
    fumin = gazetteer.candidates("富民社区", "Community")
    assert len(fumin) > 50
    # The data has no 富民社区 under 元和街道: a context there must not pick another city's one.
    assert not any(p.parent.name == "元和街道" for p in fumin)
    assert gazetteer.resolve("富民社区", "Community", ["元和街道", "相城区", "苏州市"]) is None
    # Where the context names a street that does have one, that one is picked.
    street_names = [p.parent.name for p in fumin]
    target = next(p for p in fumin if street_names.count(p.parent.name) == 1 and p.parent.parent.code)
    context = [target.parent.name, target.parent.parent.name]
    assert gazetteer.resolve("富民社区", "Community", context) == target


def test_gazetteer_context_homonyms_do_not_outvote_the_page(gazetteer):
    # 双塔街道 also exists in a city that has a 富民社区; the rest of the context says 苏州.
    fumin_cities = {p.path[:2] for p in gazetteer.candidates("富民社区")}
    assert any(p.path[:2] in fumin_cities for p in gazetteer.candidates("双塔街道"))
    assert gazetteer.resolve("富民社区", "Community", ["双塔街道", "姑苏区", "苏州市"]) is None
    assert names(gazetteer.resolve("双塔街道", "Street", ["双塔街道", "姑苏区", "苏州市"]))[1] == "姑苏区"


def test_gazetteer_query_and_context_settle_each_other(gazetteer):
    assert len(gazetteer.candidates("朱巷社区")) > 1
    assert names(gazetteer.resolve("元和街道", "Street", ["朱巷社区"]))[1] == "相城区"


def test_gazetteer_zone_short_and_full_forms_are_one_record(gazetteer):
    short, full = gazetteer.candidates("相城高新区"), gazetteer.candidates("相城高新技术产业开发区")
    assert short == full and len(short) == 1
    zone = short[0]
    assert zone.level == "Zone" and "相城高新区" in zone.aliases
    assert names(zone)[1:] == ["相城区", "苏州市", "江苏省"]
    assert gazetteer.candidates("相经开") == gazetteer.candidates("相城经开区") == gazetteer.candidates("相城经济技术开发区")


def test_gazetteer_zone_listed_by_the_gazetteer_keeps_its_code(gazetteer):
    (park,) = gazetteer.candidates("苏州工业园区")
    assert park.level == "Zone" and park.code == "320571"
    assert gazetteer.candidates("苏州工业园") == [park]
    assert park in gazetteer.candidates("苏州工业园区", "District")


def test_gazetteer_zone_in_context_counts_for_its_district_and_streets(gazetteer):
    assert names(gazetteer.resolve("元和街道", None, ["相城高新区"]))[1] == "相城区"
    assert names(gazetteer.resolve("蠡口社区", None, ["相城高新区"]))[1] == "元和街道"


def test_gazetteer_unlisted_zone_gets_both_forms_under_its_district(gazetteer):
    short, full = gazetteer.candidates("昆山综保区"), gazetteer.candidates("昆山综合保税区")
    assert short == full and len(short) == 1
    assert short[0].name == "昆山综合保税区" and "昆山综保区" in short[0].aliases
    assert short[0].parent.name == "昆山市"


def test_gazetteer_unknown_name_has_no_candidates(gazetteer):
    assert gazetteer.candidates("不存在的地方") == []
    assert gazetteer.resolve("不存在的地方", None, ["苏州市"]) is None
    assert not gazetteer.is_known("不存在的地方")
    assert not gazetteer.is_known("推进社区")
    assert not gazetteer.is_known("") and not gazetteer.is_known("市")


def test_gazetteer_unique_community_contradicted_by_context_is_not_linked(gazetteer):
    assert names(gazetteer.resolve("蠡口社区", "Community", []))[1] == "元和街道"
    assert gazetteer.resolve("蠡口社区", "Community", ["浙江省"]) is None
    assert gazetteer.resolve("苏州市", "City", ["浙江省"]).code == "320500"


def test_gazetteer_accepts_committee_suffixes_and_short_forms(gazetteer):
    assert gazetteer.candidates("蠡口社区居委会") == gazetteer.candidates("蠡口社区")
    assert gazetteer.candidates("蠡口社区居民委员会") == gazetteer.candidates("蠡口社区")
    assert gazetteer.candidates("双塔街道办事处") == gazetteer.candidates("双塔街道")
    village = next(p for p in gazetteer.candidates("华亭村") if p.parent.name == "华亭镇")
    assert village in gazetteer.candidates("华亭村村民委员会")
    assert village in gazetteer.candidates("华亭村委会")
    assert [p.name for p in gazetteer.candidates("苏州")] == ["苏州市"]
    assert [p.name for p in gazetteer.candidates("江苏")] == ["江苏省"]
    assert gazetteer.candidates(" 苏州 市 ") == gazetteer.candidates("苏州市")


def test_gazetteer_counts_candidates_without_loading_them(gazetteer):
    for name, level in [("元和街道", None), ("富民社区", None), ("富民社区", "Community"), ("苏州", "City"), ("无此地名", None)]:
        assert gazetteer.count(name, level) == len(gazetteer.candidates(name, level))


def test_gazetteer_is_known_at_every_level(gazetteer):
    for name in ["江苏省", "苏州市", "姑苏区", "双塔街道", "锦帆路社区", "相城高新区", "金阊街道"]:
        assert gazetteer.is_known(name), name


def test_gazetteer_municipality_districts_hang_on_the_province(gazetteer):
    (jiading,) = gazetteer.candidates("嘉定区")
    assert names(jiading) == ["嘉定区", "上海市"]
    assert jiading.parent.level == "Province"


def test_gazetteer_level_filter_and_bad_level(gazetteer):
    assert gazetteer.candidates("苏州", "Province") == []
    assert [p.level for p in gazetteer.candidates("江苏", "Province")] == ["Province"]
    with pytest.raises(ValueError, match="unknown level"):
        gazetteer.candidates("苏州", "Town")


def test_gazetteer_keys_are_unique_per_place(gazetteer):
    places = gazetteer.candidates("富民社区") + gazetteer.candidates("双塔街道") + gazetteer.candidates("鼓楼区")
    assert len({p.key for p in places}) == len(places)


def test_gazetteer_index_is_rebuilt_when_deleted(tiny_source, tmp_path):
    path = ensure_index(tiny_source, tmp_path / "cache")
    assert path.name == index_name(tiny_source)
    path.unlink()
    assert ensure_index(tiny_source, tmp_path / "cache") == path and path.exists()
    assert [p.name for p in Gazetteer(path).candidates("展春园社区")[0].chain()] == [
        "展春园社区", "学院路街道", "海淀区", "北京市"
    ]
    assert not list((tmp_path / "cache").glob("*.tmp"))


def test_gazetteer_reports_its_source(gazetteer):
    about = gazetteer.about()
    assert about["source"].startswith("jionlp ") and about["source"].endswith("china_location.zip")
    assert int(about["places"]) > 600_000


def test_gazetteer_index_of_another_version_is_removed(tiny_source, tmp_path):
    old = tmp_path / "cache" / "gazetteer-f0-jionlp0.0-1.sqlite"
    old.parent.mkdir()
    old.write_bytes(b"")
    ensure_index(tiny_source, tmp_path / "cache")
    assert not old.exists()


def test_gazetteer_index_skips_placeholders_and_merges_repeats(tiny_source, tmp_path):
    build_index(tiny_source, tmp_path / "tiny.sqlite")
    tiny = Gazetteer(tmp_path / "tiny.sqlite")
    assert len(tiny.candidates("展春园社区")) == 1
    assert [p.name for p in tiny.candidates("交通路社区")[0].chain()] == ["交通路社区", "干河街道", "仙桃市", "湖北省"]
    assert [p.name for p in tiny.candidates("上地社区")[0].chain()] == ["上地社区", "海淀区", "北京市"]
    assert tiny.candidates("开发区") == [] and tiny.candidates("儿童医院") == []
    assert sorted(tiny.names("Community")) == ["上地社区", "交通路社区", "展春园社区"]


def test_gazetteer_prints_nothing_and_never_imports_jionlp():
    code = (
        "import sys\n"
        "from dangjian.loaders.places.gazetteer import get_gazetteer\n"
        "assert get_gazetteer().resolve('元和街道', None, ['相城区']) is not None\n"
        "sys.exit('jionlp' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""


def _resolve_in_child(name: str) -> str | None:
    place = get_gazetteer().resolve(name, None, ["相城区"])
    return place.key if place else None


def test_gazetteer_works_in_forked_workers(gazetteer):
    expected = gazetteer.resolve("元和街道", None, ["相城区"]).key
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.map(_resolve_in_child, ["元和街道"]) == [expected]


def _build_in_child(args: tuple[str, str]) -> str:
    return str(ensure_index(Path(args[0]), Path(args[1])))


def test_gazetteer_index_built_by_concurrent_processes_is_whole(tiny_source, tmp_path):
    cache = tmp_path / "cache"
    with multiprocessing.get_context("fork").Pool(3) as pool:
        paths = pool.map(_build_in_child, [(str(tiny_source), str(cache))] * 3)
    assert len(set(paths)) == 1
    assert [p.name for p in Gazetteer(Path(paths[0])).candidates("交通路社区")] == ["交通路社区"]
    assert not list(cache.glob("*.tmp"))


def test_gazetteer_index_falls_back_to_the_temporary_directory(monkeypatch, tmp_path):
    from dangjian.loaders.places import gazetteer_index
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    monkeypatch.setattr(gazetteer_index.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    path = gazetteer_index.ensure_index()
    assert path.exists() and str(path).startswith(str(tmp_path / "tmp"))
