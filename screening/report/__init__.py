"""The candidate profile as a PDF (reportlab): layout, charts, fonts; untrusted text goes through screening.text."""

from screening.report.pdf import render_campaign_zip, render_profile_pdf

__all__ = ["render_campaign_zip", "render_profile_pdf"]
