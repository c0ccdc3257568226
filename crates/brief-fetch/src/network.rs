//! Which addresses a fetch may connect to.
//!
//! A brief fetches URLs that someone else chose (a feed's item links, a page's redirects), so
//! a hostile server could steer it at the user's own network: a router's admin page, a
//! database on localhost, the cloud metadata service at 169.254.169.254. By default only
//! public addresses are reached. The check runs where ureq resolves a host name, on every
//! address it would connect to, so it holds for redirect targets, for names that resolve to
//! private addresses (DNS rebinding included: the address checked is the one connected to)
//! and for every spelling of an address (`2852039166`, `[::ffff:169.254.169.254]`).
//!
//! Two ways through: a URL written in brief.toml that names a loopback host itself
//! (`http://127.0.0.1:8080/feed`, `http://localhost/…`) may reach that one host and port,
//! since the user asked for it; and `allow_private_network = true` in brief.toml allows
//! everything.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use ureq::Agent;
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use url::Url;

/// The addresses one fetch may reach.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NetworkAccess {
    /// Public addresses only.
    #[default]
    Public,
    /// Public addresses, and loopback addresses on this host and port only: for a URL that
    /// brief.toml itself points at a loopback host.
    PublicAndLoopback { host: String, port: u16 },
    /// Every address (`allow_private_network = true`).
    Any,
}

impl NetworkAccess {
    /// The access for a URL written in brief.toml: `Any` when the brief allows private
    /// networks, the URL's own host and port when it names a loopback host, else `Public`.
    pub fn for_configured_url(url: &str, allow_private_network: bool) -> Self {
        if allow_private_network {
            return NetworkAccess::Any;
        }
        let Ok(parsed) = Url::parse(url) else {
            return NetworkAccess::Public;
        };
        let (Some(host), Some(port)) = (parsed.host(), parsed.port_or_known_default()) else {
            return NetworkAccess::Public;
        };
        let loopback = match host {
            url::Host::Ipv4(ip) => ip.is_loopback(),
            url::Host::Ipv6(ip) => ip.is_loopback(),
            url::Host::Domain(name) => {
                let name = name.to_ascii_lowercase();
                name == "localhost" || name.ends_with(".localhost")
            }
        };
        if loopback {
            NetworkAccess::PublicAndLoopback {
                host: host.to_string().to_ascii_lowercase(),
                port,
            }
        } else {
            NetworkAccess::Public
        }
    }

    /// Why `addr`, reached as `host`, is refused, or `None` when it is allowed.
    fn refusal(&self, host: &str, addr: &SocketAddr) -> Option<&'static str> {
        let kind = non_public(addr.ip())?;
        match self {
            NetworkAccess::Any => None,
            NetworkAccess::PublicAndLoopback { host: h, port }
                if kind == "loopback"
                    && *port == addr.port()
                    && h.trim_matches(['[', ']']) == host.trim_matches(['[', ']']) =>
            {
                None
            }
            _ => Some(kind),
        }
    }
}

/// What kind of non-public address `ip` is, or `None` for a public one. IPv4 addresses
/// written inside IPv6 (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64
/// `64:ff9b::a.b.c.d`, 6to4 `2002:aabb:ccdd::`) are judged as the IPv4 address they carry.
pub fn non_public(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => non_public_v4(v4),
        IpAddr::V6(v6) => {
            if v6.is_loopback() {
                return Some("loopback");
            }
            if v6.is_unspecified() {
                return Some("unspecified");
            }
            if let Some(v4) = embedded_v4(v6) {
                return non_public_v4(v4);
            }
            let first = v6.segments()[0];
            if v6.is_multicast() {
                Some("multicast")
            } else if first & 0xffc0 == 0xfe80 {
                Some("link-local")
            } else if first & 0xffc0 == 0xfec0 {
                Some("site-local")
            } else if first & 0xfe00 == 0xfc00 {
                Some("private (unique local)")
            } else if first == 0x2001 && v6.segments()[1] == 0x0db8 {
                Some("documentation")
            } else {
                None
            }
        }
    }
}

fn embedded_v4(v6: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = v6.segments();
    let tail = || Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    if let Some(v4) = v6.to_ipv4_mapped() {
        return Some(v4);
    }
    if s[..6] == [0; 6] {
        return Some(tail()); // IPv4-compatible, deprecated but still routed by some stacks
    }
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0; 4] {
        return Some(tail()); // NAT64
    }
    if s[0] == 0x2002 {
        return Some(Ipv4Addr::new(
            (s[1] >> 8) as u8,
            s[1] as u8,
            (s[2] >> 8) as u8,
            s[2] as u8,
        )); // 6to4
    }
    None
}

fn non_public_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_unspecified() || a == 0 {
        Some("unspecified")
    } else if ip.is_private() {
        Some("private")
    } else if ip.is_link_local() {
        Some("link-local")
    } else if a == 100 && (64..128).contains(&b) {
        Some("shared (carrier-grade NAT)")
    } else if ip.is_multicast() {
        Some("multicast")
    } else if ip.is_broadcast() || a >= 240 {
        Some("reserved")
    } else if a == 192 && b == 0 && c == 0 {
        Some("reserved (IETF protocol)")
    } else if a == 198 && (b == 18 || b == 19) {
        Some("benchmarking")
    } else if ip.is_documentation() {
        Some("documentation")
    } else {
        None
    }
}

/// Why a connection was refused, carried inside ureq's I/O error so the fetcher can report
/// it as itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AddressRefused {
    pub address: IpAddr,
    pub kind: &'static str,
}

impl std::fmt::Display for AddressRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is a {} address", self.address, self.kind)
    }
}

impl std::error::Error for AddressRefused {}

/// ureq's resolver, with every address it returns checked against the fetch's access.
#[derive(Debug)]
struct CheckedResolver {
    inner: DefaultResolver,
    access: NetworkAccess,
}

impl Resolver for CheckedResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let found = self.inner.resolve(uri, config, timeout)?;
        let host = uri.host().unwrap_or_default().to_ascii_lowercase();
        let mut allowed = self.empty();
        let mut refused = None;
        for addr in found.iter() {
            match self.access.refusal(&host, addr) {
                None => allowed.push(*addr),
                Some(kind) => {
                    refused.get_or_insert(AddressRefused {
                        address: addr.ip(),
                        kind,
                    });
                }
            }
        }
        match refused {
            // a name that resolves to a private address as well as public ones is not used
            // at all: it is either misconfigured or an attempt to slip one in
            Some(refusal) => Err(ureq::Error::Io(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                refusal,
            ))),
            None => Ok(allowed),
        }
    }
}

/// An agent whose every connection is checked against `access`.
pub(crate) fn checked_agent(config: Config, access: NetworkAccess) -> Agent {
    Agent::with_parts(
        config,
        DefaultConnector::default(),
        CheckedResolver {
            inner: DefaultResolver::default(),
            access,
        },
    )
}

/// For fetches through a proxy, which resolves names itself: brief checks the name's
/// addresses before asking. (A name that changes its answer between this check and the
/// proxy's own lookup is the proxy's to refuse.)
pub(crate) fn precheck(url: &Url, access: &NetworkAccess) -> Result<(), AddressRefused> {
    use std::net::ToSocketAddrs;
    let (Some(host), Some(port)) = (url.host_str(), url.port_or_known_default()) else {
        return Ok(());
    };
    let host = host.to_ascii_lowercase();
    let bare = host.trim_matches(['[', ']']);
    let addrs: Vec<SocketAddr> = (bare, port)
        .to_socket_addrs()
        .map(|a| a.collect())
        .unwrap_or_default();
    for addr in addrs {
        if let Some(kind) = access.refusal(&host, &addr) {
            return Err(AddressRefused {
                address: addr.ip(),
                kind,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<&'static str> {
        non_public(text.parse().unwrap())
    }

    #[test]
    fn private_link_local_and_loopback_in_every_spelling_are_not_public() {
        for (ip, want) in [
            ("127.0.0.1", "loopback"),
            ("10.0.0.1", "private"),
            ("172.16.5.4", "private"),
            ("192.168.1.1", "private"),
            ("169.254.169.254", "link-local"),
            ("0.0.0.0", "unspecified"),
            ("100.64.0.1", "shared (carrier-grade NAT)"),
            ("224.0.0.1", "multicast"),
            ("255.255.255.255", "reserved"),
            ("::1", "loopback"),
            ("::", "unspecified"),
            ("fe80::1", "link-local"),
            ("fd00::1", "private (unique local)"),
            ("ff02::1", "multicast"),
            ("::ffff:169.254.169.254", "link-local"),
            ("::ffff:a9fe:a9fe", "link-local"),
            ("::ffff:127.0.0.1", "loopback"),
            ("::10.0.0.1", "private"),
            ("64:ff9b::a9fe:a9fe", "link-local"),
            ("2002:a9fe:a9fe::1", "link-local"),
        ] {
            assert_eq!(kind(ip), Some(want), "{ip}");
        }
        for public in [
            "93.184.216.34",
            "1.1.1.1",
            "2606:4700:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert_eq!(kind(public), None, "{public}");
        }
    }

    #[test]
    fn a_decimal_host_is_the_address_it_spells() {
        // the URL parser turns 2852039166 into 169.254.169.254 before anything resolves it
        let url = Url::parse("http://2852039166/latest/meta-data/").unwrap();
        assert_eq!(url.host_str(), Some("169.254.169.254"));
        let url = Url::parse("http://0xA9FEA9FE/").unwrap();
        assert_eq!(url.host_str(), Some("169.254.169.254"));
    }

    #[test]
    fn a_configured_loopback_url_reaches_its_own_host_and_port_only() {
        let access = NetworkAccess::for_configured_url("http://127.0.0.1:8080/feed", false);
        let at = |ip: &str, port: u16| SocketAddr::new(ip.parse().unwrap(), port);
        assert_eq!(access.refusal("127.0.0.1", &at("127.0.0.1", 8080)), None);
        assert_eq!(
            access.refusal("127.0.0.1", &at("127.0.0.1", 9090)),
            Some("loopback")
        );
        assert_eq!(
            access.refusal("localhost", &at("127.0.0.1", 8080)),
            Some("loopback"),
            "another name for the host is not what brief.toml named"
        );
        assert_eq!(
            access.refusal("127.0.0.1", &at("10.0.0.1", 8080)),
            Some("private")
        );
        assert_eq!(
            NetworkAccess::for_configured_url("https://example.org/feed", false),
            NetworkAccess::Public
        );
        assert_eq!(
            NetworkAccess::for_configured_url("https://example.org/feed", true),
            NetworkAccess::Any
        );
        let any = NetworkAccess::Any;
        assert_eq!(any.refusal("x", &at("169.254.169.254", 80)), None);
    }
}
