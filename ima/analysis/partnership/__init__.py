"""Partnerships with third countries: dossiers, the instrument catalogue, package builder, risk register."""
