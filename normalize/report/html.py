"""A self-contained HTML report for an editor: each document's full text with
its findings highlighted, and the list of findings beside the text.

Nothing is fetched from the network (styles are inline). The document text is
shown exactly as it is, line for line; every character of it is escaped.
"""

from __future__ import annotations

from html import escape

from normalize import __version__

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; }
.text { white-space: pre-wrap; font-family: Georgia, serif; background: #fafafa; padding: 1em;
        border: 1px solid #e4e4e4; }
mark { background: #ffe8a3; border-bottom: 2px solid #e0a800; }
mark.safe { background: #d9f2d9; border-bottom-color: #2e8b57; }
mark.here { background: none; border-bottom: none; color: #c0392b; font-weight: bold; }
mark a { color: inherit; text-decoration: none; }
ol.findings li { margin: .6em 0; }
code.rule { font-weight: bold; } .category { color: #666; }
del { background: #fbe3e3; } ins { background: #d9f2d9; text-decoration: none; }
.summary { color: #555; }
"""


def render_html(documents: list[tuple[str, str, list[dict]]]) -> str:
    """The report for ``(path, text, finding records)`` of each document, in
    the order given (records as ``finding_records`` makes them)."""
    records = [r for _, _, found in documents for r in found]
    fixable = sum(1 for r in records if r["applicability"] == "safe" and r["suggestions"])
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<title>normalize report</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>normalize report: {len(records)} finding(s) in {len(documents)} file(s)</h1>",
        f"<p class=\"summary\">{fixable} fixable with <code>normalize fix</code>; "
        "green: applied by <code>fix</code>, yellow: suggestions to review. "
        f"normalize {escape(__version__)}.</p>",
    ]
    number = 0
    for path, text, records_here in documents:
        found = list(enumerate(records_here, start=number + 1))
        number += len(found)
        parts.append(f"<h2>{escape(path)} ({len(found)} finding(s))</h2>")
        parts.append(f"<div class=\"text\">{_marked_text(text, found)}</div>")
        if found:
            parts.append("<ol class=\"findings\">")
            parts.extend(_finding_item(number, r) for number, r in found)
            parts.append("</ol>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _marked_text(text: str, found: list[tuple[int, dict]]) -> str:
    """The text, escaped, with each stretch some finding covers in a <mark>
    (findings may overlap: the text is cut at every start and end) and a
    caret where a finding inserts."""
    cuts = sorted({0, len(text), *(r["start"] for _, r in found), *(r["end"] for _, r in found)})
    inserts: dict[int, list[tuple[int, dict]]] = {}  # zero-width findings, by place
    opening: dict[int, list[tuple[int, dict]]] = {}  # the others, by start
    for number, r in found:
        (inserts if r["start"] == r["end"] else opening).setdefault(r["start"], []).append((number, r))
    # Every start and end is a cut, so a finding covers the stretch [a, b)
    # exactly while a cut at its start has passed and one at its end has not.
    active: dict[int, dict] = {}
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [len(text)]):
        for number, r in inserts.get(a, []):
            out.append(_mark("\u2038", [(number, r)], "here"))
        active.update(opening.get(a, []))
        for number in [n for n, r in active.items() if r["end"] <= a]:
            del active[number]
        if a >= b:
            continue
        covering = sorted(active.items())  # in the order of ``found``
        piece = text[a:b]
        if covering:
            kind = "safe" if all(r["applicability"] == "safe" for _, r in covering) else "review"
            out.append(_mark(piece, covering, kind))
        else:
            out.append(escape(piece))
    return "".join(out)


def _mark(piece: str, covering: list[tuple[int, dict]], kind: str) -> str:
    title = "\n".join(f"{r['rule']}: {_suggestion_text(r)}" for _, r in covering)
    first = covering[0][0]
    return (
        f"<mark class=\"{kind}\" title=\"{escape(title)}\"><a href=\"#f{first}\">"
        f"{escape(piece)}</a></mark>"
    )


def _suggestion_text(r: dict) -> str:
    if not r["suggestions"]:
        return r["message"]
    return " | ".join(s if s else "(delete)" for s in r["suggestions"])


def _finding_item(number: int, r: dict) -> str:
    where = f"line {r['line']}, column {r['column']}"
    change = ""
    if r["suggestions"]:
        label = "fix" if r["applicability"] == "safe" else "suggestion"
        options = " | ".join(f"<ins>{escape(s) if s else '(delete)'}</ins>" for s in r["suggestions"])
        old = f"<del>{escape(r['text'])}</del>" if r["text"] else "(insert)"
        change = f"<br>{label}: {old} \u2192 {options}"
    return (
        f"<li id=\"f{number}\"><code class=\"rule\">{escape(r['rule'])}</code> "
        f"<span class=\"category\">[{escape(r['category'])}] {where}</span><br>"
        f"{escape(r['message'])}{change}</li>"
    )
