"""Which network addresses an article page may be fetched from: public ones only, unless allowed.

A feed can link to any URL, so a hostile feed could point curator at the editor's router, an
intranet wiki or a cloud metadata service (169.254.169.254), and what came back would end up in the
issue.
`blocked_reason` says why an address is off limits; `first_blocked` resolves a host name and checks
every address it resolves to.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Networks a page may not be fetched from, most specific first (the first match names the reason).
#: From the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates), the
#: multicast ranges (RFC 5771, RFC 4291) and the cloud providers' instance metadata addresses
#: (AWS/GCP/Azure 169.254.169.254, AWS IPv6 fd00:ec2::254).
BLOCKED_NETWORKS: tuple[tuple[str, str], ...] = (
    ("169.254.169.254/32", "cloud metadata"),
    ("fd00:ec2::254/128", "cloud metadata"),
    ("0.0.0.0/8", "unspecified"),  # RFC 1122 "this network"
    ("10.0.0.0/8", "private"),  # RFC 1918
    ("100.64.0.0/10", "private"),  # RFC 6598 carrier-grade NAT (also Alibaba's metadata service)
    ("127.0.0.0/8", "loopback"),  # RFC 1122
    ("169.254.0.0/16", "link-local"),  # RFC 3927
    ("172.16.0.0/12", "private"),  # RFC 1918
    ("192.0.0.0/24", "reserved"),  # RFC 6890 IETF protocol assignments (Oracle's metadata at .192)
    ("192.0.2.0/24", "reserved"),  # RFC 5737 documentation
    ("192.88.99.0/24", "reserved"),  # RFC 7526 deprecated 6to4 relay anycast
    ("192.168.0.0/16", "private"),  # RFC 1918
    ("198.18.0.0/15", "reserved"),  # RFC 2544 benchmarking
    ("198.51.100.0/24", "reserved"),  # RFC 5737 documentation
    ("203.0.113.0/24", "reserved"),  # RFC 5737 documentation
    ("224.0.0.0/4", "multicast"),  # RFC 5771
    ("240.0.0.0/4", "reserved"),  # RFC 1112, includes the broadcast address 255.255.255.255
    ("::/128", "unspecified"),  # RFC 4291
    ("::1/128", "loopback"),  # RFC 4291
    ("64:ff9b:1::/48", "private"),  # RFC 8215 local-use NAT64
    ("100::/64", "reserved"),  # RFC 6666 discard-only
    ("2001:db8::/32", "reserved"),  # RFC 3849 documentation
    ("fc00::/7", "private"),  # RFC 4193 unique local
    ("fe80::/10", "link-local"),  # RFC 4291
    ("fec0::/10", "private"),  # RFC 3879 deprecated site-local
    ("ff00::/8", "multicast"),  # RFC 4291
)

_NETWORKS = tuple((ipaddress.ip_network(net), reason) for net, reason in BLOCKED_NETWORKS)

#: NAT64's well-known prefix (RFC 6052): 64:ff9b::a00:1 reaches the IPv4 address 10.0.0.1.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, NAT64), if it carries one."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def blocked_reason(address: str) -> str | None:
    """Why a page may not be fetched from `address` ("loopback", "private", "cloud metadata", ...),
    or None for a public address. Something that is not an IP address is blocked too."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return "unrecognised"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            inner = blocked_reason(str(embedded))
            if inner is not None:
                return inner
    for network, reason in _NETWORKS:
        if ip.version == network.version and ip in network:
            return reason
    return None


async def first_blocked(host: str, port: int) -> tuple[str, str] | None:
    """Resolve `host` and return (address, reason) for the first address it may not be fetched from,
    or None when every address is public. Raises `socket.gaierror` when the name does not resolve.

    Every address counts, not just the first: the connection may go to any of them.
    """
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    for _family, _type, _proto, _canonname, sockaddr in infos:
        address = str(sockaddr[0])
        reason = blocked_reason(address)
        if reason is not None:
            return address, reason
    return None


def unreachable_reason(url: str) -> str | None:
    """Why readers cannot follow a link to `url` ("loopback", "private", "reserved", ...): its host
    is `localhost` (or a name under it, RFC 6761) or an IP address `blocked_reason` refuses (a
    documentation address such as 203.0.113.5 or 2001:db8::1 too); None for any other host name,
    which only a lookup could judge (walk130 #2: a page naming http://localhost:8080/... as its
    own address was published at it)."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"
    try:
        if urlsplit(url.strip()).port == 0:  # no server listens on port 0
            return "reserved"
    except ValueError:
        return None
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        # An IPv4 address in a browser's other spellings: 127.1, 0x7f000001, 2130706433,
        # 0177.0.0.1 are all 127.0.0.1 (walk135 N1: published at such a canonical, unsaid).
        if not _NUMBERS_HOST.fullmatch(host):
            return None  # a host name
        try:
            host = socket.inet_ntoa(socket.inet_aton(host))
        except OSError:
            return None
    return blocked_reason(host)


#: A host of numbers only, as `inet_aton` reads them: decimal, octal (0177) or hex (0x7f) parts.
_NUMBERS_HOST = re.compile(r"(?:0x[0-9a-f]+|\d+)(?:\.(?:0x[0-9a-f]+|\d+)){0,3}")
