"""Muscle Twitch Guide generator: YAML entries -> validated, cross-linked Markdown -> MkDocs site."""
