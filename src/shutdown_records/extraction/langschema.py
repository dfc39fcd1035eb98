"""The schema of the per-language data files (`data/lang/<code>/{cues,dates,meta}.yaml`).

Why: a misspelt key used to give an empty cue set, silently. Every file is now checked when
it is first read (`langdata.topic`): an unknown key, a wrong type or a bare YAML `yes` where a
string was meant stops the build with `file:line: what is wrong (what would be right)`.

Adding a key is one line in the model below that holds it, e.g. a new gate:

    class Gates(Section):
        ...
        hypothetical: Entries = None  # "would", "could": a value in a hypothetical sentence

(docs/adding-a-language.md, "The schema"). The models describe the files; the extractors
keep reading plain dicts, so a new key needs no other change here.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, StrictBool, StrictInt, StrictStr, ValidationError
from pydantic_core import PydanticCustomError

from .. import dataschema
from ..dataschema import DataFileError, Section, data_path, line_of, read, section_of


class LanguageDataError(DataFileError):
    """A per-language data file does not fit the schema; `place` is `file:line`."""


# ---------------------------------------------------------------- cue entries

CUE_KEYS = ("re", "weight", "case", "stem")  # a cue as a mapping: {re: ..., weight: 0.5, case: true, stem: true}


def _check_cues(value: Any) -> Any:
    """One cue or a list of cues; a cue is a regex string or a mapping with CUE_KEYS.

    A plain function, not a pydantic union: the ~70 cue fields would otherwise each build a
    union schema, which took most of a build's start-up."""
    if value is None or isinstance(value, str):
        return value
    for index, item in enumerate(value if isinstance(value, list) else [value]):
        where = {"index": index if isinstance(value, list) else None}
        if isinstance(item, str):
            continue
        if not isinstance(item, dict):
            raise PydanticCustomError(
                "cue",
                "a cue is a regex string or {re: ..., weight: ...}, not {got}",
                {**where, "got": type(item).__name__},
            )
        for key in item:
            if key not in CUE_KEYS:
                raise PydanticCustomError(
                    "cue_key", "unknown key {key}", {**where, "key": str(key), "known": ", ".join(CUE_KEYS)}
                )
        if not isinstance(item.get("re"), str):
            raise PydanticCustomError("cue", "a cue mapping needs `re:` with a regex string", where)
        weight = item.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 1:
            raise PydanticCustomError("cue", "weight must be a number in (0, 1], got {got!r}", {**where, "got": weight})
        if not isinstance(item.get("case", False), bool):
            raise PydanticCustomError("cue", "case must be true or false", where)
        if not isinstance(item.get("stem", False), bool):
            raise PydanticCustomError("cue", "stem must be true or false", where)
    return value


Entries = Annotated[Any, PlainValidator(_check_cues)]  # one cue, a list of cues, or nothing


class NamedEntry(Section):
    """A cue that names something (authorities, ministries, courts, legal_basis)."""

    re: StrictStr
    name: StrictStr | None = None  # an English name template: {country}, {demonym_en}, {Kind}, {num}...
    type: StrictStr | None = None  # authority_type in the codebook (executive, judiciary...)
    weight: Annotated[float, Field(gt=0, le=1)] = 1.0
    case: StrictBool = False
    needs_country: StrictBool = False  # named after the country the document mentions most


# ---------------------------------------------------------------- cues.yaml


class Gates(Section):
    """Words that qualify a sentence; docs/cues.md says what each one does."""

    restriction: Entries = None  # any mention of a restriction
    official: Entries = None  # attributes a reason to the authorities
    authority: Entries = None  # an authority is the subject
    order: Entries = None  # ordering verbs
    agent: Entries = None  # "by": the agent of a passive ordering verb
    challenge: Entries = None  # a petition, appeal or case
    challenge_weak: Entries = None  # "ruled", "lifted": a court acting, weaker
    challenge_intent: Entries = None  # "plans to challenge", "vai recorrer": a case not yet before the court
    implement: Entries = None  # operators carrying out an order
    negation: Entries = None  # a denial
    past: Entries = None  # an earlier restriction
    restore: Entries = None  # access restored, order lifted
    amid: Entries = None  # ties a context word to the story
    amid_after: Entries = None  # postpositions after a context word ("seçimler öncesinde")
    speech: Entries = None  # "said": an authority quoted, not acting
    assembly_ban: Entries = None  # a ban on gatherings, not on a network
    medium: Entries = None  # internet/platform words
    appeal: Entries = None  # an authority asked to act
    received: Entries = None  # an authority that received the order
    impact: Entries = None  # "were affected", "went dark"
    content_only: Entries = None  # "accounts were hacked", "had content blocked": not the platform itself
    unaffected: Entries = None  # "were not affected"
    anonymous: Entries = None  # "on condition of anonymity": a source, not an official statement
    workaround: Entries = None  # someone uses a workaround
    workaround_failed: Entries = None  # a workaround that does not work
    legal: Entries = None  # "under", "in compliance with": introduces a legal basis
    operator: Entries = None  # telecom operators (the end of an ordering chain, not its source)
    proceeding: Entries = None  # a court directs someone to review/decide the matter: a hearing, not an order
    suit_by: Entries = None  # "on a suit filed by", "по иску": the party right after brought the case
    suit_by_after: Entries = None  # "başvurusu üzerine": the party right before brought the case
    other_matter: Entries = (
        None  # a case about another dispute ("the results of the election"): no challenge to this block
    )
    order_of: Entries = (
        None  # "on the orders of", "à la demande de", "به دستور": the authority right after gave the order
    )
    order_of_after: Entries = None  # "के आदेश पर", "talimatıyla": the authority right before gave the order
    relay: Entries = None  # "relayed", "a transmis": an authority passing on another's order, not giving it
    future: Entries = None  # "will", "sera": a negated restriction in such a clause is a promise, not a denial
    addressee: Entries = None  # right before an authority, marks it as the one told ("به", "إلى")
    addressee_after: Entries = None  # right after an authority, marks it as the one told ("'ya", "को", "کو")
    comment: Entries = None  # "defended", "criticised": between an authority and an order word, it speaks of the order
    comment_after: Entries = (
        None  # "savundu", "का बचाव किया": right after an order word (verb-final languages), the same
    )
    subject_after: Entries = None  # right after an authority, marks it as the agent ("نے", "ने", "ले")
    not_order: Entries = None  # "public order", "orden público": a phrase holding an order word that orders nothing
    unknown_agent: Entries = None  # "would not say who ordered it": the order word right after has no known giver


class Kind(Section):
    full_network: Entries = None
    service_block: Entries = None
    throttling: Entries = None


class Scope(Section):
    national: Entries = None
    regional: Entries = None
    local: Entries = None


class Networks(Section):
    mobile: Entries = None
    fixed: Entries = None


class Status(Section):
    ongoing: Entries = None


class Acknowledged(Section):
    yes: Entries = None
    no: Entries = None
    denied: Entries = None


class Justification(Section):
    national_security: Entries = None
    public_order: Entries = None
    misinformation: Entries = None
    hate_speech: Entries = None
    exam_cheating: Entries = None
    non_compliance: Entries = None
    illegal_content: Entries = None
    precautionary: Entries = None
    technical: Entries = None
    other: Entries = None


class Context(Section):
    elections: Entries = None
    protests: Entries = None
    unrest: Entries = None
    conflict: Entries = None
    coup: Entries = None
    exams: Entries = None
    religious: Entries = None
    other: Entries = None


class Workarounds(Section):
    vpn: Entries = None
    tor: Entries = None
    proxy: Entries = None
    alternative_dns: Entries = None
    satellite: Entries = None
    other: Entries = None


class CourtStatus(Section):
    pending: Entries = None
    decided: Entries = None


class CueSettings(Section):
    subject_window: Annotated[int, Field(gt=0)] | None = None  # characters before an ordering word
    negation_after: Annotated[int, Field(gt=0)] | None = None  # characters after a value a negated verb may close
    verb_first_window: Annotated[int, Field(gt=0)] | None = None  # verb-first languages: characters before the subject


class Stance(Section):
    """Negation, hypotheticals and other incidents (docs/cues.md "Stance")."""

    negator: Entries = None  # a word that denies what follows
    negated_after: Entries = None  # a negated verb after the value
    hypothetical: Entries = None  # "if", "threatened to"
    other_incident: Entries = None  # "in 2019", "a separate case"
    clause_break: Entries = None  # where a negation's reach ends
    no_statement: Entries = None  # "did not comment", "не прокомментировали": no statement, no denial


class Attribution(Section):
    """Who gives a reason: an authority, or critics guessing (docs/cues.md "Attribution")."""

    critic: Entries = None  # critics, analysts, activists, opposition: their reason is not the official one
    belief: Entries = None  # "believe", "suspect", "accuse": makes a critic a speaker, beside gates.speech
    speculation: Entries = None  # "likely", "apparently", "believed to": a guessed reason
    purpose: Entries = None  # purpose and reported-reason constructions, read like gates.official
    stated: Entries = None  # "citing", "under the pretext of": the reason the authorities gave, whoever reports it
    obligation: Entries = None  # "demands", "comply", "remove": a reason after it is what the platform was asked to do
    law_made: Entries = None  # "adopted a law": a reason after it is the law's purpose, not the restriction's
    law: Entries = (
        None  # "the law", "yasa": in a sentence naming no restriction, a reason after it is the law's purpose
    )


class CuesFile(Section):
    """`cues.yaml`: the phrases the field extractors look for (docs/cues.md)."""

    gates: Gates | None = None
    kind: Kind | None = None
    scope: Scope | None = None
    scope_country: Entries = None
    networks: Networks | None = None
    status: Status | None = None
    acknowledged: Acknowledged | None = None
    justification: Justification | None = None
    justification_none: Entries = None
    context: Context | None = None
    workarounds: Workarounds | None = None
    authorities: list[NamedEntry] | None = None
    ministries: list[NamedEntry] | None = None
    ministry_words: dict[StrictStr, StrictStr | None] | None = None  # portfolio regex -> English
    courts: list[NamedEntry] | None = None
    court_kinds: dict[StrictStr, StrictStr] | None = None  # court kind -> English
    court_outcome: dict[StrictStr, Entries] | None = None  # English outcome phrase -> cues
    court_status: CourtStatus | None = None
    legal_basis: list[NamedEntry] | None = None
    placeholders: dict[StrictStr, StrictStr] | None = None  # {name} sub-patterns of this file
    settings: CueSettings | None = None
    stance: Stance | None = None
    attribution: Attribution | None = None
    name_forms: list[tuple[StrictStr, StrictStr]] | None = None  # (regex, replacement): oblique cases to one name form
    # A body introduced with its acronym ("Conseil militaire de transition (CMT)"): a word of
    # its name that makes it a public body -> its authority type; words that make it none.
    acronym_heads: dict[StrictStr, StrictStr] | None = None
    acronym_not: list[StrictStr] | None = None
    legal_name_forms: list[tuple[StrictStr, StrictStr]] | None = (
        None  # the same for a law's name ("ustawy" -> "ustawa")
    )


# ---------------------------------------------------------------- dates.yaml

Words = list[StrictStr]


class MonthParts(Section):
    mid: Words | None = None
    early: Words | None = None
    late: Words | None = None


class NumericDates(Section):
    """How the language's press writes a date in digits ("5/5/2025", "05.05.2025", "۱۴۰۳/۰۸/۱۵"):
    extraction/extractors/dates.py reads them with the plausibility rules of docs/timeline.md."""

    order: Literal["dmy", "mdy"] = "dmy"  # a date ending in its year: day first or month first
    separators: StrictStr = "/.-"  # what stands between the numbers (the same one twice)
    # When day and month could swap (both <= 12): trust `order`, or take the reading near the
    # article's date and read none when neither is (English: US and British usage both occur).
    ambiguous: Literal["order", "nearest"] = "order"
    year_less: StrictBool = False  # "12.03." (day, padded month, a dot after each): German-style press
    short_years: StrictBool = False  # "03/05/25", "14/3/25": a two-digit year after slashes (this century)
    calendar: Literal["persian", "nepali", "ethiopian"] | None = None  # a year in this calendar's range is read in it
    time_words: Words | None = None  # "saat 10.05.": a time follows these words, never a date


class Roles(Section):
    """Words near a date that say what the date is (docs/adding-a-language.md)."""

    start_strong: Words | None = None
    end_strong: Words | None = None
    start: Words | None = None
    end: Words | None = None
    other_events: Words | None = None
    statement: Words | None = None
    future: Words | None = None
    partial: Words | None = None
    # the incident timeline's steps (docs/timeline.md)
    start_strong_after: Words | None = None
    end_strong_after: Words | None = None
    order: Words | None = None
    order_after: Words | None = None
    lift: Words | None = None
    revoke: Words | None = None
    extend: Words | None = None
    not_effective: Words | None = None
    line_start: Words | None = None
    line_end: Words | None = None
    # what else comes back ("electricity was restored", "calm returned"): that return is not the end
    other_returns: Words | None = None
    access: Words | None = None  # ...unless access or the network is named beside it
    in_force: Words | None = None  # "took effect", "entró en vigor": the sentence dates when it began


Month = Annotated[int, Field(ge=1, le=12)]
CalendarMonth = Annotated[int, Field(ge=1, le=13)]  # the Ethiopian calendar has 13 (Pagume)
Weekday = Annotated[int, Field(ge=0, le=6)]


class DatesFile(Section):
    """`dates.yaml`: words for reading dates (month and weekday names come from CLDR)."""

    case_sensitive_names: StrictBool | None = None
    ordinal_suffixes: Words | None = None
    day_month_joiners: Words | None = None
    month_extra_names: dict[Month, Words] | None = None
    weekday_extra_names: dict[Weekday, Words] | None = None
    month_parts: MonthParts | None = None
    month_prepositions: Words | None = None
    relative_days: dict[StrictStr, StrictInt] | None = None  # phrase -> days from the article's date
    relative_months: dict[StrictStr, StrictInt] | None = None
    weekend_words: Words | None = None  # "at the weekend", "ce week-end": the weekend before the article's day
    future_suffixes: Words | None = None  # verb endings of the future tense (Turkish "-acak"): a plan
    weekday_before: dict[StrictStr, StrictStr] | None = None  # word before a weekday -> direction
    weekday_after: dict[StrictStr, StrictStr] | None = None
    named_day_words: Words | None = None
    named_day_joiners: Words | None = None
    duration_before: Words | None = None
    day_units: Words | None = None
    number_words: dict[StrictStr, StrictInt] | None = None
    roles: Roles | None = None
    borrow: Words | None = None  # languages whose date words this one's press also uses
    calendars: dict[Literal["persian", "nepali", "ethiopian"], dict[CalendarMonth, Words]] | None = (
        None  # month names of local calendars
    )
    calendar_day_words: Words | None = None
    calendar_eras: dict[StrictStr, StrictInt] | None = (
        None  # "ዓ.ም": 8, years a year before it is behind the Gregorian one
    )
    calendar_month_suffixes: Words | None = None
    roles_inside_words: StrictBool | None = None  # role cues may sit inside longer words (no word boundary)
    range_joiners: Words | None = None
    range_between: dict[StrictStr, Words] | None = None  # "between" -> ["and"]: "between 3 June and 7 June"
    range_articles: Words | None = None  # "entre el 3 de junio y el 7": an article before either date
    later_after: Words | None = None  # "two days later": after a number of `day_units`
    later_before: Words | None = None  # "через два дня": before a number of `day_units`
    later_not_followed_by: Words | None = None  # "trois jours après le vote": counted from the event, not read
    next_days: dict[StrictStr, StrictInt] | None = None  # "the next day": days after the date stated before it
    day_count: Words | None = None  # "for a {n} day": the Nth day of the restriction on the day the sentence gives
    ordinal_words: dict[StrictStr, StrictInt] | None = None  # "third": 3, the ordinals `day_count` takes for {n}
    proclitics: Words | None = None  # written joined to the next word ("و", "ف"): a role word may follow one
    proclitics_before_months: StrictBool | None = None  # a proclitic may join a month that leads its day ("ከሰኔ 2")
    numeric_dates: NumericDates | None = None  # dates in digits: "5/5/2025", "05.05.2025", "۱۴۰۳/۰۸/۱۵"


# ---------------------------------------------------------------- meta.yaml


class Script(Section):
    """The writing system that tells this language without a model (`extraction/language.py`)."""

    name: StrictStr  # first word of the Unicode names of its letters: CYRILLIC, ARABIC, DEVANAGARI...
    also: Words | None = None  # other first words its letters' names start with: Japanese KATAKANA beside HIRAGANA
    letters: StrictStr | None = None  # letters that set it apart from other languages of that script
    min_share: Annotated[float, Field(ge=0, le=1)] = 0.0  # share of the script's letters they must reach
    without: StrictStr | None = None  # letters it never uses


class Inflection(Section):
    """What a cue may carry after it in a language that inflects by endings
    (`cues.inflect`; docs/adding-a-language.md "Inflection")."""

    endings: Words | None = None  # endings any cue may take: Hindi "ों", "ें"; Nepali "ले", "मा", "को"
    stem: StrictStr | None = None  # regex after a cue marked `stem: true`: Turkish r"\w{0,12}"


class MetaFile(Section):
    """`meta.yaml`: facts about the language itself."""

    stopwords: Words | None = None  # common words that identify the language
    tail_markers: Words | None = None  # lines that start a page's "related news" tail
    restriction_words: Words | None = None  # word stems that say a service is restricted
    script: Script | None = None
    other_languages: dict[StrictStr, Script] | None = None  # languages without a folder, told by script
    inflection: Inflection | None = None  # endings a cue may take (suffixing languages)
    # Marks that end a sentence besides . ! ? (Amharic "።", "፧"): the builder's and scan's
    # sentence splitters (extraction/types.py, scan/relevance.py) read every language's.
    sentence_marks: Words | None = None
    # Abbreviations written with full stops that end no sentence (Amharic "ዓ.ም", the
    # Ethiopian era after a year): given without their final stop.
    abbreviations: Words | None = None
    verb_final: StrictBool | None = None  # subject ... object ... verb (cuedata.verb_final)


TOPICS: dict[str, type[Section]] = {"cues": CuesFile, "dates": DatesFile, "meta": MetaFile}


# ---------------------------------------------------------------- loading


def validate(name: str, data: Any, path: Path | str, text: str | None = None) -> dict[str, Any]:
    """`data` (one file's YAML) checked against the schema of topic `name`; returned as is.

    Raises `LanguageDataError` naming the file, line and key. A topic without a schema is
    returned unchecked."""
    model = TOPICS.get(name)
    if data is None:
        return {}
    if model is None:
        return data
    if not isinstance(data, dict):
        raise LanguageDataError(f"the file must be a mapping of keys, not a {type(data).__name__}", place=f"{path}:1")
    try:
        model.model_validate(data)
    except ValidationError as err:
        raise _explain(err, model, data, path, text) from None
    return data


def _explain(
    err: ValidationError, model: type[Section], data: Any, path: Path | str, text: str | None
) -> LanguageDataError:
    """The first error as `file:line: key: what is wrong (what would be right)`."""
    # An unknown key first; otherwise the deepest error (a union reports every branch).
    first = min(
        err.errors(), key=lambda e: (e["type"] not in ("extra_forbidden", "cue_key"), -len(data_path(data, e["loc"])))
    )
    keys = data_path(data, first["loc"])
    ctx = first.get("ctx") or {}
    if first["type"] in ("cue", "cue_key") and ctx.get("index") is not None:
        keys.append(ctx["index"])  # the list item at fault, for its line
    if first["type"] == "cue_key":
        keys.append(ctx["key"])
    dotted = ".".join(str(k) for k in keys) or "(top)"
    line = line_of(text if text is not None else read(path), keys)
    if first["type"] == "cue_key" and not any(isinstance(k, bool) for k in keys):
        hint = difflib.get_close_matches(str(ctx["key"]), CUE_KEYS, n=1)
        fix = f"did you mean '{hint[0]}'?" if hint else f"a cue mapping has {ctx['known']}"
        message = f"{dotted}: unknown key ({fix})"
    elif first["type"] == "cue" and not any(isinstance(k, bool) for k in keys):
        message = f"{dotted}: {first['msg']}"
    else:
        message = dataschema.message(first, model, keys, "extraction/langschema.py")
    return LanguageDataError(message, place=f"{path}:{line}")


def has_path(name: str, path: tuple[str, ...]) -> bool:
    """Whether `path` (e.g. ("gates", "restriction")) names a key the schema of topic `name` knows."""
    current: Any = TOPICS[name]
    for key in path:
        if not (isinstance(current, type) and issubclass(current, Section)):
            return False
        field = current.model_fields.get(key)
        if field is None:
            return False
        current = section_of(field.annotation)
    return True
