"""Programmes weighed: budgets per year, country and pillar against ceilings; monitoring flags with the
"adapt or stop" decision each calls for."""
