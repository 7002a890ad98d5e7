"""Cue phrases for page chrome, in folded form (see :func:`marsad.text.normalize.fold`).

Cues are matched against the *folded* line (alef/hamza forms unified, taa marbuta to
haa, tatweel and harakat deleted), so one spelling covers "اقرأ أيضاً", "إقرأ ايضا" and
a tatweel-stretched "عاجـــل". Everything here is immutable data; the classifier in
:mod:`marsad.clean.lines` turns matches into features, never into silent special cases.
"""

from __future__ import annotations

import re

#: Lines that *are* a piece of chrome when the line is little more than the cue
#: (at most ``WHOLE_LINE_SLACK`` extra words). Reason code -> folded cue phrases.
WHOLE_LINE_CUES: dict[str, tuple[str, ...]] = {
    "chrome": (
        "زر الذهاب الي الاعلي", "العوده الي الاعلي", "الذهاب الي الاعلي", "جميع الحقوق محفوظه",
        "تابعنا علي", "تابعونا علي", "شارك هذا", "شارك علي", "شارك الخبر", "مشاركه",
        "فيسبوك", "تويتر", "واتساب", "تيليجرام", "تلغرام", "حمل التطبيق", "حمل تطبيق",
        "عاجل", "اخبار عاجله", "الرئيسيه", "الاكثر قراءه", "الاكثر مشاهده", "اخر الاخبار",
        "اشترك في النشره", "النشره البريديه", "recent", "trending", "breaking", "share",
        "google play", "app store", "advertisement", "اعلان", "طباعه", "ارسل لصديق",
        "حجم الخط", "اخبار ذات صله",
    ),
    "comment_form": (
        "اترك تعليقا", "اترك تعليق", "اضف تعليق", "اضف تعليقك", "التعليقات", "تعليقات",
        "ارسال التعليق", "الاسم", "البريد الالكتروني", "الموقع الالكتروني", "التعليق",
        "احفظ اسمي", "leave a reply", "leave a comment",
    ),
    "related_header": (
        "مقالات مشابهه", "مقالات ذات صله", "اخبار مشابهه", "مواضيع ذات صله", "مواضيع مشابهه",
        "موضوعات ذات صله", "مقالات متعلقه", "اخبار متعلقه", "قد يعجبك ايضا", "قد يهمك",
        "related articles", "related posts", "you may also like",
    ),
}

#: How many words beyond the cue a line may have and still count as that cue.
WHOLE_LINE_SLACK = 2

#: Phrases that mark a line as comment-form text wherever they appear in it.
COMMENT_FORM_PHRASES: tuple[str, ...] = (
    "لن يتم نشر عنوان بريدك", "الحقول الالزاميه", "الحقول المطلوبه", "حفظ اسمي",
    "your email address will not be published",
)

#: Boilerplate (comment policy, disclaimers, rights) found inside otherwise fine
#: paragraphs, especially in HTML. Each hit adds its weight to the paragraph's
#: boilerplate score; :data:`BOILERPLATE_THRESHOLD` decides. The reason code is
#: ``html_boilerplate`` for plain text too: such paragraphs are what survives HTML
#: extraction, and plain scrapes are usually HTML pages flattened to text.
BOILERPLATE_PHRASES: dict[str, float] = {
    "التعليقات": 0.5, "قبل نشرها": 0.5, "سياسه الخصوصيه": 1.0, "شروط استخدام": 1.0,
    "شروط الاستخدام": 1.0, "ارشادات الاستخدام": 1.0, "الاراء الوارده": 1.0,
    "لا تعبر عن راي": 1.0, "وجهات نظر اصحابها": 1.0, "تعبر عن وجهه نظر كاتبها": 1.0,
    "جميع مشاركاتك": 1.0, "جميع الحقوق محفوظه": 2.0, "بالنقاش": 0.5, "ننصحك": 0.5,
    "all rights reserved": 2.0, "privacy policy": 1.0, "terms of use": 1.0,
}
#: Two strong hits (or one strong hit and two weak ones): one phrase alone, such as
#: "لا تعبر عن رأي" in a quoted statement, must not drop a story paragraph.
BOILERPLATE_THRESHOLD = 2.0

#: Read-also markers (folded). Group "rest" holds a headline on the same line, if any.
READ_ALSO = re.compile(
    r"^\W*(?:اقرا|طالع|شاهد|تابع)\s+(?:ايضا|كذلك|المزيد)\b\W*(?P<rest>.*)$"
)

#: "المصدر: X" lines (folded); "value" is the named source.
SOURCE_LINE = re.compile(r"^\W*(?:المصدر|المصادر|مصدر الخبر|source)\s*[:：\-–]\s*(?P<value>.+)$")

#: Tag lists: "كلمات دلالية: ...", "الوسوم: ...".
TAGS_LINE = re.compile(
    r"^\W*(?:كلمات دلاليه|الكلمات الدلاليه|الكلمات المفتاحيه|كلمات مفتاحيه|الوسوم|وسوم|tags)"
    r"\s*[:：]?"
)

#: Bylines: "| العربية.نت", "العربية.نت |", "بقلم: ...", "كتب: ...".
BYLINE_PIPE = re.compile(
    r"^\s*[|｜]\s*(?P<value>[^|｜]{2,60}?)\s*$"
    r"|^\s*(?P<value2>[^|｜]{2,60}?)\s*[|｜]\s*$"
)
BYLINE_AUTHOR = re.compile(r"^\W*(?:بقلم|كتب|كتبت|اعداد|تحرير|by)\s*[:：\-–]?\s*(?P<value>.+)$")
#: A byline value longer than this many words is a sentence, not a byline.
BYLINE_MAX_WORDS = 5

#: Bullet glyphs that start related-link items in plain-text scrapes. Dashes, stars
#: and digits are left out on purpose: stories use them for their own lists (points
#: of a plan, ingredients), and those items are scored like any other line.
BULLETS = "•·▪●◦‣∙"

#: Sentence-final punctuation (a trailing quote or bracket after it is allowed).
SENTENCE_FINAL = re.compile(r"[.!?؟…]['\"»”’)\]]*\s*$")
