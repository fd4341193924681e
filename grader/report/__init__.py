"""report: present a GradingResult (terminal table, Gradescope results.json)."""
