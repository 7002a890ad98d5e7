"""Reporting-verb lexicon and the small closed word lists of the statements layer.

The verbs live in ``marsad/data/lexicons/reporting_verbs.tsv`` (one lemma a line with
its inflected forms), so a lexicon change is a reviewable data diff. Every form is
folded with :func:`marsad.text.normalize.fold` because matching runs on
``Document.normalized``. The closed lists below are folded once, when this module is
imported; they are constants, never changed at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from marsad.text.normalize import fold

Style = Literal["finite", "participle", "present"]
Gender = Literal["m", "f"]
Number = Literal["sg", "du", "pl"]

__all__ = ["VerbForm", "Lexicon", "default_lexicon", "load_lexicon"]


@dataclass(frozen=True)
class VerbForm:
    """One written form of a reporting verb with its grammatical features."""

    lemma: str
    form: str
    prep: str | None
    style: Style
    gender: Gender | None
    number: Number | None
    strict: bool = False
    pp: bool = False


@dataclass(frozen=True)
class VerbHit:
    """A token recognised as a reporting verb; ``prefix`` is a conjunction clitic (و/ف)."""

    verb: VerbForm
    prefix: str


#: (column index, style, gender, number) of the inflected-form columns of the TSV.
_COLUMNS: tuple[tuple[int, Style, Gender | None, Number | None], ...] = (
    (3, "finite", "m", "sg"),
    (4, "finite", "f", "sg"),
    (5, "finite", "m", "du"),
    (6, "finite", "f", "du"),
    (7, "finite", "m", "pl"),
)


def _participle_features(form: str) -> tuple[Gender | None, Number | None]:
    if form.endswith("ين"):
        return "m", "pl"
    if form.endswith("ه"):  # folded taa marbuta
        return "f", "sg"
    return "m", "sg"


@dataclass(frozen=True)
class Lexicon:
    """Folded written forms (with and without a conjunction prefix) to verb forms."""

    forms: dict[str, VerbForm]

    def lookup(self, token: str) -> VerbHit | None:
        """The verb form of a folded token, allowing one و or ف prefix."""
        hit = self.forms.get(token)
        if hit is not None:
            return VerbHit(hit, "")
        if len(token) > 3 and token[0] in "وف":
            hit = self.forms.get(token[1:])
            if hit is not None:
                return VerbHit(hit, token[0])
        return None

    def __len__(self) -> int:
        return len(self.forms)


def _cells(value: str) -> list[str]:
    return [] if value.strip() in ("", "-") else [v.strip() for v in value.split(",") if v.strip()]


def _parse_line(line: str) -> list[VerbForm]:
    cols = line.rstrip("\n").split("\t")
    if len(cols) != 10:
        raise ValueError(f"reporting_verbs.tsv: expected 10 columns, got {len(cols)}: {line!r}")
    lemma, prep_cell, flags = cols[0], cols[1].strip(), set(_cells(cols[2]))
    prep = None if prep_cell in ("", "-") else fold(prep_cell)
    strict, pp = "strict" in flags, "pp" in flags

    def form(f: str, style: Style, gender: Gender | None, number: Number | None) -> VerbForm:
        return VerbForm(lemma, fold(f), prep, style, gender, number, strict, pp)

    out = [form(f, style, gender, number)
           for idx, style, gender, number in _COLUMNS for f in _cells(cols[idx])]
    out += [form(f, "participle", *_participle_features(fold(f))) for f in _cells(cols[8])]
    out += [form(f, "present", None, None) for f in _cells(cols[9])]
    return out


def load_lexicon(text: str) -> Lexicon:
    """Parse reporting-verb TSV text (see the file header for the columns)."""
    forms: dict[str, VerbForm] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for vf in _parse_line(line):
            # The first lemma to claim a written form keeps it: the file lists the
            # unambiguous verbs first.
            forms.setdefault(vf.form, vf)
    return Lexicon(forms)


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process (it is immutable data)."""
    path = resources.files("marsad.data.lexicons").joinpath("reporting_verbs.tsv")
    return load_lexicon(path.read_text(encoding="utf-8"))


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


#: Complementisers that open indirect speech; pronoun-suffixed forms included.
COMPLEMENTIZERS = _folded(
    "أن إن بأن وأن فإن أنه إنه أنها إنها أنهم إنهم أنهما إنهما أننا إننا أنني إنني أني إني "
    "بأنه بأنها بأنهم بأننا"
)
#: Words that end the subject noun phrase after a verb (adjuncts and prepositions).
SUBJECT_STOPS = _folded(
    "في خلال يوم اليوم أمس مساء صباح ظهر ليل الليلة الأحد الاثنين الثلاثاء الأربعاء "
    "الخميس الجمعة السبت عبر أمام بعد قبل منذ عقب إثر ضمن حول بشأن من عن على إلى مع "
    "الذي التي الذين وفق وفقا بحسب حسب نقلا خلالها أيضا كذلك كما مجددا بدوره بدورها "
    "قوله قولها قولهم للصحفيين للصحافيين لوسائل لقناة لموقع لشبكة لصحيفة لوكالة لمجلة "
    "لإذاعة لتلفزيون للتلفزيون لمحطة "
    # frequent objects of أكد/نفى that would otherwise extend the subject
    "الأمر ذلك هذا هذه الخبر النبأ الأنباء التقارير"
)
#: Particles that may stand before a clause-initial verb.
CLAUSE_PARTICLES = _folded(
    "كما وكما فقد وقد قد ولقد لقد بعدما عندما حين حيث فيما بينما ثم كذلك وبعدما وعندما "
    "ومن جانبه بدوره بدورها وبدوره وبدورها فيما وفيما"
)
#: Nouns naming a medium; "ل" + one of them, or after وفق ما نقل, introduces a source.
MEDIUM_NOUNS = _folded(
    "موقع شبكة صحيفة وكالة قناة مجلة إذاعة تلفزيون محطة وسائل وسائط منصة حساب"
)
#: Heads of definite references to an earlier speaker ("المتحدث", "المصدران").
ANAPHOR_GROUPS: tuple[frozenset[str], ...] = (
    _folded("متحدث المتحدث المتحدثة متحدثة"),
    _folded("مصدر المصدر المصدران مصدران المصادر مصادر المصدرين"),
    _folded("مسؤول المسؤول المسؤولة المسؤولان المسؤولون مسؤولون المسؤولين مسؤولين"),
    _folded("الوزير الوزيرة وزير"),
    _folded("الرئيس رئيس"),
    _folded("الدبلوماسي دبلوماسي الدبلوماسيون"),
    _folded("المبعوث مبعوث"),
    _folded("السفير سفير"),
    _folded("البعثة بعثة"),
    _folded("الوزارة وزارة"),
)
#: Head nouns of an unnamed (anonymous) source when indefinite.
ANONYMOUS_HEADS = _folded(
    "مصادر مصدر مسؤول مسؤولون مسؤولين مسؤولان مسؤولة دبلوماسي دبلوماسيون دبلوماسيين "
    "مصدران مصدرين شهود مراقبون مطلعون مقربون أوساط جهات"
)
#: Head nouns that are dual or plural (sound plurals are recognised by their endings).
PLURAL_HEADS = _folded("مصادر المصادر أوساط الأوساط جهات الجهات شهود خبراء الخبراء وسائل")
DUAL_HEADS = _folded("المصدران مصدران المسؤولان مسؤولان الوزيران الطرفان الجانبان المصدرين")
#: Line labels that look like "X: ..." but are page furniture, not speakers.
LABELS = _folded(
    "المصدر المصادر كلمات دلالية اقرأ إقرأ أيضا أيضاً شاهد تابع تابعونا المزيد الكاتب "
    "بقلم تحرير عاجل رابط الرابط وسوم الوسوم الصورة صورة فيديو تاريخ النشر آخر تحديث "
    "المراسل مراسل ملاحظة تنويه الموضوع العنوان"
)
#: Phrases that attribute without a verb: بحسب X، (فإن) ...
ACCORDING = _folded("بحسب وبحسب حسب وحسب وفق ووفق وفقا ووفقا طبقا وطبقا نقلا ونقلا")
#: Verbs of transmission after "وفق ما" / "بحسب ما" ("وفق ما نقلت وكالة ...").
TRANSMIT = _folded(
    "نقل نقلت ذكر ذكرت أورد أوردت أفاد أفادت نشر نشرت بث بثت قال قالت أعلن أعلنت نشرته نقلته"
)
