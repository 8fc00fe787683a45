"""The graph page's interface text in Chinese (the default) and English (`?lang=en`)."""
from __future__ import annotations

LANGS = ("zh", "en")

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "社区党建关系图",
        "search": "搜索社区、党组织、共建单位、人物…",
        "search_label": "搜索",
        "hops": "邻域跳数",
        "overview": "回到总览",
        "legend": "图例（勾选类别以显示）",
        "place": "街道 / 区县",
        "all_places": "全部",
        "dates": "活动日期",
        "date_from": "从",
        "date_to": "至",
        "reset": "清除筛选",
        "help": "单击节点查看详情；双击节点展开其邻居；滚轮缩放，拖动平移。",
        "close": "关闭",
        "types": "类别",
        "alt_labels": "别名",
        "codes": "代码",
        "properties": "属性",
        "incoming": "被以下实体引用",
        "sources": "来源与证据",
        "open_article": "原文",
        "no_sources": "暂无来源记录。",
        "loading": "加载中…",
        "error": "出错了：",
        "no_results": "没有找到匹配的实体。",
        "shown": "显示 {shown} / {total} 个节点，{edges} 条关系。",
        "left_out": "因上限 {cap} 未显示：{classes}。",
        "see_more": "搜索实体、按街道或区县筛选，或在网址后加 ?limit=（最多 2000）即可查看更多。",
        "truncated": "邻域超过上限，只显示了前 {n} 个节点。",
        "focus": "以“{label}”为中心，{hops} 跳以内。",
        "offline_card": "离线文件：显示的是导出时的信息。",
        "other_lang": "English",
        "nodes": "节点",
    },
    "en": {
        "title": "Community party-building graph",
        "search": "Search communities, party organizations, partners, people…",
        "search_label": "Search",
        "hops": "Hops",
        "overview": "Back to overview",
        "legend": "Legend (tick classes to show)",
        "place": "Street / district",
        "all_places": "All",
        "dates": "Event dates",
        "date_from": "from",
        "date_to": "to",
        "reset": "Clear filters",
        "help": "Click a node for its card; double-click to expand its neighbours; scroll to zoom, drag to pan.",
        "close": "Close",
        "types": "Classes",
        "alt_labels": "Other names",
        "codes": "Codes",
        "properties": "Properties",
        "incoming": "Referred to by",
        "sources": "Sources and evidence",
        "open_article": "article",
        "no_sources": "No sources recorded.",
        "loading": "Loading…",
        "error": "Something went wrong: ",
        "no_results": "No matching entity.",
        "shown": "Showing {shown} of {total} nodes and {edges} links.",
        "left_out": "Left out by the cap of {cap}: {classes}.",
        "see_more": "Search for an entity, filter by street or district, or add ?limit= (up to 2000) to the address to see more.",
        "truncated": "The neighbourhood is larger than the cap; only the first {n} nodes are shown.",
        "focus": "Centred on “{label}”, within {hops} hops.",
        "offline_card": "Offline file: showing what was known when it was exported.",
        "other_lang": "中文",
        "nodes": "nodes",
    },
}


def page_lang(value: str | None) -> str:
    """The page language for a `lang` parameter: English when asked, else Chinese."""
    return "en" if (value or "").lower().startswith("en") else "zh"


def text(lang: str) -> dict[str, str]:
    """All interface strings in `lang`."""
    return TEXT[page_lang(lang)]
