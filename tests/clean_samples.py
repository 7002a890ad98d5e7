"""Hand-written Arabic sample pages for the cleaning tests (our own sentences)."""

from __future__ import annotations

from marsad.model import Meta, Provenance, RawInput

TITLE = "وزير الزراعة يفتتح سوق المزارعين الجديد في المدينة"

STORY = (
    "افتتح وزير الزراعة صباح اليوم سوقاً جديداً للمزارعين في وسط المدينة، بحضور عدد من "
    "المسؤولين المحليين وممثلي الجمعيات الزراعية.",
    "وقال الوزير في كلمة قصيرة إن السوق سيتيح للمزارعين بيع محاصيلهم مباشرة إلى المستهلكين "
    "من دون وسطاء.",
    "وأضاف أن الحكومة تعتزم افتتاح أسواق مماثلة في ثلاث محافظات أخرى قبل نهاية العام.",
    "وأشار رئيس الجمعية الزراعية إلى أن الأسعار في السوق ستكون أقل من أسعار المتاجر الكبرى.",
)

SUBHEADING = "خطط للتوسع"

APPENDED_TITLE = "افتتاح مكتبة عامة في حي الزيتون"
APPENDED = (
    "افتتحت البلدية مساء أمس مكتبة عامة في حي الزيتون تضم آلاف الكتب للأطفال والكبار.",
    "وقال مدير المكتبة إن أبواب مكتبة الزيتون ستبقى مفتوحة حتى العاشرة ليلاً طوال أيام الأسبوع.",
    "وأوضح أن المكتبة ستنظم ورشاً أسبوعية للقراءة والكتابة لطلاب المدارس.",
)

HEADLINES = (
    "ارتفاع أسعار الخضار في الأسواق الشعبية",
    "فريق المدينة يفوز بكأس الدوري للمرة الثالثة",
    "افتتاح معرض للصور القديمة في المتحف الوطني",
)


def raw_text(content: str, *, doc_id: str = "t1", meta: Meta | None = None) -> RawInput:
    """A plain-text raw input."""
    return RawInput(id=doc_id, format="text", content=content,
                    provenance=Provenance(source="test"), meta=meta or Meta())


def raw_html(content: str, *, doc_id: str = "h1", meta: Meta | None = None) -> RawInput:
    """An HTML raw input."""
    return RawInput(id=doc_id, format="html", content=content,
                    provenance=Provenance(source="test", input_format="html"), meta=meta or Meta())


def page(*blocks: str) -> str:
    """Blocks joined by blank lines, as plain-text scrapes are."""
    return "\n\n".join(blocks) + "\n"
