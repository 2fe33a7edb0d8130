"""newscrawl: clean, dated records from news-aggregator pages."""

__version__ = "0.1.0"
