"""Daily8 (www.daily8.com): the aggregator spider with the Daily8 profile."""

from __future__ import annotations

from newscrawl.spiders.aggregator import AggregatorSpider


class Daily8Spider(AggregatorSpider):
    """Crawl Daily8 from its home page (or `-a start_url=…`)."""

    name = "daily8"
    profile_name = "daily8"
