"""Casualties: counts by the rules of the language's lexicon, or, for a language without one,
by the model with every number checked against the sentence."""

from __future__ import annotations

import re

from ..articles import Article
from ..errors import ExtractionError
from ..lexicon import CIVILIAN_CAUSES, pattern
from ..normalize.casualties import casualty_counts
from ..normalize.dates import relative_to_published, resolve_date, span_period
from ..normalize.names import find_mentions
from ..normalize.numbers import find_counts
from ..records import Casualty
from .asking import note_failure, record_usage
from .candidates import LEAD_SENTENCES, Candidate, contexts_before, is_title
from .grounding import evidence_for_span
from .passes import Asker
from .result import ExtractionStats
from .rules import cause_kind, cause_of, country_of, scene_places, victims_of
from .sentences import Sentence, split_sentences
from .triage import ask_casualty

__all__ = ["find_casualties"]


def find_casualties(
    article: Article, candidates: list[Candidate], stats: ExtractionStats, language: str, client: Asker | None
) -> list[Casualty]:
    """Casualty records: counts by the rules, or, where the language has no casualty words
    (``client`` given: triage mode), by the model with the numbers checked against the sentence."""
    records: list[tuple[int, Casualty]] = []  # (sentence index, record), in article order
    for candidate in candidates:
        sentence = candidate.sentence
        stats.note_candidate("casualties", sentence.start, sentence.end)
        counts = casualty_counts(sentence.text, language)
        if client is not None and counts.get("killed") is None and counts.get("injured") is None:
            try:
                asked, usage = ask_casualty(client, candidate, language)
            except ExtractionError as exc:
                note_failure(stats, "casualty", candidate, exc)
                continue
            record_usage(stats, usage)
            counts = {**counts, **asked}
        killed, injured = counts.get("killed"), counts.get("injured")
        if killed is None and injured is None:
            continue
        if records and pattern("superseded", language=language).search(sentence.text):
            continue  # "An earlier toll put the dead at 16": the count that replaced it stands
        if _breakdown(sentence.text, language):
            # "126 injured, from Maluku Tengah (108 people), Ambon (13) and Seram (5)": the count
            # outside the brackets; a sentence with none only splits up a toll.
            counts = casualty_counts(re.sub(r"\([^()]*\)", " ", sentence.text), language)
            killed, injured = counts.get("killed"), counts.get("injured")
            if killed is None and injured is None:
                continue
        if records and pattern("subset", language=language).search(sentence.text):
            # "Eight women and seven children were among the dead": a part of the toll given
            # before, no incident of its own; its children counts complete that toll.
            _, latest = records[-1]
            for name in ("children_killed", "children_injured"):
                if getattr(latest, name) is None and counts.get(name) is not None:
                    setattr(latest, name, counts[name])
            continue
        victims = victims_of(sentence.text)
        # The span it counts over ("66 deaths since Monday (29), said Sunday's bulletin" in a May
        # article: 2024, whatever day the figure was given), else its day.
        period = span_period(sentence.text, article.published) or resolve_date(sentence.text, article.published)
        country = country_of(sentence.text)
        record = Casualty.model_validate(
            {
                "killed": killed,
                "injured": injured,
                "qualifier": counts.get("qualifier") or "exact",
                "victims": victims,
                "children_killed": counts.get("children_killed"),
                "children_injured": counts.get("children_injured"),
                "country": country,
                "location": next((m.place for m in scene_places(list(candidate.mentions), sentence.text)), None),
                "period": period,
                "cause": cause_of(sentence.text),
                "evidence": [evidence_for_span(article.text, sentence.start, sentence.end)],
            }
        )
        # "death toll", "bilan", "حصيلة", in the article's own language: a sentence that updates a toll
        _add(records, sentence.index, record, toll=bool(pattern("casualty", language=language).search(sentence.text)))
    sentences = split_sentences(article.text, article.body_start)
    kept = _lead_completed([record for _, record in records], sentences[:LEAD_SENTENCES])
    borrowed: set[int] = set()  # records whose period the scene gave, not their own sentences
    return _without_repeats(_with_scene(kept, candidates, article, sentences, borrowed), article, borrowed)


def _lead_completed(records: list[Casualty], opening: list[Sentence]) -> list[Casualty]:
    """The article's main incident, its first count told in the lead, takes the one count of the
    other kind that a later sentence gives with no scene of its own: "Market bombing kills at
    least 30" ... "About 50 people were also wounded in the blast". A count with a place or a
    date of its own ("In Odesa 6 were injured", "12 were hurt on Monday") is another incident."""
    if not records:
        return records
    lead = records[0]
    if not opening or lead.evidence[0].start >= opening[-1].end:
        return records
    missing = [n for n in ("killed", "injured") if getattr(lead, n) is None]
    if len(missing) != 1:
        return records
    kind = missing[0]
    for record in records[1:]:
        counts = [n for n in ("killed", "injured") if getattr(record, n) is not None]
        if counts != [kind] or record.location is not None or record.period is not None:
            continue
        if not _compatible(lead, record):
            continue
        setattr(lead, kind, getattr(record, kind))
        child = f"children_{kind}"
        if getattr(lead, child) is None:
            setattr(lead, child, getattr(record, child))
        lead.evidence = lead.evidence + record.evidence
        return [r for r in records if r is not record]
    return records


def _without_repeats(records: list[Casualty], article: Article, borrowed: set[int]) -> list[Casualty]:
    """One record for a figure the article repeats (the headline's "bombing kills 30" and the
    body's "killing 30 people"): the same counts, nothing known about them different. A title's
    figure is one the body gives too (its dead, or its injured) whatever the title leaves unsaid
    or its scene guessed: "Toll rises to 3" over "3 dead and 7 injured as of Saturday". Where
    the figure's first telling took its period from the scene (``borrowed``: ids of such
    records) and a repeat gives one of its own ("66 deaths since Monday (29)"), the repeat's
    stands."""
    kept: list[Casualty] = []
    for record in records:
        twin = next(
            (k for k in kept if (k.killed, k.injured) == (record.killed, record.injured) and _compatible(k, record)),
            None,
        )
        if twin is None:
            twin = next((k for k in kept if _same_figure(k, record) and _compatible(k, record, "period")), None)
            if twin is not None:
                for name in ("killed", "injured"):
                    if getattr(twin, name) is None:
                        setattr(twin, name, getattr(record, name))
                if id(twin) in borrowed and id(record) not in borrowed and record.period is not None:
                    twin.period = record.period
                    borrowed.discard(id(twin))
        if twin is None and _in_title(record, article):
            twin = next((k for k in records if k is not record and _restates(record, k)), None)
            if twin is not None:
                twin.evidence = record.evidence + twin.evidence
                continue
        if twin is None:
            kept.append(record)
            continue
        for name in (*_DESCRIBING, "cause"):
            if getattr(twin, name) in (None, "unspecified"):
                setattr(twin, name, getattr(record, name))
        twin.evidence = twin.evidence + record.evidence
    return kept


def _same_figure(a: Casualty, b: Casualty) -> bool:
    """Whether one record's counts are all the other's, one of them a count above one: the
    article repeats a figure ("31 killed and 94 injured" ... "the 31 dead"; "66 deaths" in the
    lead and again in a later update dated otherwise). One death told twice may be two."""
    for small, large in ((a, b), (b, a)):
        given = [(getattr(small, n), getattr(large, n)) for n in ("killed", "injured")]
        given = [(x, y) for x, y in given if x is not None]
        if given and all(x == y for x, y in given) and any(x >= 2 for x, _ in given):
            return True
    return False


def _in_title(record: Casualty, article: Article) -> bool:
    """Whether the record's only quote is the article's title."""
    return len(record.evidence) == 1 and is_title(article, record.evidence[0].start, record.evidence[0].end)


def _restates(title: Casualty, body: Casualty) -> bool:
    """Whether every count the title gives is the body record's own."""
    counts = [(title.killed, body.killed), (title.injured, body.injured)]
    return any(t is not None for t, _ in counts) and all(t is None or t == b for t, b in counts)


def _breakdown(text: str, language: str | None) -> bool:
    """Whether ``text`` splits a toll into parts, each count in brackets ("Maluku Tengah (10
    orang), Kota Ambon (tujuh orang)"): no incident of its own."""
    return sum(1 for inside in re.findall(r"\(([^()]{1,40})\)", text) if find_counts(inside, language)) >= 2


def _with_scene(
    records: list[Casualty],
    candidates: list[Candidate],
    article: Article,
    sentences: list[Sentence],
    borrowed: set[int],
) -> list[Casualty]:
    """Fill what a count's own sentence leaves unsaid from the scene the article (its
    ``sentences``) has set: the cause and date from the sentence before, else from the lead (its
    first two sentences), else the date from a sentence that tells the same cause
    (``_dated_cause``); the place from the lead; victims of a disaster, an accident or a bombing
    are civilians unless the sentence says who they were. ("Rescuers found 12 more bodies" after
    "An earthquake struck Izmir on Friday".) The ids of records whose period the scene gave go
    into ``borrowed``."""
    first_two = [s.text for s in sentences[:2]]
    lead = " ".join(first_two)
    lead_place = next((m.place for text in first_two for m in scene_places(find_mentions(text), text)), None)
    lead_date = resolve_date(lead, article.published)
    before = contexts_before(candidates)
    for record in records:
        context = before.get(record.evidence[0].start, "")
        own = " ".join(e.quote for e in record.evidence)
        kind = cause_kind(own) or cause_kind(context) or cause_kind(lead)
        if record.cause is None and kind is not None:
            record.cause = kind
        if record.period is None:
            record.period = resolve_date(context, article.published) or lead_date
            if record.period is None and kind is not None:
                record.period = _dated_cause(kind, record.location, sentences, article.published)
            if record.period is not None:
                borrowed.add(id(record))
        if record.location is None:
            record.location = lead_place
        struck_a_place = kind in STRIKES and record.location is not None
        if record.victims == "unspecified" and (kind in CIVILIAN_CAUSES or struck_a_place):
            # People a strike killed in a town, with no word of soldiers, are its residents.
            record.victims = "civilians"  # type: ignore[assignment]
    return records


def _dated_cause(kind: str, place: str | None, sentences: list[Sentence], published: str | None) -> str | None:
    """The date of the article's first sentence that tells the same cause with a date no later
    than publication, and no other place than the toll's ``place`` ("De aardbeving van donderdag
    had een magnitude van 6,5", "Пожар произошел в воскресенье"): the day of a toll whose own
    sentence and lead leave it undated."""
    for sentence in sentences:
        if cause_kind(sentence.text) != kind:
            continue
        places = {m.place for m in scene_places(find_mentions(sentence.text), sentence.text)}
        if place is not None and places and place not in places:
            continue  # another crash, somewhere else
        date = resolve_date(sentence.text, published)
        if date is not None and relative_to_published(date, published) <= 0:
            return date
    return None


STRIKES = frozenset({"missile strike", "drone attack", "air strike", "shelling"})
"""Causes that kill soldiers and civilians alike: a count of people they killed in a town is of
civilians unless the sentence names soldiers."""

# A count of the other kind (injured after killed) at most this many sentences after the latest
# incident's count, with no place or date of its own, completes it: "30 were killed. About 50
# were also wounded".
NEIGHBOURS = 2
_DESCRIBING = ("victims", "period", "country", "location")


def _compatible(a: Casualty, b: Casualty, *ignored: str) -> bool:
    """Whether two counts may describe one incident: nothing known about them differs (but the
    fields ``ignored``)."""
    for name in _DESCRIBING:
        if name in ignored:
            continue
        x, y = getattr(a, name), getattr(b, name)
        if x not in (None, "unspecified") and y not in (None, "unspecified") and x != y:
            return False
    return True


def _add(records: list[tuple[int, Casualty]], index: int, new: Casualty, *, toll: bool = False) -> None:
    """Add ``new`` (the counts of sentence ``index``) to ``records``: one record per incident.

    A later count of an incident updates it: a running toll ("rose to 27 dead") replaces the
    earlier figure of its kind, and a figure of the other kind (the injured of the dead counted
    a sentence before) completes it. Counts that differ in victims, date, country or place, or
    that are far apart and not the same figure, are separate incidents. A count more than
    ``NEIGHBOURS`` sentences on updates an earlier one only where its sentence speaks of the
    toll (``toll``: the lexicons' ``casualty`` words, "death toll", "bilan"): "one Palestinian
    was killed" and, paragraphs later, "574 have been killed since the ceasefire" are two figures."""
    for position in range(len(records) - 1, -1, -1):
        at, old = records[position]
        if not _compatible(old, new):
            continue
        same_key = all(getattr(old, n) == getattr(new, n) for n in ("victims", "period", "country"))
        same_key = same_key and (toll or index - at <= NEIGHBOURS)
        updates = any(getattr(old, n) is not None and getattr(new, n) is not None for n in ("killed", "injured"))
        # Completing takes the latest incident, close by, and a count with no place or date of its
        # own that differs: "In Odesa 6 were injured" is another incident.
        own_scene = all(getattr(new, n) in (None, getattr(old, n)) for n in ("location", "period"))
        latest = position == len(records) - 1
        completes = not updates and latest and index - at <= NEIGHBOURS and own_scene
        if not ((same_key and updates) or completes):
            continue
        merged = old.model_copy(deep=True)
        for name in ("killed", "injured", "children_killed", "children_injured"):
            if getattr(new, name) is not None:
                setattr(merged, name, getattr(new, name))
        for name in (*_DESCRIBING, "cause"):
            if getattr(merged, name) in (None, "unspecified"):
                setattr(merged, name, getattr(new, name))
        if updates and new.killed is not None:
            merged.qualifier = new.qualifier
        kept_old = any(getattr(new, n) is None and getattr(old, n) is not None for n in ("killed", "injured"))
        merged.evidence = old.evidence + new.evidence if kept_old else new.evidence
        records[position] = (index, merged)
        return
    records.append((index, new))
