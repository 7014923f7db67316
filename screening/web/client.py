"""The client's address, for the sign-in throttle: the socket's, unless trusted proxies say otherwise."""

from __future__ import annotations

from starlette.requests import Request


def client_address(request: Request, trusted_proxy_hops: int) -> str:
    """With N trusted proxies in front, the client is the N-th address from the right of X-Forwarded-For.

    Addresses further left were written by the client itself and prove nothing."""
    socket_address = request.client.host if request.client else "unknown"
    if trusted_proxy_hops <= 0:
        return socket_address
    hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",") if h.strip()]
    if len(hops) < trusted_proxy_hops:
        return socket_address
    return hops[-trusted_proxy_hops]
