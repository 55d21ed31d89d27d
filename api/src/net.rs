//! Which network addresses the server may connect to on a partner's behalf
//! (webhooks), so that it cannot be used to reach this machine, a private
//! network or any other special-purpose range (SSRF).
//!
//! [`is_public_address`] follows the IANA IPv4 and IPv6 Special-Purpose
//! Address Registries; addresses that embed an IPv4 address (IPv4-mapped,
//! NAT64, 6to4) are judged by the embedded one. [`PublicOnlyResolver`] is the
//! DNS resolver of the webhook client: it resolves a name and keeps only the
//! public addresses, so the connection goes to an address that was checked —
//! there is no window between a check and a second look-up (DNS rebinding).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Whether `ip` is a globally reachable unicast address (none of the
/// special-purpose ranges, see the module documentation).
pub fn is_public_address(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

/// IPv4 special-purpose ranges (address, prefix length).
const V4_SPECIAL: &[([u8; 4], u8)] = &[
    ([0, 0, 0, 0], 8),       // "this network"
    ([10, 0, 0, 0], 8),      // private
    ([100, 64, 0, 0], 10),   // shared address space (carrier-grade NAT)
    ([127, 0, 0, 0], 8),     // loopback
    ([169, 254, 0, 0], 16),  // link-local (cloud metadata at 169.254.169.254)
    ([172, 16, 0, 0], 12),   // private
    ([192, 0, 0, 0], 24),    // IETF protocol assignments
    ([192, 0, 2, 0], 24),    // TEST-NET-1
    ([192, 88, 99, 0], 24),  // 6to4 relay anycast (deprecated)
    ([192, 168, 0, 0], 16),  // private
    ([198, 18, 0, 0], 15),   // benchmarking
    ([198, 51, 100, 0], 24), // TEST-NET-2
    ([203, 0, 113, 0], 24),  // TEST-NET-3
    ([224, 0, 0, 0], 4),     // multicast
    ([240, 0, 0, 0], 4),     // reserved (and 255.255.255.255, broadcast)
];

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let bits = u32::from(ip);
    !V4_SPECIAL.iter().any(|(net, len)| in_prefix(bits, u32::from_be_bytes(*net), *len))
}

fn in_prefix(bits: u32, net: u32, len: u8) -> bool {
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - u32::from(len)) };
    bits & mask == net & mask
}

fn in_prefix_v6(bits: u128, net: u128, len: u8) -> bool {
    let mask = if len == 0 { 0 } else { u128::MAX << (128 - u32::from(len)) };
    bits & mask == net & mask
}

/// IPv6 special-purpose ranges that are never public (address, prefix length).
const V6_SPECIAL: &[(u128, u8)] = &[
    (0, 128),                                        // :: unspecified
    (1, 128),                                        // ::1 loopback
    (0x0000_0000_0000_0000_ffff_0000_0000_0000, 96), // ::ffff:0:0:0/96 IPv4-translated (SIIT), never routed
    (0x0100_0000_0000_0000_0000_0000_0000_0000, 64), // 100::/64 discard-only
    (0x2001_0000_0000_0000_0000_0000_0000_0000, 23), // 2001::/23 IETF protocol assignments (Teredo, ORCHID…)
    (0x2001_0db8_0000_0000_0000_0000_0000_0000, 32), // 2001:db8::/32 documentation
    (0xfc00_0000_0000_0000_0000_0000_0000_0000, 7),  // fc00::/7 unique local
    (0xfe80_0000_0000_0000_0000_0000_0000_0000, 10), // fe80::/10 link-local
    (0xfec0_0000_0000_0000_0000_0000_0000_0000, 10), // fec0::/10 site-local (deprecated, never routed)
    (0xff00_0000_0000_0000_0000_0000_0000_0000, 8),  // ff00::/8 multicast
];

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = embedded_v4(ip) {
        return is_public_v4(v4);
    }
    let bits = u128::from(ip);
    // IPv4-compatible (::/96, deprecated) other than :: and ::1: never routed.
    if in_prefix_v6(bits, 0, 96) {
        return false;
    }
    !V6_SPECIAL.iter().any(|(net, len)| in_prefix_v6(bits, *net, *len))
}

/// The IPv4 address an IPv6 address stands for, where it stands for one:
/// IPv4-mapped `::ffff:0:0/96`, NAT64 `64:ff9b::/96` and `64:ff9b:1::/48`
/// (RFC 6052/8215: the last 32 bits), 6to4 `2002::/16` (bits 16–48).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let bits = u128::from(ip);
    let last32 = Ipv4Addr::from((bits & 0xffff_ffff) as u32);
    if in_prefix_v6(bits, 0x0000_0000_0000_0000_0000_ffff_0000_0000, 96)
        || in_prefix_v6(bits, 0x0064_ff9b_0000_0000_0000_0000_0000_0000, 96)
        || in_prefix_v6(bits, 0x0064_ff9b_0001_0000_0000_0000_0000_0000, 48)
    {
        return Some(last32);
    }
    if in_prefix_v6(bits, 0x2002_0000_0000_0000_0000_0000_0000_0000, 16) {
        return Some(Ipv4Addr::from(((bits >> 80) & 0xffff_ffff) as u32));
    }
    None
}

/// Resolves with the system resolver and keeps only public addresses; a name
/// with none fails with an error that says so (the attempt is recorded as
/// failed with that text).
#[derive(Clone, Copy, Debug, Default)]
pub struct PublicOnlyResolver;

/// Error text of a name that resolved only to non-public addresses.
pub const NO_PUBLIC_ADDRESS: &str = "resolves to no public address";

impl Resolve for PublicOnlyResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            // Port 0: reqwest puts the URL's port (or the scheme's) in its place.
            let resolved: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let public = public_only(&resolved);
            if public.is_empty() {
                let refused: Vec<String> = resolved.iter().map(|a| a.ip().to_string()).collect();
                return Err(format!("{host} {NO_PUBLIC_ADDRESS} ({} refused)", refused.join(", ")).into());
            }
            let addrs: Addrs = Box::new(public.into_iter());
            Ok(addrs)
        })
    }
}

fn public_only(addrs: &[SocketAddr]) -> Vec<SocketAddr> {
    addrs.iter().copied().filter(|a| is_public_address(a.ip())).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn public(s: &str) -> bool {
        is_public_address(s.parse().unwrap())
    }

    #[test]
    fn every_ipv4_special_purpose_range_is_refused() {
        for ip in [
            "0.0.0.0",
            "0.255.255.255",
            "10.0.0.1",
            "10.255.255.255",
            "100.64.0.1",
            "100.127.255.255",
            "127.0.0.1",
            "127.1.2.3",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.255",
            "192.0.0.8",
            "192.0.2.1",
            "192.88.99.1",
            "192.168.1.1",
            "198.18.0.1",
            "198.19.255.255",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
        ] {
            assert!(!public(ip), "{ip} must be refused");
        }
    }

    #[test]
    fn public_ipv4_addresses_next_to_the_ranges_are_allowed() {
        for ip in [
            "1.1.1.1",
            "8.8.8.8",
            "9.255.255.255",
            "11.0.0.0",
            "100.63.255.255",
            "100.128.0.0",
            "126.255.255.255",
            "128.0.0.0",
            "169.253.255.255",
            "172.15.255.255",
            "172.32.0.0",
            "192.0.1.0",
            "192.167.255.255",
            "192.169.0.0",
            "198.17.255.255",
            "198.20.0.0",
            "203.0.114.0",
            "223.255.255.255",
            "151.101.1.1",
        ] {
            assert!(public(ip), "{ip} must be allowed");
        }
    }

    #[test]
    fn every_ipv6_special_purpose_range_is_refused() {
        for ip in [
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::7f00:1",
            "64:ff9b::a00:1",
            "64:ff9b:1::a9fe:a9fe",
            "64:ff9b:1:ffff::7f00:1",
            "100::1",
            "100::ffff:ffff:ffff:ffff",
            "2001::1",
            "2001:1ff:ffff::1",
            "2001:db8::1",
            "2001:db8:ffff::1",
            "2002:7f00:1::1",
            "2002:c0a8:101::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "febf::1",
            "fec0::1",
            "::ffff:0:7f00:1",
            "ff02::1",
            "ff0e::1",
            "::127.0.0.1",
        ] {
            assert!(!public(ip), "{ip} must be refused");
        }
    }

    #[test]
    fn public_ipv6_addresses_and_embedded_public_ipv4_are_allowed() {
        for ip in [
            "2a00:1450:4002:400::200e",
            "2606:4700:4700::1111",
            "2001:200::1",
            "2001:4860:4860::8888",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
            "2002:808:808::1",
        ] {
            assert!(public(ip), "{ip} must be allowed");
        }
    }

    #[test]
    fn the_resolver_keeps_only_public_addresses() {
        let addrs: Vec<SocketAddr> = ["127.0.0.1:0", "93.184.216.34:0", "[::1]:0", "[2606:4700::1]:0"]
            .iter()
            .map(|a| a.parse().unwrap())
            .collect();
        let kept: Vec<String> = public_only(&addrs).iter().map(|a| a.ip().to_string()).collect();
        assert_eq!(kept, vec!["93.184.216.34", "2606:4700::1"]);
    }

    #[tokio::test]
    async fn a_name_resolving_to_loopback_only_is_refused() {
        let err = PublicOnlyResolver.resolve("localhost".parse().unwrap()).await.err().expect("refused");
        assert!(err.to_string().contains(NO_PUBLIC_ADDRESS), "{err}");
    }
}
