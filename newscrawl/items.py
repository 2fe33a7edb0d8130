"""Scrapy items: the fetched page that spiders yield, and the article record that is written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import scrapy

SCHEMA_PATH = Path(__file__).with_name("article.schema.json")


@dataclass(slots=True)
class FetchedPage:
    """A downloaded page, handed from the spider to the extraction pipeline."""

    url: str
    html: str
    fetched_at: str
    profile: str
    status: int = 200


class ArticleItem(scrapy.Item):
    """One output record; field names follow schema.org / Zyte `Article`."""

    url = scrapy.Field()
    canonicalUrl = scrapy.Field()
    articleId = scrapy.Field()
    version = scrapy.Field()
    headline = scrapy.Field()
    publisher = scrapy.Field()
    authors = scrapy.Field()
    inLanguage = scrapy.Field()
    datePublished = scrapy.Field()
    datePublishedRaw = scrapy.Field()
    datePublishedPrecision = scrapy.Field()
    datePublishedBasis = scrapy.Field()
    dateDownloaded = scrapy.Field()
    articleBody = scrapy.Field()
    related = scrapy.Field()


@cache
def record_schema() -> dict[str, Any]:
    """The JSON Schema every output record must satisfy."""
    text = files("newscrawl").joinpath(SCHEMA_PATH.name).read_text(encoding="utf-8")  # zip-safe
    schema: dict[str, Any] = json.loads(text)
    return schema
