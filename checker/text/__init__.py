"""The text kernel: characters, clauses, numerals, dates, figures and words, one owner each."""
