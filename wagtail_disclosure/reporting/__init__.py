"""Reporting: computed figures and the panels that show them (dashboard, public pages, reports)."""
