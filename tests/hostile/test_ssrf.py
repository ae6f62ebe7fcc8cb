"""Server-side request forgery: private addresses refused by default, per hop, in every spelling."""

from __future__ import annotations

import ipaddress
import subprocess
import sys

import httpx
import pytest
from pytest_httpserver import HTTPServer

from seasoncheck.netcheck import AddressPolicy, BlockedAddress, parse_ip
from seasoncheck.settings import Settings
from seasoncheck.sources.fetch import FetchError, check_url, fetch, guarded_transport

PAGE = "<html><body><p>The harbour-town idol show gets a third cour.</p></body></html>"

# Each spelling below was decoded by hand; all name a non-public address.
REFUSED_HOSTS = [
    "127.0.0.1",
    "127.1.2.3",
    "2130706433",  # 127.0.0.1 as one decimal number
    "0177.0.0.1",  # octal first part
    "0x7f.0.0.1",  # hex first part
    "0x7f000001",  # hex, one number
    "017700000001",  # octal, one number
    "127.1",  # a.b form: 127.0.0.1
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "100.64.0.1",  # carrier-grade NAT
    "169.254.1.1",  # link-local
    "0.0.0.0",
    "224.0.0.1",  # multicast
    "240.0.0.1",  # reserved
    "255.255.255.255",
    "[::1]",
    "[::]",
    "[fe80::1]",
    "[fc00::1]",
    "[ff02::1]",
    "[::ffff:127.0.0.1]",  # IPv4-mapped
    "[::ffff:7f00:1]",  # IPv4-mapped, hex
    "[::127.0.0.1]",  # IPv4-compatible
    "[::ffff:10.0.0.1]",
    "[64:ff9b::127.0.0.1]",  # NAT64 of loopback
    "[64:ff9b::a00:1]",  # NAT64 of 10.0.0.1
    "[2002:7f00:1::]",  # 6to4 of loopback
]
METADATA_HOSTS = [
    "169.254.169.254",
    "2852039166",  # 169.254.169.254 as a decimal number
    "0251.0376.0251.0376",  # octal
    "[::ffff:169.254.169.254]",
    "[64:ff9b::a9fe:a9fe]",  # NAT64 form
    "[fd00:ec2::254]",
]


@pytest.fixture
def closed(settings: Settings) -> Settings:
    """Settings with an empty allow-list: the default a user gets."""
    return settings.with_(fetch_allow=())


@pytest.mark.parametrize("host", REFUSED_HOSTS)
def test_every_spelling_of_a_private_address_is_refused(host: str) -> None:
    with pytest.raises(FetchError, match="refused"):
        check_url(f"http://{host}/news", AddressPolicy())


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("192.168.257", "192.168.1.1"),
    ],
)
def test_legacy_ipv4_spellings_decode_as_inet_aton_does(host: str, expected: str) -> None:
    assert parse_ip(host) == ipaddress.ip_address(expected)


@pytest.mark.parametrize("host", ["example.com", "1.2.3.4.5", "0x", "09.1.1.1", "256.1.1.1.1"])
def test_names_and_non_numbers_are_not_taken_for_addresses(host: str) -> None:
    assert parse_ip(host) is None


@pytest.mark.parametrize("host", ["93.184.215.14", "[2606:2800:21f:cb07:6820:80da:af6b:8b2c]"])
def test_public_addresses_pass(host: str) -> None:
    check_url(f"https://{host}/", AddressPolicy())


@pytest.mark.parametrize("host", METADATA_HOSTS)
def test_metadata_address_is_refused_even_when_allow_listed(host: str) -> None:
    policy = AddressPolicy.from_entries(
        ["169.254.0.0/16", "fd00::/8", "::ffff:0:0/96", "64:ff9b::/96", host.strip("[]")]
    )
    with pytest.raises(FetchError, match="metadata"):
        check_url(f"http://{host}/latest/meta-data/", policy)


def test_allow_list_opens_a_private_network_and_a_host_name() -> None:
    policy = AddressPolicy.from_entries(["10.0.0.0/8", "NAS.home"])
    check_url("http://10.9.8.7/feed.xml", policy)
    policy.check("nas.home", ipaddress.ip_address("192.168.1.20"))
    with pytest.raises(BlockedAddress):
        policy.check("printer.home", ipaddress.ip_address("192.168.1.21"))


def test_only_http_and_https(closed: Settings) -> None:
    for url in ("file:///etc/passwd", "gopher://example.com/", "ftp://example.com/x"):
        with pytest.raises(FetchError, match="scheme"):
            fetch(url, closed)


def test_local_server_is_refused_by_default(server: HTTPServer, closed: Settings) -> None:
    server.expect_request("/news").respond_with_data(PAGE, content_type="text/html")
    with pytest.raises(FetchError, match=r"127\.0\.0\.1, a loopback address: refused"):
        fetch(server.url_for("/news"), closed)
    assert server.log == []  # not a single request reached the server


def test_local_server_is_reachable_when_allow_listed(server: HTTPServer, closed: Settings) -> None:
    server.expect_request("/news").respond_with_data(PAGE, content_type="text/html")
    result = fetch(server.url_for("/news"), closed.with_(fetch_allow=("127.0.0.1",)))
    assert "third cour" in result.text()


def test_name_resolving_to_loopback_is_refused_at_connect(
    server: HTTPServer, closed: Settings
) -> None:
    # 'localhost' is a name, so only the connect-time check (after resolving) can catch it.
    server.expect_request("/news").respond_with_data(PAGE, content_type="text/html")
    url = f"http://localhost:{server.port}/news"
    with pytest.raises(FetchError, match="localhost is \\(or resolves to\\).*loopback"):
        fetch(url, closed)
    assert server.log == []


def test_redirect_from_allowed_host_to_private_address_is_refused(
    server: HTTPServer, closed: Settings
) -> None:
    # Only the first hop's name is allowed; its redirect to 127.0.0.1 must be refused.
    target = server.url_for("/internal/admin")
    server.expect_request("/go").respond_with_data("", status=302, headers={"Location": target})
    server.expect_request("/internal/admin").respond_with_data("secret", content_type="text/plain")
    with pytest.raises(FetchError, match=r"127\.0\.0\.1, a loopback address: refused"):
        fetch(f"http://localhost:{server.port}/go", closed.with_(fetch_allow=("localhost",)))
    assert [req.path for req, _ in server.log] == ["/go"]


def test_redirect_to_a_decimal_spelling_is_refused(server: HTTPServer, closed: Settings) -> None:
    location = f"http://2130706433:{server.port}/internal"
    server.expect_request("/go").respond_with_data("", status=301, headers={"Location": location})
    with pytest.raises(FetchError, match="refused"):
        fetch(f"http://localhost:{server.port}/go", closed.with_(fetch_allow=("localhost",)))


def test_redirect_to_metadata_is_refused_even_with_everything_allowed(
    server: HTTPServer, closed: Settings
) -> None:
    location = "http://169.254.169.254/latest/meta-data/"
    server.expect_request("/go").respond_with_data("", status=302, headers={"Location": location})
    everything = ("0.0.0.0/0", "::/0")
    with pytest.raises(FetchError, match="metadata"):
        fetch(server.url_for("/go"), closed.with_(fetch_allow=everything))


def test_guarded_transport_protects_a_plain_httpx_client(
    server: HTTPServer, closed: Settings
) -> None:
    # kb update builds its own client (with redirects on): the transport checks each connect.
    server.expect_request("/index.json").respond_with_json({"ok": True})
    client = httpx.Client(transport=guarded_transport(closed), trust_env=False)
    with client, pytest.raises(httpx.HTTPError, match="loopback"):
        client.get(f"http://localhost:{server.port}/index.json")
    opened = closed.with_(fetch_allow=("127.0.0.1",))
    with httpx.Client(transport=guarded_transport(opened), trust_env=False) as client:
        assert client.get(server.url_for("/index.json")).json() == {"ok": True}


def test_cli_refuses_a_local_url_by_default(server: HTTPServer, tmp_path: object) -> None:
    server.expect_request("/news").respond_with_data(PAGE, content_type="text/html")
    env = {"SEASONCHECK_DB": f"sqlite:///{tmp_path}/x.db", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "seasoncheck", "ingest", server.url_for("/news")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "loopback address: refused" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert server.log == []
