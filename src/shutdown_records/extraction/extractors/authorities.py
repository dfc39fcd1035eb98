"""ordered_by: the authority that ordered the restriction, with an English display name.

Authorities are found three ways, in this order of trust: named bodies and courts from
`data/vocab/authorities.yaml` (aliases in any language), per-language generic forms from
`cues.yaml` (`authorities`, `ministries`, `courts`: "the Nigerian government",
"ministère de la Communication", "Supreme Court of Brazil"), and a bare "the government" /
"les autorités" named after the country the document is about. Only an authority in a
sentence that also says something was ordered or imposed is a candidate, so the merger is
not handed every official the article quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ...text import quoted_words
from .. import cues as C
from .. import langdata
from ..gazetteer import country_code_of, english_demonym, without_demonym
from ..spans import in_related_line
from ..types import Doc, Mention
from ._stance import stance

FIELD = "ordered_by"
_ELISION = re.compile(r"(?<!\w)(?:de l|dell|del|d|l)'(?=\w)", re.IGNORECASE)
COUNTRY_SLOT, DEMONYM_SLOT = "{country}", "{demonym_en}"  # left for the assembler when a source names no country
UNNAMED_COUNTRY = 0.5
SPEAKER = 0.5  # an authority quoted ("X said") in a sentence whose ordering verb is not its own
SPEAKER_NEAR = 30
AGENT_NEAR = 12  # "by the ", "pelo ": how close before an authority its agent word stands
NEAR = 140  # an authority this close before the ordering verb is its subject
IMPLEMENT_NEAR = 40  # "... caberá à Anatel cumprir": an implementing verb this close
IMPLEMENTER = 0.3
NEGATED = 0.3
UNRELATED = 0.3  # an ordering word where neither this sentence nor the one before names a restriction
ADDRESSED = 0.3  # an authority right after "called on"/"urged": asked to act, not acting
APPEAL_NEAR = 16
MATTER_NEAR = 40  # characters between "the election results" and the word that announced them
WHO_NEAR = 20  # characters between "say who" and the order word it asks about ("qui avait décidé")


@dataclass(frozen=True)
class Authority:
    """One authority (or court) found in the text."""

    name: str
    type: str
    start: int
    end: int
    weight: float
    supranational: bool = False
    acronym: str | None = None  # the acronym the text names it by ("CCA"), for one name across sources
    generic: bool = False
    country: str | None = None  # the country a generic name was built for ("Tajik authorities": TJ)

    @property
    def judiciary(self) -> bool:
        return self.type == "judiciary"


@dataclass(frozen=True)
class _Named:
    name: str
    type: str
    supranational: bool
    pattern: re.Pattern[str]
    source: str


@dataclass(frozen=True)
class _Generic:
    pattern: re.Pattern[str]
    name: str  # template
    type: str
    weight: float
    needs_country: bool
    kind: str  # authorities | ministries | courts
    anchored: bool = False  # starts with {country}/{demonym}: tried only where one is named


@cache
def _named() -> tuple[_Named, ...]:
    out = []
    for item in langdata.shared("vocab/authorities").get("authorities") or []:
        for alias in item.get("aliases") or []:
            if isinstance(alias, dict):
                source, case = str(alias["re"]), bool(alias.get("case", False))
            else:
                source = str(alias)
                case = not any(ch.islower() for ch in source)
            out.append(
                _Named(
                    str(item["name"]),
                    str(item.get("type", "unknown")),
                    bool(item.get("supranational", False)),
                    C.compile_pattern(source, case),
                    C.fold(source),
                )
            )
    return tuple(out)


@cache
def _named_set() -> C.CueSet:
    """Every alias in one prefix-factored scan; a hit's value is the index into `_named()`."""
    return C.CueSet(
        C.Cue(str(i), n.pattern, 1.0, n.source, not bool(n.pattern.flags & re.IGNORECASE))
        for i, n in enumerate(_named())
    )


_LEADING_OPTIONAL = re.compile(r"^\((?:[^()\\]|\\.)*\)\?")


@cache
def _generics(language: str) -> tuple[_Generic, ...]:
    out = []
    for kind in ("authorities", "ministries", "courts"):
        for entry in C.raw(language, kind):
            if not isinstance(entry, dict) or "re" not in entry:
                continue
            raw = str(entry["re"])
            case = bool(entry.get("case", False))
            # A form that starts with a country name or adjective (after an optional
            # article) is only tried where the document names a country: one scan of the
            # names serves them all, instead of one scan of hundreds of names each.
            head = _LEADING_OPTIONAL.sub("", raw, count=1)
            anchored = head.startswith(("{country}", "{demonym}"))
            default = "Ministry of {portfolio}" if kind == "ministries" else ""
            out.append(
                _Generic(
                    C.compile_pattern(C.expand(language, head if anchored else raw), case),
                    str(entry.get("name", default)),
                    str(entry.get("type", "judiciary" if kind == "courts" else "executive")),
                    float(entry.get("weight", 1.0)),
                    bool(entry.get("needs_country", False)),
                    kind,
                    anchored,
                )
            )
    return tuple(out)


@cache
def _generic_set(language: str) -> C.CueSet:
    """The generic forms in one scan; a hit's value is the index into `_generics()`."""
    return C.CueSet(
        C.Cue(
            str(i),
            g.pattern,
            g.weight,
            g.pattern.pattern[len("(?<!\\w)(?:") : -len(")(?!\\w)")],
            not bool(g.pattern.flags & re.IGNORECASE),
        )
        for i, g in enumerate(_generics(language))
        if not g.anchored
    )


@cache
@cache
def _word_map(language: str, key: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Per-language word/phrase -> English map (portfolio words, court kinds), longest first."""
    table: dict[str, str] = {}
    for lang in (C.COMMON, language):
        table.update({str(k): str(v or "") for k, v in (langdata.topic(lang, C.CUES_TOPIC).get(key) or {}).items()})
    return tuple(
        (C.compile_pattern(C.strip_accents(k)), v)
        for k, v in sorted(table.items(), key=lambda kv: len(kv[0]), reverse=True)
    )


def _translate(language: str, key: str, text: str) -> str:
    """Portfolio or court words in English; matched without accents ("Education" = "éducation")."""
    # Elided articles ("de l'Économie", "dell'Interno") go first: they glue to the next word.
    out = _ELISION.sub("", C.strip_accents(C.fold(text)))
    for pat, english in _word_map(language, key):
        out = pat.sub(english, out)
    out = re.sub(r"\s+", " ", re.sub(r"\s+([,])", r"\1", out)).strip(" ,")
    return out


_UNTRANSLATED = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")  # a letter of a script other than Latin
_LINKS = {"and", "of", "the", "for"}


def _translated_run(portfolio: str) -> str | None:
    """The longest run of words put into English in a portfolio read from a non-Latin text
    ("केंद्रीय Home Affairs" -> "Home Affairs", "Interior السلطات" -> "Interior"): the
    portfolio pattern of such a language may take a neighbouring word. None when no word is
    in English; the text unchanged when every word is."""
    words = portfolio.split()
    if not any(_UNTRANSLATED.search(w) for w in words):
        return portfolio
    runs: list[list[str]] = [[]]
    for word in words:
        if _UNTRANSLATED.search(word):
            runs.append([])
        else:
            runs[-1].append(word)
    best: list[str] = []
    for run in runs:
        while run and run[-1].casefold() in _LINKS:
            run.pop()
        while run and run[0].casefold() in _LINKS:
            run.pop(0)
        if len(run) > len(best):
            best = run
    return " ".join(best) or None


def _own_name(text: str) -> str:
    """A ministry named as the text names it (no portfolio word we can translate)."""
    return re.sub(r"\s+", " ", text).strip()


@cache
def _calendar_words(language: str) -> frozenset[str]:
    """Weekday and month names (CLDR via babel) that may follow a capitalised name."""
    from babel import Locale, UnknownLocaleError

    words: set[str] = set()
    for lang in {language, "en"}:
        try:
            loc = Locale.parse(lang)
        except (UnknownLocaleError, ValueError):
            continue
        for table in (loc.days["format"]["wide"], loc.months["format"]["wide"]):
            words.update(str(v).casefold() for v in table.values())
    return frozenset(words)


def _trim_calendar_words(language: str, person: str) -> str:
    """ "Alexandre de Moraes Tuesday" -> "Alexandre de Moraes"."""
    words = person.split()
    while len(words) > 1 and words[-1].casefold() in _calendar_words(language):
        words.pop()
    return " ".join(words)


def _resolve_with_country(
    doc: Doc, gen: _Generic, m: re.Match[str], home: str | None = None
) -> tuple[str | None, str | None]:
    """The display name of a generic form and the country it was named after; a form that
    names no country ("the authorities") takes `home`, else the document's main country."""
    # Names as written (the match ran on folded text, same offsets): folding brings letter
    # variants to one form for matching only.
    text = doc.text if len(m.string) == len(doc.text) else m.string
    groups = {k: text[m.start(k) : m.end(k)] for k, v in m.groupdict().items() if v}
    matcher = C.countries(doc.language)
    code = None
    if "country" in groups:
        code = matcher.code(groups["country"])
    elif "demonym" in groups:
        code = matcher.code(groups["demonym"])
    if gen.type == "state" and "place" in groups and matcher.code(groups["place"]):
        # "the Kenyan government" read as a state named "Kenyan": a country's own forms
        # ("{demonym} government") name it; a state government is a region's.
        return None, None
    if code is None and gen.needs_country:
        code = home or C.guess_country(doc)
    name = gen.name
    if ("{country}" in name or "{demonym_en}" in name) and code is None:
        if not gen.needs_country or gen.type != "judiciary":
            return None, None
        # "ante el Tribunal Constitucional" in an article that never names its country: the
        # placeholder stays and the assembler fills in the record's country. (A bare "the
        # government" there is too vague to keep.)
    if code and name == GOVERNMENT_OF and "country" not in groups:
        name = _government_as_written(code)
    if code:
        name = name.replace("{country}", C.english_country_name(code))
        demonym = english_demonym(code)
        if "{demonym_en}" in name:
            name = without_demonym(name, code) if demonym is None else name.replace("{demonym_en}", demonym)
    if "portfolio" in groups:
        portfolio = _translated_run(_translate(doc.language, "ministry_words", groups["portfolio"]))
        if portfolio is None:
            return _own_name(m.group(0)), code  # no portfolio word we can put in English
        if not portfolio:
            return None, None
        portfolio = portfolio[0].upper() + portfolio[1:]
        name = name.replace("{portfolio}", portfolio)
    if "kind" in groups:
        kind = _translate(doc.language, "court_kinds", groups["kind"]).strip()
        kind = " ".join(w.capitalize() for w in kind.split())
        name = name.replace("{Kind}", kind)
    if "person" in groups:
        groups["person"] = _trim_calendar_words(doc.language, groups["person"])
    for key, value in groups.items():
        name = name.replace("{" + key + "}", value.strip())
    if "{" in name.replace(COUNTRY_SLOT, "").replace(DEMONYM_SLOT, ""):
        return None, None
    for pattern, replacement in _name_forms(doc.language):
        name = pattern.sub(replacement, name)
    return re.sub(r"\s+", " ", name).strip(), code


GOVERNMENT_OF = "Government of {country}"


@cache
def _government_as_written(code: str) -> str:
    """A national government the source names by its adjective ("the Turkish government",
    "Türk hükümeti", "российское правительство") or bare ("the government"): "Turkish
    government", the form news and datasets write, since "Government of Turkey" shares only
    one of its two words. A source that writes the country's name ("the government of
    Nepal", "pemerintah Indonesia") keeps "Government of X"; so does a country whose
    adjective is shared or unknown ("Congolese")."""
    adjective = english_demonym(code)
    if adjective and country_code_of(adjective) == code:
        return f"{adjective} government"
    return GOVERNMENT_OF


@cache
def _name_forms(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """`name_forms` of cues.yaml: [pattern, replacement] pairs that bring a name taken from
    an inflected language's text to one form ("Таганского районного суда" -> "Таганский
    районный суд"), so every case of the name is one authority for the merger."""
    return tuple(
        (re.compile(str(pair[0])), str(pair[1]))
        for pair in langdata.topic(language, C.CUES_TOPIC).get("name_forms") or []
        if isinstance(pair, list) and len(pair) == 2
    )


@lru_cache(maxsize=16)
def find_authorities(doc: Doc) -> tuple[Authority, ...]:
    """Every authority or court named in the body, longest match first where they overlap."""
    text = C.folded(doc)
    lo, hi = doc.body
    found: list[Authority] = []
    named_list = _named()
    for hit in _named_set().finditer(text, lo, hi):
        named = named_list[int(hit.value)]
        found.append(Authority(named.name, named.type, hit.start, hit.end, 1.0, named.supranational))
    if C.has_cues(doc.language):
        generics = _generics(doc.language)
        matches = [(generics[int(h.value)], h.match) for h in _generic_set(doc.language).finditer(text, lo, hi)]
        anchored = [g for g in generics if g.anchored]
        for place in C.country_mentions(doc):
            for gen in anchored:
                m = gen.pattern.match(text, place.start(), hi)
                if m:
                    matches.append((gen, m))
        # "The Tajik authorities blocked... the authorities said": a bare form is named after
        # the country the document's own executive forms name most, before any country the
        # article merely mentions ("Russia").
        resolved = [None if gen.needs_country else _resolve_with_country(doc, gen, m) for gen, m in matches]
        executives: dict[str, int] = {}
        for (gen, _), done in zip(matches, resolved, strict=False):
            if done is not None and done[1] and gen.type == "executive":
                executives[done[1]] = executives.get(done[1], 0) + 1
        home = max(sorted(executives), key=lambda c: executives[c]) if executives else None
        for (gen, m), done in zip(matches, resolved, strict=False):
            name, code = done if done is not None else _resolve_with_country(doc, gen, m, home)
            if name:
                # A body whose country this source never names is less certain (half weight).
                unnamed = COUNTRY_SLOT in name or DEMONYM_SLOT in name
                weight = gen.weight * (UNNAMED_COUNTRY if unnamed else 1.0)
                found.append(Authority(name, gen.type, m.start(), m.end(), weight, generic=True, country=code))
    found.extend(_acronym_bodies(doc))
    # Named before generic, then longer, then stronger first; drop anything overlapping a kept one.
    found.sort(key=lambda a: (a.generic, -(a.end - a.start), -a.weight, a.start))
    kept: list[Authority] = []
    for a in found:
        if all(a.end <= k.start or a.start >= k.end for k in kept):
            kept.append(a)
    return tuple(sorted(kept, key=lambda a: a.start))


ACRONYM_WEIGHT = 0.95  # a body named by the text itself: below a listed alias of the same span
ACRONYM_WORDS = 12  # words before "(ACR)" its name may take
_ACRONYM = re.compile(r"\(\s*((?:[^\W\d_][.&]?){2,10})\s*\)")
_NAME_WORD = re.compile(r"[^\W\d_][\w-]*")  # "l'Autorité": "l", "Autorité"
_CASE_ENDING = re.compile(r"['’]\w+\s*$")
_SMALL_NAME_WORDS = frozenset(
    "of the and for on in de des du la le les l d et pour del y las los el da das do dos e em para "
    "di della delle dei degli per ed i dhe të e ya wa la za na dan untuk ve и по в для при".split()
)


@cache
def _acronym_table(language: str) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """`acronym_heads` (word start -> authority type) and `acronym_not` of cues.yaml, folded."""
    data = langdata.topic(language, C.CUES_TOPIC)
    heads = tuple((_plain(str(k)), str(v)) for k, v in (data.get("acronym_heads") or {}).items())
    return heads, frozenset(_plain(str(w)) for w in data.get("acronym_not") or [])


def _plain(word: str) -> str:
    """A word compared without case or accents ("Comité" = "comite", "Ü" = "u")."""
    return C.strip_accents(word).casefold().replace("’", "'")


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether `acronym` is made of prefixes of `words` in order, the first word giving its
    first letters ("INCOM": Instituto Nacional das COMunicações; "Supertel": SUPERintendencia
    de TELecomunicaciones); a later small word may give nothing ("das", "ya", "of")."""
    if not acronym:
        return all(w in _SMALL_NAME_WORDS for w in words)
    if not words:
        return False
    word, rest = words[0], words[1:]
    return any(
        word[:size] == acronym[:size] and _spells_rest(acronym[size:], rest)
        for size in range(min(len(word), len(acronym)), 0, -1)
    )


def _spells_rest(acronym: str, words: list[str]) -> bool:
    if words and words[0] in _SMALL_NAME_WORDS and _spells_rest(acronym, words[1:]):
        return True
    return _spells(acronym, words)


def _spelled_by_tail(acronym: str, words: list[str]) -> int | None:
    """The shortest run of `words`' tail, opening with a capitalised word, that spells the acronym."""
    folded = [_plain(w) for w in words]
    for k in range(len(words) - 1, -1, -1):
        if not words[k][:1].isupper():
            continue
        tail = folded[k:]
        for skip in range(len(tail) - 1):  # one inner word of the name may give no letter ("BTK")
            trial = tail if skip == 0 else tail[:skip] + tail[skip + 1 :]
            if _spells(acronym, trial):
                return k
    return None


@lru_cache(maxsize=16)
def _acronym_bodies(doc: Doc) -> tuple[Authority, ...]:
    """Public bodies the text names and abbreviates itself: "the Castrel Communications
    Authority (CCA)", "Mamlaka ya Mawasiliano ya Pwani (MMP)", "Superintendencia de
    Telecomunicaciones (Supertel)", and every later bare "CCA". The letters must spell the
    name, and a word of the name must make it a public body (`acronym_heads`: authority,
    council, conseil, tume...) and none make it a rights group or a company (`acronym_not`)."""
    heads, excluded = _acronym_table(doc.language)
    if not heads:
        return ()
    text = doc.text
    lo, hi = doc.body
    found: list[Authority] = []
    short: dict[str, tuple[str, str]] = {}
    known = [(h.start, h.end) for h in _named_set().finditer(C.folded(doc), lo, hi)]
    for m in _ACRONYM.finditer(text, lo, hi):
        acronym = re.sub(r"[.&]", "", m.group(1))
        if not any(ch.isupper() for ch in acronym[:1]) or len(acronym) < 2:
            continue
        line_start = max(lo, text.rfind("\n", lo, m.start()) + 1)
        before = text[line_start : m.start()]
        before = _CASE_ENDING.sub(lambda e: " " * len(e.group(0)), before)  # "Kurulu'nun (BTK)": "Kurulu"
        cut = max(before.rfind(c) for c in '.;:!?«»"“”()')
        words = list(_NAME_WORD.finditer(before, cut + 1))[-ACRONYM_WORDS:]
        if not words:
            continue
        k = _spelled_by_tail(_plain(acronym), [w.group(0) for w in words])
        if k is None:
            continue
        name_words = [_plain(w.group(0)) for w in words[k:]]
        if any(w in excluded for w in name_words):
            continue
        kinds = [kind for w in name_words for head, kind in heads if w.startswith(head)]
        if not kinds:
            continue
        start = line_start + words[k].start()
        if "judiciary" in kinds or any(s < m.end() and start < e for s, e in known):
            # a court is read by the `courts` patterns (and may be one hearing a challenge);
            # a body the vocabulary names ("... des postes (ARCEP)") keeps the vocabulary's name
            continue
        kind = "military" if "military" in kinds else kinds[0]
        name = re.sub(r"\s+", " ", text[start : line_start + words[-1].end()])
        found.append(Authority(name, kind, start, line_start + words[-1].end(), ACRONYM_WEIGHT, acronym=acronym))
        short.setdefault(m.group(1), (name, kind))
    for acronym, (name, kind) in short.items():  # "the CCA said": the body by its acronym
        for m in re.finditer(rf"(?<![\w(]){re.escape(acronym)}(?![\w)])", text[:hi]):
            if m.start() >= lo:
                found.append(
                    Authority(name, kind, m.start(), m.end(), ACRONYM_WEIGHT, acronym=re.sub(r"[.&]", "", acronym))
                )
    return tuple(found)


def authorities_in(doc: Doc, span: tuple[int, int]) -> list[Authority]:
    return [a for a in find_authorities(doc) if a.start >= span[0] and a.end <= span[1]]


@cache
def _subject_window(language: str) -> int:
    """How far before an ordering word an authority still reads as its subject.

    `settings.subject_window` in cues.yaml; verb-final languages (Persian, Turkish) set it
    short, since there the ordering verb ends a long sentence that names other bodies too.
    """
    settings = langdata.topic(language, C.CUES_TOPIC).get("settings") or {}
    return int(settings.get("subject_window", NEAR))


@cache
def _verb_first_window(language: str) -> int:
    """`settings.verb_first_window` in cues.yaml: in a verb-subject language (Arabic), how
    many characters after an ordering verb an authority still reads as its subject; 0 = off."""
    settings = langdata.topic(language, C.CUES_TOPIC).get("settings") or {}
    return int(settings.get("verb_first_window", 0))


def is_challenge_sentence(doc: Doc, span: tuple[int, int]) -> str | None:
    """'strong' when the sentence speaks of a legal challenge, 'weak' when of undoing a block.

    A challenge word inside a case the authority itself brought ("on a suit filed by the
    regulator", "по иску Роскомнадзора", "BTK'nın başvurusu üzerine") asks for the block,
    it does not challenge it."""
    challenge = C.cue_set(doc.language, "gates", "challenge")
    own = _suits_by_authority(doc, span)
    text = C.folded(doc)
    if any(
        not any(lo <= h.start and h.end <= hi for lo, hi in own) for h in challenge.finditer(text, span[0], span[1])
    ):
        return "strong"
    if C.in_sentence(doc, C.cue_set(doc.language, "gates", "challenge_weak"), span):
        return "weak"
    return None


def _suits_by_authority(doc: Doc, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Phrases of the sentence that say an executive authority (not a court, not a party
    unnamed) brought the case: `gates.suit_by` right before its name, `gates.suit_by_after`
    right after it."""
    before = C.cue_set(doc.language, "gates", "suit_by")
    after = C.cue_set(doc.language, "gates", "suit_by_after")
    if not (before or after):
        return []
    text = C.folded(doc)
    found: list[tuple[int, int]] = []
    parties = [a for a in authorities_in(doc, span) if not a.judiciary]
    for h in before.finditer(text, span[0], span[1]) if before else ():
        if any(0 <= a.start - h.end <= AGENT_NEAR and _only_small_words(text[h.end : a.start]) for a in parties):
            found.append((h.start, h.end))
    for h in after.finditer(text, span[0], span[1]) if after else ():
        if any(0 <= h.start - a.end <= AGENT_NEAR and _only_small_words(text[a.end : h.start]) for a in parties):
            found.append((h.start, h.end))
    return found


@lru_cache(maxsize=16)
def ordering_candidates(doc: Doc) -> tuple[tuple[Authority, tuple[int, int], float, str | None], ...]:
    """(authority, quote span, weight, note) for each authority in a sentence with an ordering
    cue; found once per document (the ordered_by and court_challenges extractors both ask)."""
    return tuple(c[:4] for c in _dated_candidates(doc))


@lru_cache(maxsize=16)
def _dated_candidates(
    doc: Doc,
) -> tuple[tuple[Authority, tuple[int, int], float, str | None, int | None], ...]:
    """`ordering_candidates` with the year the ordering sentence dates itself to, if any."""
    return tuple(_ordering_candidates(doc))


def _ordering_candidates(doc: Doc) -> Iterator[tuple[Authority, tuple[int, int], float, str | None, int | None]]:
    text = C.folded(doc)
    order = C.cue_set(doc.language, "gates", "order")
    restore = C.cue_set(doc.language, "gates", "restore")
    agent = C.cue_set(doc.language, "gates", "agent")
    implement = C.cue_set(doc.language, "gates", "implement")
    negation = C.cue_set(doc.language, "gates", "negation")
    restriction = C.cue_set(doc.language, "gates", "restriction")
    appeal = C.cue_set(doc.language, "gates", "appeal")
    received = C.cue_set(doc.language, "gates", "received")
    assembly = C.cue_set(doc.language, "gates", "assembly_ban")
    medium = C.cue_set(doc.language, "gates", "medium")
    speech = C.cue_set(doc.language, "gates", "speech")
    near = _subject_window(doc.language)
    verb_first = _verb_first_window(doc.language)
    relay = C.cue_set(doc.language, "gates", "relay")
    idioms = C.cue_set(doc.language, "gates", "not_order")
    asked = C.cue_set(doc.language, "gates", "unknown_agent")
    matters = C.cue_set(doc.language, "gates", "other_matter")
    sources = _order_sources(doc)
    for auth in find_authorities(doc):
        if in_related_line(doc, auth.start):
            continue  # "Read also: Government decrees a state of emergency" is another story
        span = C.quote(doc, auth.start, auth.end)
        zone = C.sentence(doc, auth.start, auth.end)
        order_hits = list(order.finditer(text, zone[0], zone[1]))
        if idioms and order_hits:  # "to preserve public order": no order is given
            fixed = list(idioms.finditer(text, zone[0], zone[1]))
            order_hits = [h for h in order_hits if not any(f.start <= h.start and h.end <= f.end for f in fixed)]
        if matters and order_hits:  # "the election results announced by the commission": no order
            other = list(matters.finditer(text, zone[0], zone[1]))
            order_hits = [h for h in order_hits if not any(0 <= h.start - o.end <= MATTER_NEAR for o in other)]
        if asked and order_hits:  # "refused to say who ordered the cut": nobody is named as giving it
            whos = list(asked.finditer(text, zone[0], zone[1]))
            order_hits = [h for h in order_hits if not any(0 <= h.start - w.end <= WHO_NEAR for w in whos)]
        source = sources.get(auth.start)
        if source is not None and not any(h.start == source.start for h in order_hits):
            order_hits = sorted([*order_hits, source], key=lambda h: h.start)
        if not order_hits:
            continue
        if auth.judiciary and (auth.supranational or is_challenge_sentence(doc, zone)):
            continue  # a court hearing a challenge; see legal.py
        after = [
            h
            for h in order_hits
            if h.start >= auth.end and h.start - auth.end <= near and not _commented(doc, auth.end, h)
        ]
        # "ordered by the ministry", "sur ordre du gouverneur": the agent word stands right
        # before the authority (not "suspended the operations of U.S. giant X, Minister Y said").
        by = any(
            h.end <= auth.start
            and agent.search(text, max(h.end, auth.start - AGENT_NEAR), auth.start)
            and auth.start - h.end <= 60
            for h in order_hits
        ) or any(
            # "по требованию РКН", "por orden del juez": the agent phrase holds the order word
            a.end >= auth.start - AGENT_NEAR and any(a.start <= h.start and h.end <= a.end for h in order_hits)
            for a in agent.finditer(text, max(zone[0], auth.start - AGENT_NEAR - 40), auth.start)
        )
        if not (after or by) and _opens_verb_final_sentence(doc, auth, zone, order_hits):
            # "Yetkililer ... erişimi kısıtladı": in a verb-final sentence the authority that
            # opens it is the subject of the ordering verb that closes it.
            after = [order_hits[-1]]
        if not (after or by) and _agent_marked(doc, auth, zone):
            # "حکومت نے ... حکم دیا", "सरकारले ... निर्देशन दियो": a case marker makes the
            # authority the agent of the verb that ends its sentence, however long the clause.
            after = [h for h in order_hits if h.start >= auth.end and not _commented(doc, auth.end, h)][:1]
        if source is not None:
            # "on the orders of the ministry", "به دستور شورا", "गृह मंत्रालय के आदेश पर": the
            # body the order came from, whoever carried it out.
            by, after = True, [source]
        if not (after or by) and verb_first:
            # Verb-subject order (Arabic "وحجبت السلطات ...": "blocked the authorities ..."):
            # the ordering verb right before the authority has it as its subject.
            by = any(h.end <= auth.start and auth.start - h.end <= verb_first for h in order_hits)
        if auth.judiciary and not (after or by):
            continue  # a court named near a ban it did not order (e.g. one it reviewed)
        weight = 1.0 if (after or by) else 0.35
        if not (after or by) and speech and speech.search(text, auth.end, min(zone[1], auth.end + SPEAKER_NEAR)):
            weight *= SPEAKER  # "..., Information Minister Lai Mohammed said": quoted, not ordering
        if restore.search(text, zone[0], zone[1]):
            weight *= 0.5  # the sentence is about lifting the restriction
        if negation.search(text, zone[0], zone[1]):
            weight *= NEGATED  # "the ministry announces every year there will be no cut"
        if restriction.search(text, C.previous_sentence_start(doc, zone[0]), zone[1]) is None:
            weight *= UNRELATED  # "the president announced he would not sign the bill"
        if appeal and any(
            h.end <= auth.start
            and not agent.search(text, h.end, auth.start)  # not "asked by the ministry"
            # nor an order passed down a chain: "the ministry asked the regulator to order
            # operators to block X" (an authority asks; the regulator orders the operators)
            and not (
                authorities_in(doc, (max(zone[0], h.start - near), h.start))
                and any(o.start >= auth.end for o in order_hits)
            )
            for h in appeal.finditer(text, max(zone[0], auth.start - APPEAL_NEAR), auth.start)
        ):
            weight *= ADDRESSED  # "called on the government to publish its instructions"
        if assembly and assembly.search(text, zone[0], zone[1]) and not medium.search(text, zone[0], zone[1]):
            weight *= UNRELATED  # "police banned all rallies": a ban on gatherings, not on the internet
        told = implement.search(
            text, max(zone[0], auth.start - IMPLEMENT_NEAR), min(zone[1], auth.end + IMPLEMENT_NEAR)
        )
        if told is not None and told.start >= auth.end and any(auth.end <= h.start < told.start for h in order_hits):
            told = None  # "the regulator instructed operators to implement the block": it gave the order
        elif (
            told is not None
            and told.end <= auth.start
            and any(told.end <= h.start and h.end <= auth.start for h in order_hits)
        ):
            told = None  # "complying with orders from the authorities": they gave the orders
        if told is None and relay and relay.search(text, auth.end, min(zone[1], auth.end + IMPLEMENT_NEAR)):
            # "the regulator relayed the order to operators": it passed on another's order
            told = relay.search(text, auth.end, min(zone[1], auth.end + IMPLEMENT_NEAR))
        addressed = told is None and source is None and _addressed(doc, auth, zone) is not None
        # ("BTK'ya ... talimat verdi", "TRAI को निर्देश दिया": the order's addressee)
        if (
            told is None
            and source is None
            and _ordered_to_act(doc, auth, zone, [h for h in order_hits if not _in_source_phrase(h, sources)], near)
        ):
            told = order_hits[0]  # "the government ordered the regulator to block X": the regulator is told
        if told is not None or addressed:
            weight *= IMPLEMENTER  # "Anatel is to carry out the suspension": told, not telling
        elif received and received.search(text, auth.end, min(zone[1], auth.end + IMPLEMENT_NEAR)):
            weight *= IMPLEMENTER  # "the regulator said it had received the order": its recipient
        if (
            auth.judiciary
            and auth.name.startswith(("Justice ", "Judge "))
            and any(
                other.judiciary and not other.name.startswith(("Justice ", "Judge "))
                for other in authorities_in(doc, zone)
            )
        ):
            continue  # "Supreme Federal Court Justice X ordered": the court is the orderer
        cue = (after or order_hits)[0]
        proceeding = C.cue_set(doc.language, "gates", "proceeding")
        if (
            auth.judiciary
            and restriction.search(text, cue.start, cue.end) is None
            and (
                _hears_challenge(doc, auth.name)
                # "directed the cabinet to take up the matter / to review its decision": what the
                # court asks for right after its verb is a deliberation, not the block
                or (proceeding and proceeding.search(text, cue.end, min(zone[1], cue.end + PROCEEDING_NEAR)))
            )
        ):
            # "The High Court directed the cabinet to take up the matter": a court that hears a
            # challenge in this document rules on it; it orders the block only in words
            # that name the restriction ("ordered the block").
            weight *= HEARING
        # "the regulator did not order it", "threatened to order a block if...": the stance of
        # the ordering word, not of the authority's name.
        said = stance(doc, cue.start, cue.end, zone=zone)
        note = said.note(f"ordering cue: {quoted_words(doc.text[cue.start : cue.end])}")
        blocks = tuple((h.start, h.end) for h in restriction.finditer(text, zone[0], zone[1])) if restriction else ()
        earlier, year = earlier_episode(doc, zone, ((auth.start, auth.end), (cue.start, cue.end), *blocks))
        if earlier is not None and said.factor == 1.0:
            # "the regulator had already ordered a suspension last year": who ordered an
            # earlier shutdown, told as background, did not order this one.
            weight *= EARLIER
            note = f"{note}; {EARLIER_NOTE.format(earlier)}"
        # A year beside it ("En 2021, l'Autorité avait ordonné...") is weighed once the
        # record's start is known (assemble.earlier_orders): a retrospective names the
        # incident's own year too.
        yield (auth, span, weight * auth.weight * said.factor, note, year if said.factor == 1.0 else None)


EARLIER = 0.3
EARLIER_NOTE = "an earlier episode told as background ({!r})"
_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/-]?\d)")
EPISODE_WORDS = 12  # words between an earlier date and the authority or ordering word it dates
LAW_NEAR = 30  # characters around a year where a law's name makes it the law's year


def earlier_episode(
    doc: Doc, zone: tuple[int, int], near: tuple[tuple[int, int], ...]
) -> tuple[str | None, int | None]:
    """What dates a sentence to another episode, at most EPISODE_WORDS words from a span of
    `near` (the authority, its ordering word, the restriction words): a `gates.past` word with no year ("déjà",
    "पिछले साल", "last year") is returned as text; otherwise the latest year, in any digits,
    that is not a law's ("Pada Mei 2019", "2021 میں", "uchaguzi wa 2020"; not "the 2016
    Cybercrimes Act"), for the caller to compare with the incident's start. A year far off
    ("... insulted the man who founded the republic in 1923") dates something else."""
    text = C.folded(doc)

    def close(lo: int, hi: int) -> bool:
        return any(len(text[min(hi, b) : max(lo, a)].split()) <= EPISODE_WORDS + 1 for a, b in near)

    past = C.cue_set(doc.language, "gates", "past")
    for hit in past.finditer(text, zone[0], zone[1]) if past else ():
        if close(hit.start, hit.end) and _YEAR.search(text, hit.start, hit.end) is None:
            return doc.text[hit.start : hit.end], None
    laws: list[tuple[int, int]] | None = None
    latest: int | None = None
    for year in _YEAR.finditer(text, zone[0], zone[1]):
        if not close(year.start(), year.end()):
            continue
        if laws is None:
            laws = _law_spans(doc, zone)
        if any(lo - LAW_NEAR <= year.start() and year.end() <= hi + LAW_NEAR for lo, hi in laws):
            continue
        latest = max(latest or 0, int(year.group(0)) + _era_offset(doc.language, text, year.end()))
    return None, latest


def _era_offset(language: str, text: str, end: int) -> int:
    """Years to add to a year written in another calendar, told by the era word after it
    (dates.yaml `calendar_eras`: Amharic "2017 ዓ.ም." is 2024/25): at most the Gregorian year."""
    eras = langdata.topic(language, "dates").get("calendar_eras") or {}
    after = text[end : end + 8].lstrip()
    return next((int(n) for word, n in eras.items() if after.startswith(C.fold(str(word)))), 0)


def _law_spans(doc: Doc, zone: tuple[int, int]) -> list[tuple[int, int]]:
    """Where the sentence names a law or decree (legal_basis cues): a year there is its date."""
    from .legal import legal_cue_patterns  # noqa: PLC0415 (legal imports this module)

    text = C.folded(doc)
    return [(m.start(), m.end()) for pattern in legal_cue_patterns(doc.language) for m in C.scan(pattern, text, *zone)]


COMMENT_NEAR = 30  # characters after an order word where a verb-final language's comment verb stands


def _commented(doc: Doc, subject_end: int, hit: C.Hit) -> bool:
    """Whether the order word after an authority is the object of its comment, not its act:
    "Minister X defended the decision", "le ministre a salué la décision", "Bakan X kararı
    savundu" (`gates.comment` between them, `gates.comment_after` right after the word)."""
    text = C.folded(doc)
    between = C.cue_set(doc.language, "gates", "comment")
    if between and between.search(text, subject_end, hit.start):
        return True
    after = C.cue_set(doc.language, "gates", "comment_after")
    return bool(after) and after.search(text, hit.end, min(doc.body[1], hit.end + COMMENT_NEAR)) is not None


OBJECT_GAP = 8  # "ordered the regulator", "a ordonné à l'": characters between a verb and its object


@lru_cache(maxsize=16)
def _order_sources(doc: Doc) -> dict[int, C.Hit]:
    """Authorities named as where an order came from, by start offset, with the phrase that
    says so: right after `gates.order_of` ("on the orders of", "à la demande du", "por orden
    del", "по требованию", "بأمر من", "atas perintah", "kwa agizo la") or right before
    `gates.order_of_after` ("के आदेश पर", "کے حکم پر", "talimatıyla")."""
    before = C.cue_set(doc.language, "gates", "order_of")
    after = C.cue_set(doc.language, "gates", "order_of_after")
    if not (before or after):
        return {}
    text = C.folded(doc)
    restore = C.cue_set(doc.language, "gates", "restore")
    found: dict[int, C.Hit] = {}
    for auth in find_authorities(doc):
        zone = C.sentence(doc, auth.start, auth.end)
        if restore.search(text, zone[0], zone[1]) or (
            auth.judiciary and (auth.supranational or is_challenge_sentence(doc, zone))
        ):
            continue  # "access was restored by order of the court": the lifting's order, not the block's
        lo = max(doc.body[0], auth.start - AGENT_NEAR - 40)
        hit: C.Hit | None = None
        for h in before.finditer(text, lo, auth.start) if before else ():
            if auth.start - h.end <= AGENT_NEAR and _only_small_words(text[h.end : auth.start]):
                hit = h
        if hit is None and after:
            then = after.search(text, auth.end, min(doc.body[1], auth.end + AGENT_NEAR + 40))
            if (
                then is not None
                and then.start - auth.end <= AGENT_NEAR
                and _only_small_words(text[auth.end : then.start])
            ):
                hit = then
        if hit is not None:
            found[auth.start] = hit
    return found


_SMALL_GAP = re.compile(r"[\s,'\"«»()-]*(?:\w{1,3}[\s'\"«»()-]+){0,2}", re.UNICODE)


def _only_small_words(gap: str) -> bool:
    """Whether the text between a phrase and an authority holds at most two short words
    (articles, "of", "the", "de la", "ya") and punctuation: the phrase governs the name."""
    return _SMALL_GAP.fullmatch(gap) is not None


ADDRESSEE_GAP = 2  # characters between an authority and its case marker ("BTK'ya", "TRAI को")


@cache
def _suffixes(language: str) -> re.Pattern[str] | None:
    """`gates.addressee_after` as one regex matched right where an authority's name ends: a
    case ending may be glued to the name ("BTK'ya"), so no word boundary is asked before it."""
    parts = [str(e.get("re") if isinstance(e, dict) else e) for e in C.raw(language, "gates", "addressee_after") if e]
    if not parts:
        return None
    return re.compile(rf"\s{{0,{ADDRESSEE_GAP}}}(?:{'|'.join(C.fold(p) for p in parts)})(?!\w)", re.IGNORECASE)


OPENING = 25  # characters before a sentence's first authority (a date, "on Monday") that still let it open it
CLOSING = 14  # characters after the closing ordering word ("verdi", "دیا", "गरेको छ", punctuation)


def _opens_verb_final_sentence(doc: Doc, auth: Authority, zone: tuple[int, int], order_hits: list[C.Hit]) -> bool:
    """Whether, in a verb-final language, the authority is the first one of its sentence,
    stands at its head and the sentence ends with an ordering verb."""
    if not order_hits or not C.verb_final(doc.language):
        return False
    text = C.folded(doc)
    head = max(zone[0], text.rfind("\n", zone[0], auth.start) + 1)  # a title line is no part of it
    if auth.start - head > OPENING:
        return False
    last = order_hits[-1]
    if last.start < auth.end or len(text[last.end : zone[1]].strip()) > CLOSING or _commented(doc, auth.end, last):
        return False  # ("Bakan X kararı savundu": the minister defended the decision)
    return not any(o.start < auth.start for o in authorities_in(doc, (head, zone[1])))


@cache
def _agent_markers(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """`gates.subject_after` as two regexes: one matched where an authority's name ends, one
    at the end of the name itself: the agent marker of a verb-final language, written apart
    (Urdu "نے", Hindi "ने") or glued to the name (Nepali "सरकारले")."""
    parts = [str(e.get("re") if isinstance(e, dict) else e) for e in C.raw(language, "gates", "subject_after") if e]
    if not parts:
        return None
    body = "|".join(C.fold(p) for p in parts)
    return (
        re.compile(rf"\s{{0,{ADDRESSEE_GAP}}}(?:{body})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?:{body})$", re.IGNORECASE),
    )


def _agent_marked(doc: Doc, auth: Authority, zone: tuple[int, int]) -> bool:
    """Whether a case marker makes this authority the agent of its sentence's verb."""
    markers = _agent_markers(doc.language)
    if markers is None:
        return False
    text = C.folded(doc)
    apart, glued = markers
    return (
        apart.match(text, auth.end, min(zone[1], auth.end + 12)) is not None
        or glued.search(text[auth.start : auth.end]) is not None
    )


def _addressed(doc: Doc, auth: Authority, zone: tuple[int, int]) -> C.Hit | re.Match[str] | None:
    """The case marker that makes an authority the one an order is addressed to, when another
    authority in its sentence can be the one giving it: `gates.addressee_after` right after
    it (Turkish dative "BTK'ya", Hindi "को", Urdu "کو") or `gates.addressee` right before it
    (Persian "به", Arabic "إلى")."""
    text = C.folded(doc)
    after = _suffixes(doc.language)
    before = C.cue_set(doc.language, "gates", "addressee")
    hit: C.Hit | re.Match[str] | None = None
    if after is not None:
        hit = after.match(text, auth.end, min(zone[1], auth.end + ADDRESSEE_GAP + 12))
    if hit is None and before:
        for h in before.finditer(text, max(zone[0], auth.start - ADDRESSEE_GAP - 12), auth.start):
            if auth.start - h.end <= ADDRESSEE_GAP:
                hit = h
    if hit is None or not any(o.start != auth.start and not o.judiciary for o in authorities_in(doc, zone)):
        return None
    return hit


def _in_source_phrase(hit: C.Hit, sources: dict[int, C.Hit]) -> bool:
    """Whether an ordering word is part of an "on the orders of" phrase (not a verb)."""
    return any(s.start <= hit.start and hit.end <= s.end for s in sources.values())


def _ordered_to_act(doc: Doc, auth: Authority, zone: tuple[int, int], order_hits: list[C.Hit], near: int) -> bool:
    """ "The government ordered the regulator to block X": an authority right after an
    ordering verb whose subject is another authority is the one told, not the one telling."""
    text = C.folded(doc)
    for h in order_hits:
        if h.end <= auth.start and auth.start - h.end <= OBJECT_GAP and _only_small_words(text[h.end : auth.start]):
            if any(
                o.end <= h.start and h.start - o.end <= near and o.start != auth.start
                for o in authorities_in(doc, (max(zone[0], h.start - near), h.start))
            ):
                return True
    return False


HEARING = 0.3  # a court that hears a challenge here, "directing" rather than blocking
PROCEEDING_NEAR = 80  # characters after a court's ordering verb where `gates.proceeding` is looked for


def _hears_challenge(doc: Doc, name: str) -> bool:
    """Whether the document names this court in a sentence about a petition, appeal or case."""
    return any(
        a.name == name and is_challenge_sentence(doc, C.sentence(doc, a.start, a.end)) == "strong"
        for a in find_authorities(doc)
    )


GENERIC_WHEN_SPECIFIC = 0.3  # "the authorities" matter less once a ministry/regulator is named


def _one_generic_name(candidates: list[tuple[Authority, tuple[int, int], float, str | None]]) -> dict[str, str]:
    """ "Government of X" and "X authorities" in one document are one authority: the form the
    document leans on names both, so the merger does not count the executive twice."""
    by_country: dict[str | None, dict[str, float]] = {}
    for auth, _, weight, _ in candidates:
        if (
            auth.generic and auth.type == "executive" and _national_form(auth.name)
        ):  # a state's own government ("the Manipur government") is another authority
            support = by_country.setdefault(auth.country, {})
            support[auth.name] = support.get(auth.name, 0.0) + weight
    rename: dict[str, str] = {}
    for support in by_country.values():  # "Tajik authorities" never become "Russian authorities"
        if len(support) < 2:
            continue
        # A government form names the executive the way datasets do; otherwise the commonest form.
        best = sorted(support, key=lambda n: (n.endswith(" authorities"), -support[n], n))[0]
        rename.update({name: best for name in support})
    return rename


# How this module names a country's executive generically: "Government of X", "Authorities
# of X" (a country without an English adjective), "X government", "X authorities". scan reads
# the country back out of these names (scan/country.py).
NATIONAL_PREFIXES = ("Government of ", "Authorities of ")
NATIONAL_SUFFIXES = (" authorities", " government")


def _national_form(name: str) -> bool:
    """Whether a name is a country's executive named generically (NATIONAL_PREFIXES/SUFFIXES)."""
    return name.startswith(NATIONAL_PREFIXES) or name.endswith(NATIONAL_SUFFIXES)


def _in_chain(
    doc: Doc, auth: Authority, span: tuple[int, int], chains: list[tuple[tuple[int, int], Authority]]
) -> bool:
    """Whether a named body orders in the same sentence and on the same line (a title line run
    into the first sentence is no chain)."""
    return any(s == span and "\n" not in doc.text[min(auth.end, o.end) : max(auth.start, o.start)] for s, o in chains)


OWNER_GAP = 8  # characters between a government and its organ ("राज्य सरकार के गृह विभाग", "Home Department of the state government")


def _owners_of_organs(doc: Doc) -> tuple[set[int], set[int]]:
    """Start offsets of governments named generically right beside one of their own organs,
    joined by small words only or in apposition ("राज्य सरकार के गृह विभाग", "the Home
    Department of the state government", "the National Council ... (NC), the ruling military
    body"): one authority, which the organ names; the owner is not listed apart. Also the
    organs the military owns: their type is `military`."""
    text = C.folded(doc)
    found = find_authorities(doc)
    owners: set[int] = set()
    military: set[int] = set()
    for a, b in zip(found, found[1:], strict=False):
        gap = text[a.end : b.start]
        if "\n" in gap or a.judiciary or b.judiciary:
            continue
        if not (len(gap) <= OWNER_GAP and _only_small_words(gap)) and not _APPOSITION.fullmatch(gap):
            continue
        a_owner, b_owner = _is_government(a), _is_government(b)
        if a_owner != b_owner:
            owner, organ = (a, b) if a_owner else (b, a)
            owners.add(owner.start)
            if owner.type == "military":
                military.add(organ.start)
    return owners, military


# ", the ruling " between "the National Council ... (NCSH)" and "military body": a description in apposition
_APPOSITION = re.compile(r"\s*(?:\([^()]{1,12}\))?\s*,\s*(?:\w{1,3}\s+)?(?:\w+\s+)?", re.UNICODE)


def _is_government(auth: Authority) -> bool:
    """A government, the authorities or the military named generically, a country's or a state's."""
    if not auth.generic:
        return False
    if auth.type in ("executive", "state") and _national_form(auth.name):
        return True
    return auth.name in ("State government", "Military")


_ACRONYM_AFTER = re.compile(r"\s*\(\s*((?:[^\W\d_][.&]?){2,10})\s*\)")


def acronym_after(doc: Doc, auth: Authority) -> str | None:
    """The acronym the text gives right after an authority's name ("... Authority (ARPTC)"),
    or the one an acronym body was named by: the same body in another language's source
    ("Autorité de régulation ... (ARPTC)") has the same one."""
    if auth.acronym:
        return auth.acronym
    m = _ACRONYM_AFTER.match(doc.text, auth.end, min(len(doc.text), auth.end + 20))
    if m is None or not m.group(1)[:1].isupper():
        return None
    letters = re.sub(r"[.&]", "", m.group(1))
    return letters if sum(ch.isupper() for ch in letters) >= 2 else None


def _is_person(auth: Authority) -> bool:
    return auth.name.startswith(("Justice ", "Judge "))


def extract(doc: Doc) -> Iterable[Mention]:
    if not C.has_cues(doc.language):
        return []
    sink = C.MentionSink(doc)
    candidates = list(ordering_candidates(doc))
    rename = _one_generic_name(candidates)
    specific = any(not a.generic and w >= 1.0 for a, _, w, _ in candidates) or any(
        a.generic and a.name.startswith("Ministry of ") and w >= 1.0 for a, _, w, _ in candidates
    )
    # "The government ordered the regulator to block X": a sentence where a named body also
    # orders states a chain with the government at its head; the generic name keeps its weight.
    chains = [(s, a) for a, s, w, _ in candidates if not a.generic and w >= 1.0]
    # "Justice X ordered..." in a source whose only ordering court is the Supreme Court: the
    # judge acts for that court, which is the orderer a dataset records.
    courts = {a.name for a, _, w, _ in candidates if a.judiciary and not _is_person(a) and w >= 1.0}
    judges: dict[str, str] = {}  # court -> the judge this source places on it
    for person in find_authorities(doc):  # "judge X, of the Federal Court in Y"
        if _is_person(person):
            beside = {
                o.name
                for o in authorities_in(doc, C.sentence(doc, person.start, person.end))
                if o.judiciary and not _is_person(o)
            }
            if len(beside) == 1 and beside <= courts:
                judges[next(iter(beside))] = person.name
    owners, military_organs = _owners_of_organs(doc)
    military = {a.name for a in find_authorities(doc) if a.start in military_organs}
    for auth, span, weight, note, year in _dated_candidates(doc):
        if auth.start in owners:
            continue  # "राज्य सरकार के गृह विभाग ने": the state government's home department is one authority
        name = rename.get(auth.name, auth.name)
        extra: dict[str, Any] = {}
        if year is not None:
            extra["episode_year"] = year  # assemble.earlier_orders compares it with the start
        acronym = acronym_after(doc, auth)
        if acronym:
            extra["acronym"] = acronym  # assemble.one_name_per_acronym: one body across languages
        if _is_person(auth) and len(courts) == 1:
            name, note = next(iter(courts)), f"{note}; {auth.name} is a judge of the court this source names"
            judges[name] = auth.name  # lets the merger read this judge as this court in other sources
        national = auth.generic and auth.type == "executive"
        if specific and national and _national_form(name) and not _in_chain(doc, auth, span, chains):
            weight *= GENERIC_WHEN_SPECIFIC
        value: dict[str, Any] = {"name": name, "type": "military" if auth.name in military else auth.type}
        if national and _national_form(name):
            extra["generic"] = True
        sink.add(FIELD, value, span, weight, note, extra=extra or None)
    if not judges:
        return sink.mentions()
    from dataclasses import replace  # noqa: PLC0415

    return [
        replace(m, extra=dict(m.extra, judge=judges[m.value["name"]])) if m.value.get("name") in judges else m
        for m in sink.mentions()
    ]
