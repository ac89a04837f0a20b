"""The do-no-harm risk register: human-rights risks of partnerships and programmes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ima.domain.partnership import Source

# Categories from recognised frameworks (OHCHR border guidelines, UN HRDDP, DIHR HRIA, UNGP);
# see ../shared/reference/eu-policy-methods.md §5.2 and ima/data/partnerships/SOURCE.md.
RISK_CATEGORIES = {
    "refoulement": "OHCHR Guideline 9; HRDDP grave violation",
    "arbitrary-detention": "OHCHR Guideline 8 (avoiding detention)",
    "violence-at-borders": "OHCHR Guideline 4 (rescue and interception): pushbacks, collective expulsion",
    "abusive-security-forces": "UN HRDDP: support to non-UN security forces",
    "discrimination": "OHCHR Principle B (non-discrimination): profiling at borders",
    "child-rights": "OHCHR Principle C: best interests of the child",
    "trafficking-exploitation": "Trafficking, smuggling and route displacement (unintended effects)",
    "right-to-leave": "ICCPR Art. 12(2): containment effects",
    "data-protection": "Privacy and biometrics shared with partner authorities",
    "civic-space": "Reprisals against migrants, NGOs and monitors",
    "socio-economic": "Unintended socio-economic effects (e.g. transit economies)",
    "accountability": "Diversion of funds; no independent monitoring or remedy",
}
RISK_STATUSES = ("open", "mitigating", "mitigated", "accepted", "closed")
MITIGATION_STATES = ("planned", "in-place")
SUBJECT_KINDS = ("partnership", "programme")
HIGH_SCORE = 15  # likelihood × impact from which a risk is high
MEDIUM_SCORE = 8


def risk_level(likelihood: int, impact: int, irremediable: bool = False) -> str:
    """high, medium or low from likelihood × impact; an irremediable impact of 5 is high whatever the
    likelihood (UNGP severity)."""
    score = likelihood * impact
    if score >= HIGH_SCORE or (irremediable and impact == 5):
        return "high"
    return "medium" if score >= MEDIUM_SCORE else "low"


@dataclass(frozen=True, slots=True)
class Mitigation:
    """A measure against a risk and whether it is in place yet."""

    measure: str
    state: str = "planned"


@dataclass(frozen=True, slots=True)
class Risk:
    """One risk of the register: likelihood and impact 1–5 (judgements), owner, review date, evidence."""

    id: str
    subject_kind: str
    subject: str  # ISO 3166 alpha-3 for a partnership, the programme id for a programme
    country: str
    category: str
    title: str
    description: str
    likelihood: int
    impact: int
    owner: str
    review_date: dt.date
    status: str
    irremediable: bool = False  # death, refoulement, torture: high whatever the likelihood (UNGP)
    mitigations: tuple[Mitigation, ...] = ()
    evidence: tuple[Source, ...] = ()

    @property
    def score(self) -> int:
        """Likelihood × impact (1–25)."""
        return self.likelihood * self.impact

    @property
    def level(self) -> str:
        """high, medium or low (``risk_level``)."""
        return risk_level(self.likelihood, self.impact, self.irremediable)

    @property
    def active(self) -> bool:
        """Still to be managed (not closed)."""
        return self.status != "closed"

    def overdue(self, today: dt.date) -> bool:
        """The review date has passed and the risk is not closed."""
        return self.active and self.review_date < today

    def unmitigated_high(self) -> bool:
        """A high risk, not closed or accepted, with no mitigation in place."""
        return (self.level == "high" and self.status in ("open", "mitigating")
                and not any(m.state == "in-place" for m in self.mitigations))


@dataclass(frozen=True, slots=True)
class HeatCell:
    """One cell of the 5 × 5 heat map: the risks with this likelihood and impact."""

    likelihood: int
    impact: int
    risks: tuple[str, ...]
    level: str


@dataclass(frozen=True, slots=True)
class HeatMap:
    """Likelihood (rows, 5 at the top) × impact (columns, 1 at the left), as the web app renders it."""

    rows: tuple[tuple[HeatCell, ...], ...]
    total: int
