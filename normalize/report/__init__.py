"""Renderers: findings -> text for people or machines. One module per format."""

FORMATS = ("text", "json", "github", "sarif", "flags", "html")
