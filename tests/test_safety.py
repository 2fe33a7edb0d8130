"""Unit tests of the address policy and the DNS-rebinding check."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from newscrawl.resolver import PrivateAddressError, SafeResolver
from newscrawl.safety import AddressPolicy

POLICY = AddressPolicy.from_urls(
    ["http://127.0.0.1:8000/en"],
    ["localhost"],
    allowed_domains=["127.0.0.1", "localhost", "news.example"],
)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:8000/en/article/x", None),
        ("http://localhost:8000/x", None),
        ("https://news.example/a", None),
        ("http://127.0.0.1:6379/", "private_address"),
        ("http://localhost:22/", "private_address"),
        ("http://127.1:8000/", "private_address"),
        ("http://2130706433/", "private_address"),
        ("http://0x7f000001/", "private_address"),
        ("http://[::ffff:169.254.169.254]/", "private_address"),
        ("http://metadata.google.internal/", "private_address"),
        ("http://10.0.0.1/", "private_address"),
        ("http://printer.local/", "private_address"),
        ("http://news.example.evil.com/", "offsite"),
        ("file:///etc/passwd", "scheme"),
        ("ftp://news.example/", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("data:text/html,hi", "scheme"),
        ("http:///nohost", "no_host"),
    ],
)
def test_policy(url: str, reason: str | None) -> None:
    refusal = POLICY.refusal(url)
    assert (refusal.reason if refusal else None) == reason


def test_allow_private_setting_keeps_scheme_and_offsite_checks() -> None:
    policy = AddressPolicy.from_urls(
        ["http://a.example/"], allow_private=True, allowed_domains=["a.example"]
    )
    assert policy.refusal("http://169.254.169.254/") is not None  # still off-site
    lenient = AddressPolicy.from_urls(["http://a.example/"], allow_private=True)
    assert lenient.refusal("http://169.254.169.254/") is None
    assert lenient.refusal("file:///etc/passwd") is not None


def fake_resolver(allow: bool = False) -> SafeResolver:
    """A SafeResolver wired to a fake crawler process running one spider."""
    spider = SimpleNamespace(start_urls=["http://127.0.0.1:8000/"], also_allow=("localhost",))
    settings = SimpleNamespace(getbool=lambda name: allow)
    stats: dict[str, int] = {}
    crawler: Any = SimpleNamespace(
        spider=spider,
        settings=settings,
        stats=SimpleNamespace(inc_value=lambda k: stats.__setitem__(k, stats.get(k, 0) + 1)),
    )
    resolver = SafeResolver.__new__(SafeResolver)
    resolver.process = SimpleNamespace(crawlers=[crawler])
    return resolver


def test_resolver_refuses_names_resolving_to_private_addresses() -> None:
    resolver = fake_resolver()
    assert resolver.check("93.184.216.34", "news.example") == "93.184.216.34"
    assert resolver.check("127.0.0.1", "localhost") == "127.0.0.1"  # user-chosen
    for address in ("127.0.0.1", "10.1.2.3", "169.254.169.254"):
        with pytest.raises(PrivateAddressError):
            resolver.check(address, "rebind.news.example")
    assert fake_resolver(allow=True).check("10.1.2.3", "intranet.example") == "10.1.2.3"
