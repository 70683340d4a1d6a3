"""Maths worked out for the student, step by step: which of two fractions is bigger, and a
calculation they ask about ("what's 1/2 + 1/3?"), in the student's language (lines.py; the
calculation itself is written the same in every language). Pure Python, no Rasa."""
from __future__ import annotations

import math
from fractions import Fraction

from .answers import fraction_text
from .lines import say


def over_common_bottom(a: str, b: str) -> tuple[int, int, int]:
    """Two fractions as written ("3/4", "2/3") over their least common denominator: (12, 9, 8), the denominator and
    each one's new top."""
    (na, da), (nb, db) = (int(v) for v in a.split("/")), (int(v) for v in b.split("/"))
    common = math.lcm(da, db)
    return common, na * (common // da), nb * (common // db)


def compare(a: str, b: str, lang: str = "en") -> str:
    """Why one of two fractions is bigger, over a common denominator (``a``, ``b`` as "3/4")."""
    x, y = Fraction(a), Fraction(b)
    common, ea, eb = over_common_bottom(a, b)
    if x == y:
        verdict = say("compare_same", lang, a=a, b=b)
    else:
        big, small = (a, b) if x > y else (b, a)
        verdict = say("compare_bigger", lang, big=big, small=small)
    return say("compare", lang, common=common, a=a, b=b, ea=ea, eb=eb, verdict=verdict)


def worked_out(a: str, op: str, b: str) -> tuple[str, Fraction]:
    """A calculation with its step and result, from the operands as written ("2/4", "×", "2" ->
    ("2/4 × 2 = 4/4 = 1", 1))."""
    (an, ad), (bn, bd) = (_parts(x) for x in (a, b))
    if op == "×":
        steps = [f"{an * bn}/{ad * bd}"]
    elif op == "÷":
        steps = [f"{a} × {bd}/{bn}", f"{an * bd}/{ad * bn}"]
    else:
        common = ad * bd // math.gcd(ad, bd)
        top = an * common // ad + (1 if op == "+" else -1) * bn * common // bd
        steps = ([] if ad == bd else [f"{an * common // ad}/{common} {op} {bn * common // bd}/{common}"]) + [f"{top}/{common}"]
    result = {"×": Fraction(an * bn, ad * bd), "÷": Fraction(an * bd, ad * bn)}.get(
        op, Fraction(an, ad) + (1 if op == "+" else -1) * Fraction(bn, bd))
    if fraction_text(result) != steps[-1]:
        steps.append(fraction_text(result))
    return f"{a} {op} {b} = {' = '.join(steps)}.", result


def _parts(written: str) -> tuple[int, int]:
    top, _, bottom = written.partition("/")
    return int(top), int(bottom or 1)


def simplified(written: str, lang: str = "en") -> tuple[str, Fraction]:
    """A fraction simplified step by step, from its written form ("10/20" -> ("... so 10/20 = 1/2.",
    1/2)); one already in lowest terms is said to be."""
    top, bottom = _parts(written)
    common = math.gcd(top, bottom)
    result = Fraction(top, bottom)
    if common == 1:
        return say("already_lowest", lang, written=written, top=top, bottom=bottom), result
    return say("simplified", lang, top=top, bottom=bottom, common=common, new_top=top // common,
               new_bottom=bottom // common, written=written, result=fraction_text(result)), result
