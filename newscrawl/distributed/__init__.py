"""Distributed crawling: N workers share one frontier in Redis (scrapy-redis), switched on by REDIS_URL.

Without REDIS_URL nothing here is used. See docs/distributed.md.
"""
