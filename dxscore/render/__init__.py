"""Renderers: each turns validated data into text and knows nothing of files."""
