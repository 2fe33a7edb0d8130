"""Prose: the running-text count kept true to the tree as blocks leave it."""

from lxml.html import HtmlElement, fromstring

from newscrawl.extract.prose import Prose, prose_by_block

RUNNING = "word " * 20
#: Link text outweighing RUNNING: a paragraph holding both is no running text.
LINKS = " ".join(f"<a href='/{n}'>link</a>" for n in range(25))


def page(inner: str) -> HtmlElement:
    """A page whose body holds `inner`."""
    return fromstring(f"<html><body>{inner}</body></html>")


def test_detach_takes_a_block_and_its_words_off_the_count() -> None:
    root = page(f'<div id="a"><p>{RUNNING}</p><div id="b"><p>{RUNNING}</p></div></div>')
    counted = Prose(root)
    counted.detach(root.get_element_by_id("b"))
    assert counted.words == prose_by_block(root)
    assert counted.words[root] == 20


def test_detach_inside_a_paragraph_counts_the_paragraph_again() -> None:
    root = page(f"<p>{RUNNING}<span id='s'>{LINKS}</span></p>")
    counted = Prose(root)
    assert counted.words == {}  # too much link text: no running text
    counted.detach(root.get_element_by_id("s"))
    assert counted.words == prose_by_block(root) != {}


def test_detach_of_a_block_already_out_of_the_tree_changes_nothing() -> None:
    root = page(f'<div id="a"><p>{RUNNING}<span id="s">{LINKS}</span></p></div><p>{RUNNING}</p>')
    counted = Prose(root)
    inner = root.get_element_by_id("s")
    counted.detach(root.get_element_by_id("a"))
    counted.detach(inner)
    assert counted.words == prose_by_block(root)


def test_replace_and_added_keep_the_count() -> None:
    root = page(f'<div class="embed"><blockquote><p>{RUNNING}</p></blockquote></div>')
    counted = Prose(root)
    wrapper = root.find(".//div")
    counted.replace(wrapper, wrapper[0])
    assert wrapper not in counted.words
    assert counted.words == prose_by_block(root)
    paragraph = fromstring(f"<p>{RUNNING}</p>")
    root.find("body").append(paragraph)
    counted.added(paragraph)
    assert counted.words == prose_by_block(root)
