"""Signs that a page's text sells something: sales phrases, an offer named in the headline.

Service and landing pages read like articles (long prose, long headlines, og:type article) but
speak for a business to a customer ("our team", "get a quote") and name what they offer in
their headline ("Cybersecurity Consulting Services"); stories report on others. The phrases
are English: on pages in other languages these signs do not fire (they only ever add points
against an article, so such pages are typed by the other signs alone).
"""

from __future__ import annotations

import re
from collections import Counter

#: Phrases a business uses to sell: its team and offers, calls to contact or buy. The text
#: patterns here run on lower-cased text (faster than re.I over long bodies).
SALES_PHRASE = re.compile(
    r"\b(?:we offer|our (?:team|services?|experts?|clients?|customers?|solutions?|products?"
    r"|platform|company)|contact us|get in touch|free (?:consultation|quote|trial|estimate)"
    r"|get (?:a|your) (?:free )?quote|book (?:now|a|an|your)|request a|schedule (?:a|your)"
    r"|call (?:us|today|now)|sign up|get started|learn more|why choose)\b"
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
FIRST_PLURAL = re.compile(r"\b(?:we|our|ours|us|we're|we've|we'll)\b")
#: Third-person and reporting words: a story about someone ("she said", "according to").
REPORTING = re.compile(r"\b(?:he|she|his|her|him|said|says|told|according)\b")
#: A body with at least this many first-person plural words per 100 words speaks as "we";
#: with BUSINESS_WE_PER_100 and not one reporting word, it speaks only for a business.
WE_PER_100 = 1.0
BUSINESS_WE_PER_100 = 2.0


def we_per_100(text: str) -> float:
    """First-person plural words per 100 words of lower-cased `text`.

    >>> we_per_100("we fix it. our team."), we_per_100("he said it rained.")
    (40.0, 0.0)
    """
    words = len(text.split())
    return 100 * len(FIRST_PLURAL.findall(text)) / words if words else 0.0


def pitch_features(body: str, headline: str | None) -> Counter[str]:
    """Sales phrases; an offer in the headline over a "we" or selling body; a business voice.

    The business voice: BUSINESS_WE_PER_100 and not one reporting word.

    >>> f = pitch_features("Contact us. Our team will get in touch. Get started!", "IT Services")
    >>> f["sales_phrases"], f["offer_headline"], f["business_voice"]
    (4, 1, 1)
    >>> pitch_features("We said he won the race for us.", None)["business_voice"]
    0
    """
    text = body.lower()
    f: Counter[str] = Counter()
    f["sales_phrases"] = len(SALES_PHRASE.findall(text))
    we = we_per_100(text)
    offer = OFFER_HEADLINE.search(headline or "") is not None
    f["offer_headline"] = int(offer and (we >= WE_PER_100 or f["sales_phrases"] > 0))
    voice = we >= BUSINESS_WE_PER_100 and REPORTING.search(text) is None
    f["business_voice"] = int(voice)
    return f
