"""How each entity class looks: colour, vis-network shape, and its Chinese and English names."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClassStyle:
    """The look of one class on the graph page and in Gephi."""

    color: str
    shape: str
    zh: str
    en: str

    def name(self, lang: str = "zh") -> str:
        """The class name in the page's language."""
        return self.en if lang == "en" else self.zh

    def rgb(self) -> tuple[int, int, int]:
        """The colour as red, green, blue (0–255)."""
        h = self.color.lstrip("#")
        return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


# Colours are distinguishable for the common forms of colour blindness (Okabe–Ito and neighbours).
CLASS_STYLES: dict[str, ClassStyle] = {
    "Province": ClassStyle("#4d4d4d", "hexagon", "省", "province"),
    "City": ClassStyle("#666666", "hexagon", "市", "city"),
    "District": ClassStyle("#7f3c8d", "hexagon", "区县", "district"),
    "Zone": ClassStyle("#a05195", "hexagon", "功能区", "zone"),
    "Street": ClassStyle("#0072b2", "square", "街道", "street"),
    "Community": ClassStyle("#56b4e9", "dot", "社区", "community"),
    "ResidentialCompound": ClassStyle("#9ecae1", "dot", "小区", "residential compound"),
    "PartyOrganization": ClassStyle("#d55e00", "star", "党组织", "party organization"),
    "Organization": ClassStyle("#e69f00", "triangle", "共建单位", "partner organization"),
    "Person": ClassStyle("#cc79a7", "ellipse", "人物", "person"),
    "Event": ClassStyle("#009e73", "diamond", "活动", "event"),
    "Program": ClassStyle("#b8a200", "triangleDown", "品牌机制", "program"),
    "Facility": ClassStyle("#8c6d31", "box", "阵地", "facility"),
    "Post": ClassStyle("#c9a3b8", "dot", "职务", "post"),
    "Article": ClassStyle("#999999", "box", "文章", "article"),
}
UNKNOWN_STYLE = ClassStyle("#bbbbbb", "dot", "其他", "other")


def style_of(cls: str) -> ClassStyle:
    """The style of a class, a neutral one for classes without their own."""
    return CLASS_STYLES.get(cls, UNKNOWN_STYLE)
