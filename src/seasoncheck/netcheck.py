"""Address checks against server-side request forgery: which hosts and IPs seasoncheck may fetch.

By default only public (globally routable) unicast addresses pass. Loopback, private, link-local,
multicast, reserved and unspecified addresses are refused, also when written as IPv4-mapped,
IPv4-compatible, NAT64 (``64:ff9b::/96``), 6to4 or Teredo IPv6 addresses, or as the legacy
decimal/octal/hex IPv4 spellings that ``inet_aton`` accepts (``2130706433``, ``0177.0.0.1``).
An allow-list of host names, IPs and CIDRs lets a user reach a private host on purpose; the cloud
metadata addresses stay refused even then.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Instance metadata services (AWS/GCP/Azure/OpenStack on 169.254.169.254, AWS's IPv6 endpoint):
# they hand out credentials, so no allow-list entry opens them.
METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052 well-known prefix
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated ::a.b.c.d form
ALLOW_ENV = "SEASONCHECK_FETCH_ALLOW"
# inet_aton's number forms (glibc): 0x-prefixed hex, 0-prefixed octal, plain decimal.
_HEX_PART = re.compile(r"0x[0-9a-f]+")
_OCTAL_PART = re.compile(r"0[0-7]*")
_DECIMAL_PART = re.compile(r"[1-9][0-9]*")


class BlockedAddress(Exception):
    """A host or address that policy refuses; the message is one line naming it and why."""


def parse_ip(host: str) -> IPAddress | None:
    """The IP a host string denotes (standard or legacy inet_aton spelling), or None for a name."""
    text = host.strip().strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(text.split("%")[0])
    except ValueError:
        return _parse_legacy_ipv4(text)


def _parse_legacy_ipv4(text: str) -> ipaddress.IPv4Address | None:
    """``inet_aton`` forms: 1-4 dotted parts, each decimal, octal (0 prefix) or hex (0x prefix)."""
    parts = text.lower().split(".")
    if not 1 <= len(parts) <= 4:
        return None
    values = [_legacy_part(part) for part in parts]
    if any(v is None for v in values):
        return None
    nums = [v for v in values if v is not None]
    *head, last = nums
    if any(v > 255 for v in head) or last >= 256 ** (5 - len(nums)):
        return None
    value = 0
    for v in head:
        value = value * 256 + v
    return ipaddress.IPv4Address(value * 256 ** (5 - len(nums)) + last)


def _legacy_part(part: str) -> int | None:
    """One part of a legacy IPv4 spelling as a number, or None when it is not numeric."""
    if _HEX_PART.fullmatch(part):
        return int(part[2:], 16)
    if _OCTAL_PART.fullmatch(part):
        return int(part, 8)
    if _DECIMAL_PART.fullmatch(part):
        return int(part, 10)
    return None


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4, Teredo)."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in NAT64_PREFIX or (ip in IPV4_COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def forms_of(ip: IPAddress) -> list[IPAddress]:
    """The address itself and, for IPv6, the IPv4 address it embeds."""
    inner = embedded_ipv4(ip)
    return [ip] if inner is None else [ip, inner]


def is_metadata(ip: IPAddress) -> bool:
    """True for a cloud metadata address in any of its forms."""
    return any(form in METADATA_ADDRESSES for form in forms_of(ip))


def blocked_kind(ip: IPAddress) -> str | None:
    """Why an address is not public ('loopback', 'private', …), or None for a public address."""
    for form in forms_of(ip):
        kind = _kind(form)
        if kind:
            return kind
    return None


def _kind(ip: IPAddress) -> str | None:
    """The first non-public category an address belongs to."""
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("non-global", not ip.is_global),
    )
    return next((name for name, hit in checks if hit), None)


@dataclass(frozen=True)
class AddressPolicy:
    """Which non-public hosts may be fetched anyway: allow-listed names and networks."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_entries(cls, entries: Iterable[str]) -> AddressPolicy:
        """Build from allow-list entries: host names, IPs or CIDRs (``10.0.0.0/8``)."""
        hosts: set[str] = set()
        nets: list[IPNetwork] = []
        for raw in entries:
            entry = raw.strip().lower()
            if not entry:
                continue
            try:
                nets.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                hosts.add(entry.rstrip("."))
        return cls(frozenset(hosts), tuple(nets))

    def refusal(self, host: str, ip: IPAddress) -> str | None:
        """Why ``host`` at ``ip`` may not be fetched, or None when it may."""
        if is_metadata(ip):
            return f"{host} is (or resolves to) the cloud metadata address {ip}: always refused"
        kind = blocked_kind(ip)
        if kind is None or self._allows(host, ip):
            return None
        return (
            f"{host} is (or resolves to) {ip}, a {kind} address: refused "
            f"(add it to {ALLOW_ENV} to fetch it on purpose)"
        )

    def check(self, host: str, ip: IPAddress) -> None:
        """Raise BlockedAddress when ``host`` at ``ip`` may not be fetched."""
        reason = self.refusal(host, ip)
        if reason:
            raise BlockedAddress(reason)

    def _allows(self, host: str, ip: IPAddress) -> bool:
        """True when the host name or any form of the address is allow-listed."""
        if host.lower().strip("[]").rstrip(".") in self.hosts:
            return True
        return any(form in net for form in forms_of(ip) for net in self.networks)
