//! A small blocking HTTP/1.1 client for tests and tools that drive a running server over
//! loopback: one keep-alive connection per client, JSON bodies, and a clear difference between a
//! request that never reached the server and one whose answer was lost.
//!
//! The difference matters when the server is killed: a request that was never sent cannot have
//! been acted on and may simply be sent again, while a request whose answer was lost may or may
//! not have been stored.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// Why a request got no answer.
#[derive(Debug)]
pub enum Failure {
    /// No connection could be made, so the server never saw the request.
    NotSent(std::io::Error),
    /// The request was sent, or partly sent, but no whole answer came back: the server may or
    /// may not have acted on it.
    Lost(std::io::Error),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::NotSent(error) => write!(formatter, "not sent: {error}"),
            Failure::Lost(error) => write!(formatter, "answer lost: {error}"),
        }
    }
}

/// One answer from the server.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The headers, names in lower case, in the order received.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// Returns the body parsed as JSON.
    pub fn json(&self) -> anyhow::Result<serde_json::Value> {
        serde_json::from_slice(&self.body).map_err(|error| {
            anyhow::anyhow!(
                "the answer (status {}) is not JSON: {error}: {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// Returns the body as text, for messages.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A keep-alive connection to one server address, opened on first use and reopened after the
/// server closes it.
#[derive(Debug)]
pub struct Connection {
    address: SocketAddr,
    timeout: Duration,
    stream: Option<BufReader<TcpStream>>,
}

/// The largest answer accepted; the routes these clients call answer with a few kilobytes, an
/// analysis with at most a few megabytes.
const MAX_BODY: usize = 256 * 1024 * 1024;

impl Connection {
    /// Returns a connection to `address` that waits at most `timeout` for each answer.
    pub fn new(address: SocketAddr, timeout: Duration) -> Connection {
        Connection {
            address,
            timeout,
            stream: None,
        }
    }

    /// Points the connection at another address (a restarted server), closing the old one.
    pub fn set_address(&mut self, address: SocketAddr) {
        if address != self.address {
            self.address = address;
            self.stream = None;
        }
    }

    /// Sends a request with an optional JSON body and extra headers, and reads the answer.
    pub fn request(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&serde_json::Value>,
    ) -> Result<Response, Failure> {
        let payload = body.map(serde_json::Value::to_string).unwrap_or_default();
        let mut message = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\n", self.address);
        if body.is_some() {
            message.push_str("Content-Type: application/json\r\n");
        }
        message.push_str(&format!("Content-Length: {}\r\n", payload.len()));
        for (name, value) in headers {
            message.push_str(&format!("{name}: {value}\r\n"));
        }
        message.push_str("\r\n");
        message.push_str(&payload);

        let stream = self.open()?;
        let sent = stream.get_mut().write_all(message.as_bytes());
        let answer = sent.and_then(|()| read_response(stream));
        match answer {
            Ok((response, keep_open)) => {
                if !keep_open {
                    self.stream = None;
                }
                Ok(response)
            }
            Err(error) => {
                self.stream = None;
                Err(Failure::Lost(error))
            }
        }
    }

    /// Returns the open stream, opening a new one if there is none or the server has closed
    /// the old one (a keep-alive connection to a server that has since stopped).
    fn open(&mut self) -> Result<&mut BufReader<TcpStream>, Failure> {
        let is_usable = match &self.stream {
            Some(stream) => stream.buffer().is_empty() && is_still_open(stream.get_ref()),
            None => false,
        };
        if !is_usable {
            let stream = TcpStream::connect_timeout(&self.address, self.timeout)
                .map_err(Failure::NotSent)?;
            stream.set_nodelay(true).map_err(Failure::NotSent)?;
            stream
                .set_read_timeout(Some(self.timeout))
                .map_err(Failure::NotSent)?;
            stream
                .set_write_timeout(Some(self.timeout))
                .map_err(Failure::NotSent)?;
            self.stream = Some(BufReader::new(stream));
        }
        Ok(self
            .stream
            .as_mut()
            .expect("a stream was opened just above"))
    }
}

/// Returns whether the peer has not closed the connection, without waiting.
fn is_still_open(stream: &TcpStream) -> bool {
    if stream.set_nonblocking(true).is_err() {
        return false;
    }
    let mut byte = [0u8; 1];
    let open = match stream.peek(&mut byte) {
        // Nothing to read yet: the connection is idle and open.
        Err(error) => error.kind() == std::io::ErrorKind::WouldBlock,
        // End of stream (closed), or bytes nobody asked for (a broken exchange).
        Ok(_) => false,
    };
    stream.set_nonblocking(false).is_ok() && open
}

fn invalid(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message)
}

/// Reads one answer; also returns whether the connection may be used again.
fn read_response(stream: &mut BufReader<TcpStream>) -> std::io::Result<(Response, bool)> {
    let mut line = String::new();
    if stream.read_line(&mut line)? == 0 {
        return Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "the connection closed before an answer",
        ));
    }
    let mut parts = line.split_whitespace();
    let version = parts.next().unwrap_or_default().to_owned();
    let status: u16 = parts
        .next()
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| invalid(format!("not an HTTP status line: {line:?}")))?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        if stream.read_line(&mut line)? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "the connection closed inside the headers",
            ));
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        let (name, value) = header
            .split_once(':')
            .ok_or_else(|| invalid(format!("not a header: {header:?}")))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let find = |name: &str| {
        headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    };
    let closes = find("connection").is_some_and(|value| value.eq_ignore_ascii_case("close"))
        || version == "HTTP/1.0";
    let is_chunked = find("transfer-encoding")
        .is_some_and(|value| value.to_ascii_lowercase().contains("chunked"));
    let length = find("content-length")
        .map(|value| {
            value
                .parse::<usize>()
                .map_err(|_| invalid(format!("bad Content-Length {value:?}")))
        })
        .transpose()?;
    let (body, keep_open) = if status == 204 || status == 304 || (100..200).contains(&status) {
        (Vec::new(), !closes)
    } else if is_chunked {
        (read_chunked(stream)?, !closes)
    } else if let Some(length) = length {
        if length > MAX_BODY {
            return Err(invalid(format!("an answer of {length} bytes is too large")));
        }
        let mut body = vec![0u8; length];
        stream.read_exact(&mut body)?;
        (body, !closes)
    } else {
        // Without a length the body runs to the end of the connection.
        let mut body = Vec::new();
        stream
            .by_ref()
            .take(u64::try_from(MAX_BODY).unwrap_or(u64::MAX))
            .read_to_end(&mut body)?;
        (body, false)
    };
    Ok((
        Response {
            status,
            headers,
            body,
        },
        keep_open,
    ))
}

fn read_chunked(stream: &mut BufReader<TcpStream>) -> std::io::Result<Vec<u8>> {
    let mut body = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        stream.read_line(&mut line)?;
        let size_text = line.trim().split(';').next().unwrap_or_default();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| invalid(format!("bad chunk size {size_text:?}")))?;
        if size == 0 {
            // Trailers end with an empty line.
            loop {
                line.clear();
                if stream.read_line(&mut line)? == 0 || line.trim().is_empty() {
                    return Ok(body);
                }
            }
        }
        if body.len() + size > MAX_BODY {
            return Err(invalid("a chunked answer is too large".to_owned()));
        }
        let start = body.len();
        body.resize(start + size, 0);
        stream.read_exact(&mut body[start..])?;
        line.clear();
        stream.read_line(&mut line)?;
    }
}
