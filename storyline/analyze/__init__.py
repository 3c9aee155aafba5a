"""What a story's articles say beyond the summary: dates and the timeline (more to come:
claims and conflicts, quotes, framing)."""
