"""People and posts of an article: who holds which title in which organization (steps of the extraction)."""
from __future__ import annotations

import re

from dangjian.loaders.text import lexicon as lx
from dangjian.loaders.extract.article_state import ArticleState
from dangjian.loaders.extract.mentions import PLACE_CLASSES, Mention, find_units
from dangjian.loaders.articles.model import Entity, Literal
from dangjian.loaders.extract.people import find_people
from dangjian.loaders.extract.resolve import person_entity, unit_entity
from dangjian.loaders.text.text import Sentence, for_matching

SUPPORT_ROLES = {"志愿者", "网格员", "楼道长", "社工"}
GOVERNMENT_HEADS = ("镇长", "乡长", "区长", "县长", "市长", "村长")
PLACE_HEADS = ("书记", "支书", "主任")


def body_name(place: str, body: str) -> str:
    """The name of a place's 居委会/村委会/办事处: 董岭村 + 村委会 = 董岭村委会."""
    if place.endswith("村") and body == "村委会":
        return place + body[1:]
    if place.endswith("街道") and body == "办事处":
        return place + body
    return place + body


class PeopleFacts:
    """Reads people and their posts into the article's state."""

    def __init__(self, state: ArticleState) -> None:
        self.state = state

    def read_people(self, sent: Sentence, units: list[Mention]) -> None:
        """The people a sentence names and the posts it gives them (党委书记王芳: a post of 王芳 in that 党委)."""
        seen = self.state.people_seen
        people, posts = find_people(sent.text, units, offset=sent.start)
        for p in people:
            person = self.state.entity(person_entity(p.name))
            seen[p.name] = person
            self.state.record(person, sent.start + p.start, sent.start + p.end, sent)
        previous: Entity | None = None
        for post in sorted(posts, key=lambda x: x.pos):
            person = seen[post.person.name]
            org = self._post_org(post, units, sent, previous)
            if org is None or post.title in SUPPORT_ROLES:
                continue
            previous = org
            key = f"post/{person.label}/{org.key}/{post.title}"
            entity = self.state.entity(Entity(key, "Post", f"{person.label} {post.title}"))
            self.state.fact(entity, "holder", person, sent)
            self.state.fact(entity, "organization", org, sent)
            self.state.fact(entity, "title", Literal(post.title), sent)

    def _party_named_for(self, place: Entity) -> Entity | None:
        """The party organization of a place that the article names anywhere (东岙村党总支), if any."""
        known = self.state.focus.party.get(place.key)
        if known is not None:
            return known
        for units in self.state.units:
            for unit in units:
                if unit.cls == "PartyOrganization" and unit.parent is not None and not unit.bare \
                        and unit.text == unit.parent.text + unit.suffix and self.state.resolve(unit.parent) is place:
                    return self.state.resolve(unit)
        return None

    def _host_of(self, org: Entity) -> Entity | None:
        for f in self.state.out.facts:
            if f.s == org.key and f.p == "hostUnit":
                return self.state.out.entities.get(f.o)
        return None

    def _post_org(self, post, units: list[Mention], sent: Sentence, previous: Entity | None) -> Entity | None:
        """The organization a post is held in: the unit before the title, or the one the title implies."""
        title = post.title
        unit = None
        if post.org is not None:
            unit = next((u for u in units if u.start == post.org.start and u.cls == post.org.cls), None)
        entity = self.state.resolve(unit) if unit is not None else None
        if entity is not None and entity.cls in ("PartyOrganization", "Organization"):
            return entity
        place = entity if entity is not None and entity.cls in PLACE_CLASSES else None
        if place is None and previous is not None:
            place = previous if previous.cls in PLACE_CLASSES else self._host_of(previous)
        if place is None:
            place = self.state.recent_unit("Community") or self.state.focus.community or self.state.focus.street
        if post.org_word in lx.ORGAN_PARTY_WORDS:
            body = previous if previous is not None and previous.cls == "Organization" else None
            # 县城管局副局长、机关党委书记: the committee of the body named in the title before
            if body is None:
                return None
            committee = self.state.entity(unit_entity("PartyOrganization", body.label + post.org_word, body))
            self.state.fact(committee, "hostUnit", body, sent)
            return committee
        if post.org_word:
            if place is None or place.cls not in PLACE_CLASSES:
                return None
            if post.org_word in lx.PARTY_WORDS:
                word = "党工委" if place.cls == "Street" and post.org_word == "党委" and "党工委" in title else post.org_word
                return self.state.entity(unit_entity("PartyOrganization", place.label + word, place))
            return self.state.entity(unit_entity("Organization", body_name(place.label, post.org_word)))
        if title.endswith(GOVERNMENT_HEADS) and place is not None and place.cls in PLACE_CLASSES:
            return place  # 刘家台乡乡长: the text names the township, not its government
        if title == "第一书记" and place is not None and place.cls in PLACE_CLASSES:
            return self._party_named_for(place) or place  # 驻村第一书记: the village's, when no committee is named
        if entity is not None and entity.cls == "Community" and title.endswith(PLACE_HEADS):
            return entity  # 村支书, 社区书记, 村主任: a post on the community when no committee or body is named
        unnamed = self.state.norm[max(0, sent.start + post.pos - 3):sent.start + post.pos] == "党组织"
        if unnamed and unit is None and place is not None and place.cls == "Community" and title.endswith("书记"):
            return place  # 王爷陵村…党组织书记马立朋: the village's party organization, not named
        if previous is not None and unit is None:
            if title.endswith(("书记", "委员")) and previous.cls == "PartyOrganization":
                return previous
            host = self._host_of(previous)
            if host is not None and host.cls == "Organization":
                return host
            if title.endswith("主任") and place is not None and place.cls == "Community":
                return self.state.entity(unit_entity("Organization", body_name(place.label, "居委会" if place.label.endswith("社区") else "村委会")))
        return None

    def mention_known_people(self) -> None:
        """Every other place a known name stands in the article (家住3楼的张凤 after 张凤说)."""
        recorded = {(m.key, m.span.start) for m in self.state.out.mentions}
        for name, person in self.state.people_seen.items():
            # str.find, not a regex per name: a pattern per name would crowd the module patterns out of re's cache
            at = self.state.norm.find(name)
            while at >= 0:
                if (person.key, at) not in recorded:
                    sent = next((s for s in self.state.sentences if s.start <= at < s.end), None)
                    if sent is not None:
                        self.state.record(person, at, at + len(name), sent)
                at = self.state.norm.find(name, at + len(name))

    def read_byline(self) -> None:
        """The page's authors and credited people, and its media and byline units as organizations (来源:哈尔滨日报,
        天水日报记者)."""
        article = self.state.article
        for name in article.authors + article.credits:
            self.state.entity(person_entity(name))
        for name in article.media:
            self.state.entity(unit_entity("Organization", name))
        for unit_name in article.byline_units:
            if _written_short(unit_name, self.state.norm):
                continue  # 来源:番禺区妇联 over a text that says 区妇联: the body's mention names it
            units = find_units(for_matching(unit_name))
            if units and units[-1].text == unit_name and units[-1].cls == "Organization":
                self.state.entity(unit_entity("Organization", unit_name))


def _written_short(unit_name: str, text: str) -> bool:
    """Whether the text writes a credited unit by its level only (`区妇联` for `番禺区妇联`)."""
    short = re.sub(r"^[^区市县州]{1,6}?(?=[区市县州])", "", unit_name)
    return short != unit_name and short in text
