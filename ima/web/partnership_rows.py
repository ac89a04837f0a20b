"""Plain JSON rows of partnership facts, risks and programmes, shared by the pages of issue 8.

The shapes follow the CLI's ``--json`` output (``ima partnership``, ``ima risks``, ``ima programmes flags``)
so a page's JSON twin and the command line agree.
"""

from __future__ import annotations

from typing import Any

from ima.domain.serial import to_plain


def source_row(source) -> dict[str, Any]:
    """A source with its one-line citation (``cite``) for people."""
    return {**to_plain(source), "cite": source.cite()}


def sourced(item) -> dict[str, Any]:
    """A dataclass with a ``source`` field, the source given its citation."""
    return {**to_plain(item), "source": source_row(item.source)}


def risk_row(flagged) -> dict[str, Any]:
    """A risk of the register with its score, level and flags (as ``ima risks --json``)."""
    r = flagged.risk
    return {**to_plain(r), "score": r.score, "level": r.level, "overdue": flagged.overdue,
            "unmitigated_high": flagged.unmitigated_high,
            "evidence": [source_row(e) for e in r.evidence]}


def flag_row(flag, lang: str) -> dict[str, Any]:
    """A monitoring flag with its finding and the "adapt or stop" decision it calls for (as ``ima programmes
    flags --json``)."""
    return {"programme": flag.programme, "title": flag.title, "kind": flag.kind, "severity": flag.severity,
            "subject": flag.subject, **to_plain(flag.facts), "finding": flag.explain(lang),
            "decision": flag.decision(lang)}


def heat_rows(heat) -> list[list[dict[str, Any]]]:
    """The heat map as rows (likelihood 5 at the top) of cells (impact 1 at the left)."""
    return [[{"likelihood": c.likelihood, "impact": c.impact, "level": c.level, "risks": list(c.risks)}
             for c in row] for row in heat.rows]
