"""The schema of the language-neutral vocabularies that have one (`data/vocab/*.yaml`).

Why: `datafiles.shared` hands these files to every stage as plain dicts, so a misspelt key
(`capitols:`) used to be an empty list without a word. A file named in `SCHEMAS` is checked
when it is first read: an unknown key, a country code that is not two capitals or a bare YAML
`no` where a language code was meant stops the run with `file:line: what is wrong`.
Adding a key is one line in the model of its file.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, RootModel, StrictStr, StringConstraints

from .dataschema import Section

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]  # ISO 3166-1 alpha-2
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]  # ISO 639
Names = list[StrictStr]


class CountriesFile(Section):
    """`vocab/countries.yaml`: what the gazetteer (extraction/gazetteer.py) adds to CLDR's names."""

    aliases: dict[CountryCode, Names] | None = None  # names CLDR and pycountry miss, any language
    ambiguous: Names | None = None  # names that are also common words: left out
    shared: dict[StrictStr, list[CountryCode]] | None = None  # a name two countries share ("Congo")
    inflected_languages: list[LanguageCode] | None = None  # names take case endings: match the stem
    exclude: list[CountryCode] | None = None  # territories that are not countries for our purpose
    capital_weight: Annotated[float, Field(gt=0, le=1)] | None = None  # a capital's vote against its country's
    capitals: dict[CountryCode, Names] | None = None  # capitals named in datelines


class DemonymsFile(RootModel[dict[LanguageCode, dict[CountryCode, Names]]]):
    """`vocab/demonyms.yaml`: language -> country code -> adjectives ("*" = a short ending)."""


# `datafiles.shared` name -> the model its file must fit.
SCHEMAS: dict[str, type[Section] | type[RootModel]] = {
    "vocab/countries": CountriesFile,
    "vocab/demonyms": DemonymsFile,
}
