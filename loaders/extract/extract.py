"""Extract one article's entities and facts: named steps run in order over one `ArticleState`.

The order is the two tuples below, as spaCy runs named components over a `Doc`: `STEPS` over the article, one
of which (`read_sentences`) runs `SENTENCE_STEPS` over each sentence in turn. A step that fails raises `StepFailed`
naming itself, the article and the sentence; the load adds the file and line.

    >>> [step.__name__ for step in SENTENCE_STEPS]
    ['read_units', 'read_people', 'read_events', 'read_partners_acting', 'read_cobuilding']
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dangjian.loaders.articles.model import ArticleFacts
from dangjian.loaders.articles.segment import Article
from dangjian.loaders.extract.article_state import ArticleState
from dangjian.loaders.extract.facts_cobuilding import CobuildingFacts
from dangjian.loaders.extract.facts_events import EventFacts
from dangjian.loaders.extract.facts_people import PeopleFacts
from dangjian.loaders.extract.facts_units import UnitFacts
from dangjian.loaders.extract.mentions import PLACE_CLASSES, Mention, find_units
from dangjian.loaders.extract.resolve import Resolver
from dangjian.loaders.text.text import Sentence, for_matching, split_sentences
from dangjian.ontology.errors import DangjianError


class StepFailed(DangjianError, RuntimeError):
    """An extraction step raised: names the step, the article and the sentence, with the cause chained."""

    def __init__(self, step: str, where: str, cause: BaseException) -> None:
        super().__init__(f"step {step} failed on {where} ({type(cause).__name__}: {cause})")
        self.step = step


@dataclass
class Extraction:
    """One article's state and the readers whose steps fill it."""
    state: ArticleState
    units: UnitFacts
    people: PeopleFacts
    events: EventFacts
    cobuilding: CobuildingFacts

    @classmethod
    def of(cls, article: Article, resolver: Resolver, *, date: str | None, scope: str,
           read: tuple[list[Sentence], list[list[Mention]]] | None = None) -> Extraction:
        norm = for_matching(article.text)
        sentences, units = read or read_units_of(norm)
        state = ArticleState(article, resolver, date, scope, norm, ArticleFacts(article, article.text, date=date),
                             sentences, units)
        cobuilding = CobuildingFacts(state)
        return cls(state, UnitFacts(state), PeopleFacts(state), EventFacts(state, cobuilding), cobuilding)


SentenceStep = Callable[[Extraction, Sentence, list[Mention]], None]
Step = Callable[[Extraction], None]

# -- steps over one sentence ------------------------------------------------------------------


def read_units(x: Extraction, sent: Sentence, units: list[Mention]) -> None:
    """Each unit the sentence names, resolved, and the partOf and hostUnit facts of their chains."""
    x.units.read_sentence(sent, units)


def read_people(x: Extraction, sent: Sentence, units: list[Mention]) -> None:
    """People and their posts."""
    x.people.read_people(sent, units)


def read_events(x: Extraction, sent: Sentence, units: list[Mention]) -> None:
    """Events with their organizers, partners, venue, date and audience; action branches; programs."""
    events = x.events.read_events(sent, units)
    x.events.read_branches(sent)
    x.events.read_programs(sent, [(e.start, e.end) for e in events])


def read_partners_acting(x: Extraction, sent: Sentence, units: list[Mention]) -> None:
    """Co-building units acting with the article's unit (共建单位X走进社区)."""
    x.cobuilding.read_partners_acting(sent, units)


def read_cobuilding(x: Extraction, sent: Sentence, units: list[Mention]) -> None:
    """Co-building stated between units: pairs, 共建单位 lists, 报到, alliance members."""
    x.cobuilding.read_cobuilding(sent, units)


SENTENCE_STEPS: tuple[SentenceStep, ...] = (read_units, read_people, read_events, read_partners_acting, read_cobuilding)

# -- steps over the article -------------------------------------------------------------------


def find_focus(x: Extraction) -> None:
    """The community, street and unit the article is about, from its title and lead."""
    x.units.find_focus()


def spread_list_parents(x: Extraction) -> None:
    """The container of a list's first place holds the rest (元和街道蠡口社区、建元社区)."""
    x.units.spread_list_parents()


def read_sentences(x: Extraction) -> None:
    """`SENTENCE_STEPS` over each sentence, in order."""
    run_sentence_steps(x, SENTENCE_STEPS)


def finish_joins(x: Extraction) -> None:
    """Units that joined an alliance or a co-building body named elsewhere in the article."""
    x.cobuilding.finish_joins()


def finish_signings(x: Extraction) -> None:
    """Agreements signed between the units of a signing."""
    x.cobuilding.finish_signings()


def mention_known_people(x: Extraction) -> None:
    """Every other place a person already read is named."""
    x.people.mention_known_people()


def merge_short_forms(x: Extraction) -> None:
    """Short forms and abbreviations merged into the one full name they stand for."""
    x.units.merge_short_forms()


def place_in_title_street(x: Extraction) -> None:
    """A title naming one street places the article's unplaced communities in it."""
    x.units.place_in_title_street()


def place_by_gazetteer(x: Extraction) -> None:
    """Two named places, one inside the other by the gazetteer: partOf, said where the inner one is named."""
    x.units.place_by_gazetteer()


def read_byline(x: Extraction) -> None:
    """Authors, credited people, media and byline units."""
    x.people.read_byline()


STEPS: tuple[Step, ...] = (find_focus, spread_list_parents, read_sentences, finish_joins, finish_signings,
                           mention_known_people, merge_short_forms, place_in_title_street, place_by_gazetteer,
                           read_byline)


def _where(x: Extraction, sent: Sentence | None = None) -> str:
    title = x.state.article.title or x.state.norm[:20]
    at = "" if sent is None else f", sentence at character {sent.start}"
    return f"article {title!r}{at}"


def run_sentence_steps(x: Extraction, steps: Iterable[SentenceStep]) -> None:
    """Each step over each sentence, sentence by sentence (a later sentence's step sees what earlier ones read)."""
    steps = tuple(steps)
    for sent, units in zip(x.state.sentences, x.state.units):
        for step in steps:
            try:
                step(x, sent, units)
            except Exception as error:
                raise StepFailed(step.__name__, _where(x, sent), error) from error


def run_steps(x: Extraction, steps: Iterable[Step] = STEPS) -> ArticleFacts:
    """Run the steps in order over one article; its facts."""
    for step in steps:
        try:
            step(x)
        except StepFailed:
            raise
        except Exception as error:
            raise StepFailed(step.__name__, _where(x), error) from error
    return x.state.out


def read_units_of(norm: str) -> tuple[list[Sentence], list[list[Mention]]]:
    """The sentences of a (normalized) text and the units each names, with offsets into the text."""
    sentences = split_sentences(norm)
    units = []
    for s in sentences:
        found = find_units(s.text)
        for u in found:
            u.start += s.start
            u.end += s.start
        units.append(found)
    return sentences, units


def extract_articles(articles: list[Article], *, date: str | None, scope_of: Callable[[Article], str],
                     steps: Iterable[Step] = STEPS) -> tuple[list[ArticleFacts], Resolver]:
    """Extract every article of one page, with the page's places as the gazetteer's context."""
    steps = tuple(steps)
    context: list[str] = []
    read = []
    for article in articles:
        read.append(read_units_of(for_matching(article.text)))
        context.extend(u.text for units in read[-1][1] for u in units if u.cls in PLACE_CLASSES and not u.bare)
        context.extend(article.byline_units)
    resolver = Resolver(context)
    results = [run_steps(Extraction.of(a, resolver, date=date, scope=scope_of(a), read=r), steps)
               for a, r in zip(articles, read)]
    return results, resolver
