"""Minutes out of a meeting: the template context, the Jinja environment and the writers. No Qt."""
