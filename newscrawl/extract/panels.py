"""Collapsed disclosure panels (accordions, tabs) that hold story text."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

#: An inline style that hides the element until a reader opens it.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)
#: Class words of folding panels (Bootstrap/Chakra `collapse`, accordions).
PANEL_CLASS = re.compile(r"collapse|accordion", re.I)
#: A class name that hides a folding panel ("kt-accordion-panel-hidden", "is-hidden").
HIDDEN_CLASS = re.compile(r"(?:^|[-_])hidden$", re.I)


def is_collapsed_panel(element: HtmlElement) -> bool:
    """A panel hidden by its style that names the heading or button opening it (WAI-ARIA
    accordion/tab pattern: `role="region"` or `role="tabpanel"`, or `aria-labelledby`) or
    whose class names a folding panel; or a folding panel hidden by a class name (Tailwind
    `hidden`, `…-panel-hidden`)."""
    names = element.get("class") or ""
    folding = PANEL_CLASS.search(names) is not None
    if folding and any(HIDDEN_CLASS.search(name) for name in names.split()):
        return True
    if not HIDDEN_STYLE.search(element.get("style") or ""):
        return False
    role = element.get("role") or ""
    return folding or role in ("region", "tabpanel") or element.get("aria-labelledby") is not None


def show_collapsed_panels(prose: dict[HtmlElement, int]) -> int:
    """Drop the hiding style and class names of collapsed panels holding running text (`prose` is
    `chrome.prose_by_block`), which trafilatura otherwise drops as hidden; returns how many.

    A guide that folds each step into an accordion shows every step to a reader who opens
    them; its story is the panels' text.

    >>> from lxml.html import fromstring
    >>> page = fromstring('<div><div role="region" style="display:none"><p>Step one.</p></div>'
    ...     '<div style="display:none"><p>Ad.</p></div></div>')
    >>> show_collapsed_panels({page[0]: 20, page[1]: 20}), [div.get("style") for div in page]
    (1, [None, 'display:none'])
    """
    panels = [element for element in prose if is_collapsed_panel(element)]
    for element in panels:
        element.attrib.pop("style", None)
        names = (element.get("class") or "").split()
        shown = [n for n in names if not HIDDEN_CLASS.search(n)]
        if shown != names:
            element.set("class", " ".join(shown))
    return len(panels)
