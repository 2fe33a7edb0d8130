"""Class and id names: the text page rules read them from, and the words they share.

Only words that mean the same thing to every rule using them live here. Lists that look
alike but mean something else stay with their rule: `pagetype.COMMENTS_ATTR` (whole words, a
page-type sign) is not `COMMENT_WORDS` (any part of a name, a block never taken as the story);
`body.EMBED_WRAPPER` mirrors what trafilatura discards, not our chrome boxes.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

#: Class or id words of comment sections: never the story, however much prose they hold
#: (`chrome.is_story`), never shielded from trafilatura (`shield`).
COMMENT_WORDS = re.compile(r"comment|respond|discussion|disqus", re.I)


def names(element: HtmlElement) -> str:
    """The element's class and id, space-separated (the loops over every element of a page,
    `pagetype.page_features` and `linkblocks.names_chrome`, build it inline: a call per
    element cost about 0.3 ms a page).

    >>> from lxml.html import fromstring
    >>> names(fromstring('<div class="post body" id="main"></div>')), names(fromstring("<p/>"))
    ('post body main', ' ')
    """
    return f"{element.get('class', '')} {element.get('id', '')}"


def class_pattern(substrings: tuple[str, ...], tokens: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Any of the substrings, or of the tokens as whole words, ASCII case-insensitively.

    >>> pattern = class_pattern(("promo",), ("cta",))
    >>> [bool(pattern.search(n)) for n in ("site-promo-box", "post-cta", "octagon")]
    [True, True, False]
    """
    parts = [*map(re.escape, substrings)]
    parts += [rf"(?<![a-z0-9]){re.escape(t)}(?![a-z0-9])" for t in tokens]
    return re.compile("|".join(parts), re.IGNORECASE | re.ASCII)
