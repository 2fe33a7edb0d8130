"""Distributed crawling: N workers share one Redis frontier (scrapy-redis); switch: REDIS_URL.

Without REDIS_URL nothing here is used. See docs/distributed.md.
"""
