"""normalize: find and fix translationese in English wire copy."""

__version__ = "0.1.0"
