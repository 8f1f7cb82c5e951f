"""Profiles: the genre of a report (its parts, issuer levels, deadlines) and the lexicons, from YAML."""
