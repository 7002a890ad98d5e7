# ruff: noqa: E501  (the template table keeps one record per line, for review)
"""Build tests/data/event_validation.jsonl: PETRARCH-style validation records for the coder.

Each record is a sentence written for marsad, the actors to inject as hand-built mentions
(so the grammar is tested, not the dictionary), the expected events (source code, target
code, CAMEO root, modality) and a comment. Every template is filled with a real-country
set and two made-up ones (زنبار، قرطاس، سوراليا، جبهة الوادي الأخضر ...).

    python scripts/build_event_validation.py
"""

from __future__ import annotations

import json
from pathlib import Path

# (name, nisba adjective, code, type) per slot, for three actor sets.
SETS = [
    {"A": ("إيران", "الإيراني", "IRN", "GPE"), "B": ("إسرائيل", "الإسرائيلي", "ISR", "GPE"),
     "C": ("سلطنة عمان", "العماني", "OMN", "GPE"), "G": ("حركة حماس", "", "PSEREB", "GROUP")},
    {"A": ("زنبار", "الزنباري", "ZNB", "GPE"), "B": ("قرطاس", "القرطاسي", "QRT", "GPE"),
     "C": ("سوراليا", "السورالي", "SRL", "GPE"), "G": ("جبهة الوادي الأخضر", "", "ZNBREB", "GROUP")},
    {"A": ("مملكة نوردان", "النورداني", "NRD", "GPE"), "B": ("جمهورية تالسا", "التالسي", "TLS", "GPE"),
     "C": ("إمارة فيروز", "الفيروزي", "FRZ", "GPE"), "G": ("كتائب الجبل", "", "TLSREB", "GROUP")},
]

# template, expected [(source slot, target slot, root, modality)], absent roots, comment.
# {A} is a name, {a} its nisba adjective.
T = [
    ("قصفت {A} مواقع عسكرية تابعة لـ{B} فجر اليوم.", [("A", "B", "19", "asserted")], [], "VSO verb, target via لـ"),
    ("أعلن الجيش أن {A} شنت هجوما صاروخيا على {B}.", [("A", "B", "19", "asserted")], [], "light verb شن + masdar after أن"),
    ("شنت {A} غارات جوية على {B} مساء الأحد.", [("A", "B", "19", "asserted")], [], "شن غارات, 195 aerial"),
    ("هاجمت {A} {B} بطائرات مسيرة.", [("A", "B", "19", "asserted")], [], "VSO with bare object"),
    ("{A} هاجمت {B} بالصواريخ.", [("A", "B", "19", "asserted")], [], "SVO"),
    ("وقال مسؤول إن {A} استهدفت قاعدة تابعة لـ{B}.", [("A", "B", "19", "asserted")], [], "SVO after إن"),
    ("لم تشن {A} أي هجوم على {B} منذ سنوات.", [("A", "B", "19", "negated")], [], "negation لم"),
    ("لن تهاجم {A} {B} مهما كانت الظروف.", [("A", "B", "19", "negated")], [], "negation لن"),
    ("نفت {A} أنها قصفت مواقع في {B}.", [], ["19:asserted"], "denial نفت governs the shelling"),
    ("ستشن {A} هجوما واسعا على {B} خلال أيام.", [("A", "B", "19", "future")], [], "future prefix س"),
    ("تعتزم {A} مهاجمة {B} إذا فشلت المفاوضات.", [], ["19:asserted"], "intent يعتزم"),
    ("في حال هاجمت {A} {B} فإن المنطقة ستنفجر.", [("A", "B", "19", "hypothetical")], [], "conditional في حال"),
    ("إذا قصفت {A} {B} فسترد بقوة.", [("A", "B", "19", "hypothetical")], [], "conditional إذا"),
    ("تسعى الدول إلى منع وقوع هجوم {a} على {B}.", [("A", "B", "19", "hypothetical")], [], "prevented: منع وقوع, nisba source"),
    ("يسود ترقب للضربة {a} المحتملة على {B}.", [], ["19:asserted"], "anticipated: ترقب / المحتملة"),
    ("اتخذت {B} إجراءات تحسبا لهجوم من {A}.", [], ["19:asserted"], "precaution تحسبا"),
    ("جاء ذلك بعد الهجوم الذي شنته {A} على {B} في 13 أبريل.", [("A", "B", "19", "asserted")], [], "reported background event with relative clause"),
    ("ردت {A} بضربة استهدفت منشأة في {B}.", [("A", "B", "19", "asserted")], [], "target from place when no target actor"),
    ("اغتيل قيادي في {G} في غارة على {B}.", [(None, None, "18", "asserted")], [], "passive اغتيل"),
    ("اغتالت {A} قائدا بارزا في {G}.", [("A", "G", "18", "asserted")], [], "assassination 186"),
    ("قتل ثلاثة جنود من {B} في هجوم شنته {G}.", [("G", None, "19", "asserted")], [], "attack source from relative verb"),
    ("اندلعت اشتباكات عنيفة بين {A} و{B} على الحدود.", [("A", "B", "19", "asserted")], [], "بين X و Y"),
    ("تتواصل المعارك بين {A} و{G} في الشمال.", [("A", "G", "19", "asserted")], [], "بين with a group"),
    ("قصفت {A} مواقع تابعة لـ{B} و{G}.", [("A", "B", "19", "asserted"), ("A", "G", "19", "asserted")], [], "coordinated targets: one event per dyad"),
    ("شنت {A} و{C} غارات على {B}.", [("A", "B", "19", "asserted"), ("C", "B", "19", "asserted")], [], "coordinated sources"),
    ("أجرى وزير خارجية {A} اتصالا هاتفيا مع نظيره في {B}.", [("A", "B", "04", "asserted")], [], "041 phone"),
    ("أجرت {A} محادثات غير مباشرة مع {B} في {C}.", [("A", "B", "04", "asserted")], [], "indirect talks, third-party, place C"),
    ("عقدت {A} و{B} جولة مفاوضات بوساطة {c}.", [("A", "B", "04", "asserted")], [], "mediation بوساطة + nisba"),
    ("نقلت {A} رسائل إلى {B} عبر وسطاء {c_pl}.", [], ["19:asserted"], "messages via mediators: no conflict"),
    ("زار رئيس {A} عاصمة {B} يوم الاثنين.", [("A", "B", "04", "asserted")], [], "042 visit"),
    ("استقبل رئيس {B} وفدا من {A}.", [("B", "A", "04", "asserted")], [], "043 host"),
    ("التقى وزير {A} مع وزير {B} على هامش القمة.", [("A", "B", "04", "asserted")], [], "التقى مع"),
    ("بحث وزير {A} مع نظيره في {B} تطورات الأوضاع.", [("A", "B", "04", "asserted")], [], "بحث مع"),
    ("أبدت {A} استعدادها للتفاوض مع {B}.", [("A", "B", "03", "asserted")], [], "express intent 036"),
    ("قالت {A} إنها مستعدة للحوار مع {B}.", [("A", "B", "03", "future")], [], "مستعدة -> intended talks (036)"),
    ("تعتزم {A} إجراء محادثات مع {B} الشهر المقبل.", [("A", "B", "03", "future")], [], "يعتزم + talks -> 036 future"),
    ("لم تجر {A} أي محادثات مع {B} منذ عام.", [("A", "B", "04", "negated")], [], "negated talks"),
    ("دعت {A} {B} إلى ضبط النفس وخفض التصعيد.", [("A", "B", "02", "asserted")], ["19:asserted"], "0256 appeal to de-escalate"),
    ("حثت {A} {B} على العودة إلى طاولة المفاوضات.", [("A", "B", "02", "asserted")], [], "urge حث"),
    ("طالبت {A} {B} بالإفراج عن المعتقلين.", [("A", "B", "10", "asserted")], [], "demand طالب"),
    ("طلبت {A} من {B} تسليم المطلوبين.", [("A", "B", "02", "asserted")], [], "طلب من X: X is target"),
    ("انتقدت {A} بشدة سياسات {B} في المنطقة.", [("A", "B", "11", "asserted")], [], "criticise 111"),
    ("أدانت {A} الهجوم على سفارتها في {B}.", [("A", None, "11", "asserted")], [], "condemn; the attack itself is governed"),
    ("اتهمت {A} {B} بدعم الإرهاب.", [("A", "B", "11", "asserted")], [], "accuse 112"),
    ("رفضت {A} المقترح الذي قدمته {B}.", [("A", None, "12", "asserted")], [], "reject 120"),
    ("أكدت {A} أنها لن تقبل شروط {B}.", [("A", None, "12", "asserted")], [], "negated accept -> reject"),
    ("هددت {A} بضرب {B} إذا استمرت الاستفزازات.", [("A", None, "13", "asserted")], ["19:asserted"], "threaten with force 138; the strike is hypothetical"),
    ("حذرت {A} {B} من عواقب وخيمة.", [("A", "B", "13", "asserted")], [], "warn -> threaten"),
    ("تظاهر آلاف المواطنين أمام سفارة {A} في {B}.", [(None, None, "14", "asserted")], [], "protest 141"),
    ("نظم أنصار {G} وقفة احتجاجية ضد {A}.", [], ["19:asserted"], "protest stand"),
    ("حشدت {A} قوات على حدودها مع {B}.", [("A", None, "15", "asserted")], [], "mobilise 154"),
    ("فرضت {A} عقوبات جديدة على {B}.", [("A", "B", "16", "asserted")], [], "sanctions 163"),
    ("قطعت {A} علاقاتها الدبلوماسية مع {B}.", [("A", None, "16", "asserted")], [], "break relations 161"),
    ("اعتقلت قوات {A} عناصر من {G}.", [("A", "G", "17", "asserted")], [], "arrest 173"),
    ("أرسلت {A} مساعدات إنسانية إلى {B}.", [("A", "B", "07", "asserted")], [], "humanitarian aid"),
    ("ستساعد {A} {B} على التصدي للهجوم المحتمل.", [("A", "B", "07", "future")], ["19:asserted"], "future aid, anticipated attack"),
    ("رحبت {A} بقرار {B} وقف إطلاق النار.", [("A", "B", "05", "asserted")], [], "welcome 051"),
    ("فاز منتخب {A} على منتخب {B} بعد هجوم مكثف في الشوط الثاني.", [], [], "sports هجوم (lexicon may code it; the classifier vetoes it in the pipeline)"),
]


def fill(template: str, actors: dict[str, tuple[str, str, str, str]]) -> tuple[str, list[dict]]:
    text = template
    used: list[dict] = []
    for slot, (name, adj, code, etype) in actors.items():
        plural = adj.lstrip("ال") + "ين" if adj else ""
        for key, surface in (("{" + slot + "}", name), ("{" + slot.lower() + "}", adj),
                             ("{" + slot.lower() + "_pl}", plural)):
            if key in text:
                text = text.replace(key, surface)
                used.append({"text": surface, "code": code, "type": etype})
    return text, used


def build() -> list[dict]:
    rows = []
    for si, actors in enumerate(SETS):
        for ti, (template, expected, absent, comment) in enumerate(T):
            text, used = fill(template, actors)
            code = {slot: actors[slot][2] for slot in actors}
            rows.append({
                "id": f"v{ti:03d}-{si}", "text": text, "actors": used,
                "expected": [{"source": code[s] if s else None, "target": code[t] if t else None,
                              "root": root, "modality": mod} for s, t, root, mod in expected],
                "absent": absent, "comment": comment + ("" if si == 0 else " (fictional actors)"),
            })
    return rows


def main() -> None:
    out = Path(__file__).resolve().parents[1] / "tests/data/event_validation.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for row in build():
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
