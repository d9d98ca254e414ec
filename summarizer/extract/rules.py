"""What code decides from the quote itself: modality, format, aggregates, outcomes, victims.

The status and format words, the words of a count of meetings ("met six times", "più volte",
"多次") and of more people at one ("also attended") are lexicon data
(``summarizer/lexicon/<code>.json``); the rest are multilingual stems (ru, uk, bg, en, de, pl, fr)
still written here. These are general rules of how news text says things,
not facts of any article.
"""

from __future__ import annotations

import re

from ..lexicon import cause_patterns, pattern, times_pattern
from ..normalize.names import Mention, find_mentions
from ..normalize.tense import clauses
from ..normalize.text import any_of

__all__ = [
    "ALSO_PRESENT",
    "SEQUEL",
    "TITLE_OF",
    "cause_kind",
    "cause_of",
    "country_of",
    "format_from_text",
    "is_aggregate",
    "outcome_of",
    "place_of",
    "scene_places",
    "qualifies_other",
    "status_from_text",
    "topics_of",
    "victims_of",
]


# The words before a name that make it a qualifier of someone else, not an actor:
# "посланник президента США <Трампа>", "зять <Трампа>", "envoy of President <Trump>".
TITLE_OF = re.compile(
    r"(?:посланник\w*|посланц\w*|посланець\w*|посланик\w*|спецпосланник\w*|спецпосланець\w*|спецпредставител\w*"
    r"|спецпредставник\w*|представител\w*|представник\w*|зят\w*|зет\w*|администраци\w*|адміністраці\w*"
    r"|пресс-секретар\w*|прес-секретар\w*|советник\w*|радник\w*|помощник\w*|пратеник\w*|спецпратеник\w*"
    r"|говорител\w*|съветник\w*|envoy(?: of)?|son-in-law(?: of)?|advis[eo]r(?: to| of)?|spokes\w+(?: for| of)?"
    r"|administration(?: of)?|Gesandte\w*(?: von)?|Berater\w*(?: von)?|план\w*|plan(?: of)?|Schwiegersohn(?: von)?|wysłannik\w*|zięć)"
    r"\s+(?:(?:на\s+|of\s+|the\s+)?(?:\w{2,3}-)?(?:президент\w*|глав\w*|лидер\w*|лідер\w*|премьер\w*|прем'єр\w*|ръководител\w*"
    r"|president|leader|Präsident\w*|prezydent\w*)\s+)?"
    r"(?:(?:на\s+|of\s+|the\s+)?(?:США|РФ|рф|России|Росії|Украины|України|САЩ|Русия|Украйна|US|U\.S\.|Russia|Ukraine"
    r"|Белия дом|Белого дома|Білого дому|the White House|der USA|USA)\s+)?$",
    re.IGNORECASE,
)

# Status and format words, per language: the lexicon files' ``cancelled``, ``not_planned``,
# ``possible``, ``phone`` and ``video``.
_CANCELLED = pattern("cancelled")
_MEETING = pattern("meeting")
_NOT_PLANNED = pattern("not_planned")
_POSSIBLE = pattern("possible")
_PHONE = pattern("phone")
_VIDEO = pattern("video")
_AGGREGATE = times_pattern()  # "met six times", "più volte", "多次": the lexicons' times words
_NO_BREAKTHROUGH = any_of(
    r"(?:не|ні|без|no|not|kein|nie|pas)\W+(?:\w+\W+){0,4}(?:прорыв|прорив|пробив|breakthrough|durchbruch|przełom|percée)",
    r"(?:прорыв|прорив|пробив|breakthrough)\W+(?:\w+\W+){0,3}(?:не|ні|not|failed)",
)  # fmt: skip
_NO_COMPROMISE = any_of(r"(?:не|ні|no|not|kein|nie)\W+(?:\w+\W+){0,5}(?:компромис|compromise|kompromis)")
_CONSTRUCTIVE = any_of(r"конструктивн", r"constructive", r"konstruktiv")
_PRODUCTIVE = any_of(r"продуктивн", r"productive", r"produktiv")
_PROGRESS = any_of(r"прогресс|прогрес|напредък|progress|fortschritt|postęp")

TOPICS: list[tuple[re.Pattern[str], str]] = [
    (any_of(r"гаранти\w* безопасност", r"гаранті\w* безпеки", r"гаранци\w* за сигурност", r"security guarantee",
         r"sicherheitsgarantie"), "security guarantees"),
    (any_of(r"мирн\w* (?:план|соглашен|договор)", r"мирн\w* (?:план|угод)", r"мирн\w* план", r"peace (?:plan|deal|agreement)",
         r"рамков\w* (?:план|угод)", r"plan(?:u)? pokojow", r"Friedensplan"), "peace plan"),
    (any_of(r"экономическ\w* сотруднич", r"економічн\w* співпрац", r"икономическ\w* сътруднич", r"economic cooperation",
         r"экономическ\w* вопрос"), "economic cooperation"),
    (any_of(r"прекращени\w* огня", r"припинення вогню", r"прекратяване на огъня", r"перемир", r"примири", r"ceasefire",
         r"waffenruhe"), "ceasefire"),
    (any_of(r"территори", r"територі", r"територи", r"territor"), "territorial issues"),
    (any_of(r"санкци", r"санкці", r"sanction"), "sanctions"),
    (any_of(r"восстановлени", r"відновлен", r"възстановяване", r"reconstruction", r"recovery"), "reconstruction"),
]  # fmt: skip

# "X was also present", "also attended", "也出席": more participants of the meeting just described
# (the lexicons' also_present words).
ALSO_PRESENT = pattern("also_present")

# Who the victims are: the lexicons' civilian words (passengers, workers, residents...) and
# children, and their military words.
_CIVILIANS = pattern("civilians", "children")
_MILITARY = pattern("military")
_BOTH_SIDES = pattern("both_sides")
_UKRAINE_PEOPLE = any_of(r"украинц", r"украинск", r"україн", r"украин", r"украинци", r"ukrain")
_RUSSIA_PEOPLE = any_of(r"россиян", r"росіян", r"руснаци", r"russian")
_ATTACK = any_of(r"атак", r"удар", r"обстрел", r"обстріл", r"бомбардир", r"attack", r"strike", r"shelling", r"angriff",
              r"ostrzał", r"frappe")  # fmt: skip
_RUSSIAN = any_of(r"росси", r"російськ", r"рф\b", r"руск", r"russia")
_MISSILE = any_of(r"ракет", r"missile", r"rakete")
_DRONE = any_of(r"дрон", r"беспилот", r"безпілот", r"drone", r"shahed", r"шахед")


# "after that", "a few days later", "then": the meeting follows the one just described.
SEQUEL = any_of(
    r"^\W*(?:после этого|после того|затем|потом|тогда|спустя|через несколько дней|несколько дней спустя"
    r"|після цього|потім|згодом|тоді|за кілька днів|через кілька днів"
    r"|след това|след този|няколко дни по-късно|по-късно|тогава"
    r"|after that|afterwards|then|later|a few days later|days later|danach|später|potem|następnie|ensuite|puis)\b",
)


def status_from_text(text: str) -> str | None:
    """A status the wording itself fixes (cancellation, 'not planned', modality); else ``None``.
    Only the clauses that speak of a meeting count, where some do: "after the talks in Florida,
    Trump said that Putin refused a truce for a possible referendum" has no possible meeting."""
    scope = " ".join(c for c in clauses(text) if _MEETING.search(c)) or text
    if _CANCELLED.search(scope):
        return "cancelled"
    if _NOT_PLANNED.search(scope) or _POSSIBLE.search(scope):
        return "possible"
    return None


def _first(table: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str | None:
    """The value of the first pattern of ``table`` that ``text`` matches."""
    return next((value for regex, value in table if regex.search(text)), None)


def format_from_text(text: str) -> str | None:
    return _first(((_VIDEO, "video"), (_PHONE, "phone")), text)


def is_aggregate(text: str) -> bool:
    """'Met six times', 'several rounds': a count of meetings, not one meeting."""
    return bool(_AGGREGATE.search(text))


def outcome_of(text: str) -> str | None:
    if _NO_BREAKTHROUGH.search(text):
        return "No breakthrough was reached."
    if _NO_COMPROMISE.search(text):
        return "No compromise was reached."
    if _PRODUCTIVE.search(text):
        return "The talks were described as productive."
    if _CONSTRUCTIVE.search(text):
        return "The talks were described as constructive."
    if _PROGRESS.search(text):
        return "Progress was reported."
    return None


def topics_of(text: str) -> list[str]:
    return [topic for pattern, topic in TOPICS if pattern.search(text)]


def victims_of(text: str) -> str:
    """Who a count's sentence says the victims were: civilians, military, both ("protesters and
    police", or people "on both sides" of a clash), or unspecified."""
    civilians = bool(_CIVILIANS.search(text))
    military = bool(_MILITARY.search(text))
    if (civilians and military) or _BOTH_SIDES.search(text):
        return "mixed"
    if civilians:
        return "civilians"
    if military:
        return "military"
    return "unspecified"


def country_of(text: str) -> str | None:
    return _first(((_UKRAINE_PEOPLE, "Ukraine"), (_RUSSIA_PEOPLE, "Russia")), text)


def cause_kind(text: str) -> str | None:
    """What the text says killed or injured people, as an English label of the lexicons'
    ``causes`` ("earthquake", "road crash"), the most specific first; None if it names none."""
    return next((kind for kind, words in cause_patterns() if words.search(text)), None)


def cause_of(text: str) -> str | None:
    russian = "Russian " if _RUSSIAN.search(text) else ""
    if _MISSILE.search(text):
        return f"{russian}missile strike" if russian else "Missile strike"
    if _DRONE.search(text):
        return f"{russian}drone attack" if russian else "Drone attack"
    if _ATTACK.search(text):
        return f"{russian}attacks" if russian else "Attacks"
    return None


_GENITIVE = re.compile(r"(?:а|я|ого|его|ього)$", re.IGNORECASE)


# A kinship title and the words after it, up to the name being judged; the word before the title.
_KIN = re.compile(r"(?i)(\S+)?\s*(?:\bзет\w*|\bзят\w*|son-in-law|\bschwiegersohn\w*|\bzięć\w*)\W+((?:\w+\W+){0,5})$")
# Words that say before a kinship title whose kin he is: "his", "его", "dessen", "Trump's", "Trumps".
_POSSESSIVE = re.compile(
    r"(?:^(?i:his|her|their|его|её|ее|його|її|неговия|негов|нейния|dessen|deren|sein|seine[mnr]?|ihre?[mnr]?|jego|jej|ich)$"
    r"|['’]s$|^[A-ZÄÖÜ]\w+[^s]s$)"
)


# A noun and the word for "of" right before a name ("los aranceles de", "the plan of", "der Plan
# von"). No title may come between: the Dutch "de" is "the" ("met de premier Rutte"). Only the
# lexicons' ``whose`` nouns (plans, tariffs, a government, a wife) say whose thing it is: "la
# llegada de Zelensky", "à l'invitation de Macron" name who takes part.
_OF_SOMEONE = re.compile(r"(?i)(?<!\w)((?:droits de )?[^\W\d_]{3,})\s+(?:de|del|di|of|von|des|du|do|da)\s+$")
_WHOSE = pattern("whose")


def qualifies_other(before: str, surface: str) -> bool:
    """Whether a name after ``before`` only qualifies someone else's title ("the envoy of
    President Trump", "Trump's son-in-law")."""
    # "посланник президента США Дональда Трампа": the title is someone else's and the name is
    # in the genitive; "Спецпосланець президента США Стівен Віткофф" is the envoy himself.
    kin = _KIN.search(before)
    if kin is not None:
        # "зет на президента на САЩ Доналд Тръмп", "the son-in-law of Trump": whose son-in-law. But
        # "his son-in-law Jared Kushner", "Trumps Schwiegersohn Kushner", "зятя Трампа Джареда
        # Кушнера": the son-in-law himself, once the one whose he is was named.
        whose = kin.group(1) or ""
        if _POSSESSIVE.search(whose) or any(m.kind == "person" for m in find_mentions(kin.group(2))):
            return False
        return True
    whose = _OF_SOMEONE.search(before)
    if whose is not None and _WHOSE.fullmatch(whose.group(1)):
        return True  # "los aranceles de Trump", "le plan de Trump": whose thing, not who takes part
    title = TITLE_OF.search(before)
    if title is None:
        return False
    last = surface.split()[-1] if surface.split() else surface
    # "пратеник на <Тръмп>", "the envoy of President <Trump>", "Gesandter von US-Präsident <Trump>":
    # the name is whose envoy; "the envoy of the US <Steve Witkoff>" is the envoy himself.
    return (
        bool(_GENITIVE.search(last))
        or bool(re.search(r"(?i)\b(?:на|of)\s+$", before))
        or bool(re.search(r"(?i)\b(?:of|von)\s+(?:the\s+)?(?:\w{2,3}-)?(?:president|präsident|leader)", title.group()))
    )


# What may follow a dateline's place, as a meeting's place reads it where the sentence names
# another place too: "Lima – ", "MOSCOW, Dec 2", "KYIV (Reuters)", "Paris: ", a space. Not a case
# ending ("Ankara'da"): that place is the scene.
_DATELINE_END = re.compile(r"\s*(?:[-–—:,(/]|\s)")
# What must follow it where it may be the text's only place (a casualty's scene): a dash, a
# bracketed agency, or a comma and a date ("MOSCOW, Dec 2").
_DATELINE_MARK = re.compile(r"\s*(?:[-–—]|\((?:[A-Z][\w ]*|[A-Z]+)\)|,\s*(?:\w+\.?\s+)?\d)")


def _places(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.kind == "place" and m.place]


def _opens_with_dateline(places: list[Mention], text: str, mark: re.Pattern[str]) -> bool:
    """Whether ``text`` opens with the first of ``places`` followed by ``mark``: a dateline, which
    says where the story was written, not where anything happened."""
    return bool(places) and not text[: places[0].start].strip() and mark.match(text, places[0].end) is not None


def scene_places(mentions: list[Mention], text: str) -> list[Mention]:
    """The place mentions of ``text`` without its dateline ("JAKARTA (ANTARA) -", "Lima – ")."""
    places = _places(mentions)
    return places[1:] if _opens_with_dateline(places, text, _DATELINE_MARK) else places


# "in the Kremlin", "im Kanzleramt", "à Matignon", "en el Palacio de La Moneda", "al Quirinale",
# "在人民大会堂": the word for "at" right before an institution; "Beştepe'de", "首相官邸で",
# "청와대에서": the case ending or particle right after it.
_AT_BEFORE = re.compile(
    r"(?i)(?:(?<!\w)(?:в|у|във|in|at|im|en|à|au|a|al|alla|nel|nella|na|no|do|w|we|op|bij|di|ke|στο|στη|στον|στην)"
    r"\s+(?:the\s+|la\s+|le\s+|el\s+|il\s+|het\s+|de\s+|o\s+)?|[在於于])$"
)
_AT_AFTER = re.compile(r"(?:['’]?(?:d[ae]|t[ae])(?!\w)|で|에서)")


def place_of(mentions: list[Mention], text: str) -> str | None:
    """Where the sentence puts a meeting: a place it names, an institution standing for its city
    ("in the Kremlin"), or the state a visit goes to."""
    places = _places(mentions)
    if len(places) > 1 and _opens_with_dateline(places, text, _DATELINE_END):
        places = places[1:]  # a dateline ("Lima – ... met in Brasília") says where it was written
    if places:
        return places[0].place
    for mention in mentions:
        # "in the Kremlin", "at the White House": an institution standing for its city.
        if (
            mention.kind == "organisation"
            and mention.place
            and (_AT_BEFORE.search(text, 0, mention.start) or _AT_AFTER.match(text, mention.end))
        ):
            return mention.place
    if re.search(r"(?i)посет|посещ|поїзд|поездк|відвіда|визит|візит|visit|travel|trip|пътува", text):
        for mention in mentions:
            if mention.kind == "state" and re.search(
                r"(?i)\b(?:в|у|до|to|in|nach)\s+" + re.escape(mention.surface), text
            ):
                return mention.name
    return None
