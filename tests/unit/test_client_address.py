"""The sign-in throttle counts per client address: the socket's, unless trusted proxies are configured."""

from __future__ import annotations

from starlette.requests import Request

from screening.web.client import client_address


def _request(forwarded: str | None, peer: str = "10.0.0.9") -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded is not None else []
    return Request({"type": "http", "headers": headers, "client": (peer, 5555)})


def test_without_trusted_proxies_a_forged_header_is_ignored():
    assert client_address(_request("203.0.113.7"), trusted_proxy_hops=0) == "10.0.0.9"


def test_with_one_trusted_proxy_the_last_hop_is_the_client():
    assert client_address(_request("198.51.100.1, 203.0.113.7"), trusted_proxy_hops=1) == "203.0.113.7"


def test_with_two_trusted_proxies_the_address_the_first_proxy_saw_is_used():
    assert client_address(_request("6.6.6.6, 198.51.100.1, 203.0.113.7"), trusted_proxy_hops=2) == "198.51.100.1"


def test_a_header_shorter_than_the_proxy_chain_falls_back_to_the_socket():
    assert client_address(_request("203.0.113.7"), trusted_proxy_hops=2) == "10.0.0.9"
