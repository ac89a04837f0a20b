"""``ima qa``: a party's questions and the government's answers, side by side."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ima.cli.app import app, handle_errors, state_of
from ima.cli.output import console, print_json_line


@app.command()
@handle_errors
def qa(
    ctx: typer.Context,
    party: Annotated[str | None, typer.Option("--party", "-p", help="Party group (VVD, SP, GroenLinks, …).")] = None,
    pillar: Annotated[int | None, typer.Option("--pillar", help="Pillar 1–6 (0: the general part).")] = None,
    document: Annotated[int | None, typer.Option("--document", "-d", help="Only this document id.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per party/pillar block.")] = False,
) -> None:
    """Questions of written consultations and the answers to them, by party and pillar."""
    from ima.services.qa import questions_and_answers

    blocks = questions_and_answers(state_of(ctx).store(), party=party, pillar=pillar, document_id=document)
    if as_json:
        for b in blocks:
            print_json_line({
                "document_id": b.document_id, "title": b.title, "party": b.party, "pillar": b.pillar,
                "section": b.section,
                "questions": [{"page": q.page, "passage": q.passage_seq, "text": q.text,
                               "answered_by": [{"passage": s, "score": score, "method": m} for s, score, m in q.answers]}
                              for q in b.questions],
                "answers": [{"page": page, "passage": seq, "text": text} for page, seq, text in b.answers],
            })
        return
    if not blocks:
        console.print("No questions found for this selection.")
        return
    for b in blocks:
        pillar_label = f"pijler {b.pillar}" if b.pillar else "algemeen deel"
        console.print(f"\n[bold]{escape(b.party)}[/] · {pillar_label} · §{b.section or '-'} · "
                      f"#{b.document_id} {escape(b.title or '')}")
        table = Table("vraag (pagina)", "antwoord (pagina)", show_lines=True, expand=True)
        answer_text = {seq: (page, text) for page, seq, text in b.answers}
        shown: set[int] = set()
        for q in b.questions:
            linked = [seq for seq, _, _ in q.answers if seq in answer_text]
            shown.update(linked)
            right = "\n\n".join(f"p. {answer_text[s][0]}: {escape(answer_text[s][1][:500])}" for s in linked)
            table.add_row(f"p. {q.page}: {escape(q.text)}", right or "[dim](geen antwoord gekoppeld)[/]")
        rest = [seq for _, seq, _ in b.answers if seq not in shown]
        if rest:
            table.add_row("[dim](overige antwoorden aan deze fractie)[/]",
                          "\n\n".join(f"p. {answer_text[s][0]}: {escape(answer_text[s][1][:500])}" for s in rest))
        console.print(table)
