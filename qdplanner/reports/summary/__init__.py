"""The printed progress summary (进展情况汇总): gathered once, rendered as PDF, paper or preview."""
