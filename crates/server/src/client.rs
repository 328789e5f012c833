//! Who is at the other end of the connection: the client address that per-address rate limits
//! count against.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::state::AppState;

/// The client's network address, when it is known: the TCP peer, or the address a trusted
/// reverse proxy reports. Requests built in-process (tests calling the router directly) have
/// none and are not limited by address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub Option<IpAddr>);

/// Returns the address the nearest proxy saw: the last entry of `X-Forwarded-For`, the only
/// one a client cannot write for itself.
fn forwarded_for(headers: &HeaderMap) -> Option<IpAddr> {
    let last_header = headers.get_all("x-forwarded-for").iter().next_back()?;
    let last_entry = last_header.to_str().ok()?.rsplit(',').next()?;
    last_entry.trim().parse().ok()
}

impl ClientAddress {
    /// Returns the client address of a request with these headers and extensions.
    pub fn of(parts: &Parts, trust_forwarded_for: bool) -> ClientAddress {
        if trust_forwarded_for && let Some(address) = forwarded_for(&parts.headers) {
            return ClientAddress(Some(address));
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| peer.ip());
        ClientAddress(peer)
    }
}

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress::of(parts, state.config().trust_forwarded_for))
    }
}

#[cfg(test)]
mod tests {
    use axum::http::Request;

    use super::*;

    fn parts(forwarded: &[&str], peer: Option<&str>) -> Parts {
        let mut request = Request::builder().uri("/");
        for value in forwarded {
            request = request.header("x-forwarded-for", *value);
        }
        let (mut parts, ()) = request.body(()).unwrap().into_parts();
        if let Some(peer) = peer {
            parts
                .extensions
                .insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        }
        parts
    }

    #[test]
    fn the_peer_address_counts_unless_a_proxy_is_trusted() {
        let request = parts(&["203.0.113.9"], Some("10.0.0.2:5000"));
        assert_eq!(
            ClientAddress::of(&request, false),
            ClientAddress(Some("10.0.0.2".parse().unwrap()))
        );
        assert_eq!(
            ClientAddress::of(&request, true),
            ClientAddress(Some("203.0.113.9".parse().unwrap()))
        );
    }

    #[test]
    fn only_the_entry_the_proxy_appended_is_believed() {
        // The client wrote the first entries itself; the proxy appended the last one.
        let request = parts(&["1.1.1.1, 2.2.2.2", "198.51.100.4"], Some("10.0.0.2:5000"));
        assert_eq!(
            ClientAddress::of(&request, true),
            ClientAddress(Some("198.51.100.4".parse().unwrap()))
        );
        let garbled = parts(&["not an address"], Some("10.0.0.2:5000"));
        assert_eq!(
            ClientAddress::of(&garbled, true),
            ClientAddress(Some("10.0.0.2".parse().unwrap()))
        );
    }

    #[test]
    fn requests_without_a_connection_have_no_address() {
        assert_eq!(
            ClientAddress::of(&parts(&[], None), false),
            ClientAddress(None)
        );
    }
}
