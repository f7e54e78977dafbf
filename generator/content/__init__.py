"""Reading and validating a site's source (site.yaml, courses, vocabularies) into plain models."""
