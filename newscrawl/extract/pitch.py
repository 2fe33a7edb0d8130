"""Signs that a page's text sells something: sales phrases, an offer named in the headline.

Service and landing pages read like articles (long prose, long headlines, og:type article) but
speak for a business to a customer ("our team", "get a quote") and name what they offer in
their headline ("Cybersecurity Consulting Services"); stories report on others.
"""

from __future__ import annotations

import re
from collections import Counter

#: Phrases a business uses to sell: its team and offers, calls to contact or buy.
SALES_PHRASE = re.compile(
    r"\b(?:we offer|our (?:team|services?|experts?|clients?|customers?|solutions?|products?"
    r"|platform|company)|contact us|get in touch|free (?:consultation|quote|trial|estimate)"
    r"|get (?:a|your) (?:free )?quote|book (?:now|a|an|your)|request a|schedule (?:a|your)"
    r"|call (?:us|today|now)|sign up|get started|learn more|why choose)\b",
    re.I,
)
#: A headline ending in the name of an offer ("HR Consulting Services", "Free CRM Software"),
#: optionally followed by a site-name suffix after "|" or "-"; not a question ("What is …?").
OFFER_HEADLINE = re.compile(
    r"\b(?:services?|consult(?:ing|ants?)|company|course|software|tools?|calculator|programs?"
    r"|insurance|repair|lessons|tutors?|tutoring|certification|solutions|platform|agency"
    r"|lawyers?|attorneys?|recruit\w*|deals|offers|plans|development|management|support"
    r"|training|help)\s*[^\w?]*\s*(?:[|-].*)?$",
    re.I,
)
#: First-person plural words: a business speaking for itself.
FIRST_PLURAL = re.compile(r"\b(?:we|our|ours|us|we're|we've|we'll)\b", re.I)
#: Third-person and reporting words: a story about someone ("she said", "according to").
REPORTING = re.compile(r"\b(?:he|she|his|her|him|said|says|told|according)\b", re.I)
#: A body with at least this many first-person plural words per 100 words speaks as "we";
#: with BUSINESS_WE_PER_100 and not one reporting word, it speaks only for a business.
WE_PER_100 = 1.0
BUSINESS_WE_PER_100 = 2.0


def speaks_as_we(body: str, per_100: float = WE_PER_100) -> bool:
    """Whether the body uses first-person plural words at least `per_100` times per 100 words.

    >>> speaks_as_we("We fix roofs. Our team is local."), speaks_as_we("He said it rained.")
    (True, False)
    """
    words = len(body.split())
    return words > 0 and len(FIRST_PLURAL.findall(body)) * 100 >= per_100 * words


def business_voice(body: str) -> bool:
    """Whether the body speaks as "we" (BUSINESS_WE_PER_100) and never reports on anyone.

    >>> business_voice("We fix roofs. Our team is local."), business_voice("We said he won.")
    (True, False)
    """
    return speaks_as_we(body, BUSINESS_WE_PER_100) and REPORTING.search(body) is None


def pitch_features(body: str, headline: str | None) -> Counter[str]:
    """Sales phrases; an offer in the headline over a "we" or selling body; a business voice.

    >>> f = pitch_features("Contact us. Our team will get in touch. Get started!", "IT Services")
    >>> f["sales_phrases"], f["offer_headline"]
    (4, 1)
    """
    f: Counter[str] = Counter()
    f["sales_phrases"] = len(SALES_PHRASE.findall(body))
    offer = OFFER_HEADLINE.search(headline or "") is not None
    f["offer_headline"] = int(offer and (speaks_as_we(body) or f["sales_phrases"] > 0))
    f["business_voice"] = int(business_voice(body))
    return f
