"""From a Source to a Document: the matching view, the outline and the page furniture."""
