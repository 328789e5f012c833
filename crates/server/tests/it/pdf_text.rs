//! Reads the text of the PDF files the report exports, as a PDF reader's copy and paste would:
//! enough of PDF for what `svg2pdf` writes (objects without object streams, Flate-compressed
//! streams, Type 0 fonts with a `ToUnicode` map, one glyph per `Tj`).

use std::collections::BTreeMap;
use std::io::Read as _;

/// One object of the file: its dictionary's text and its stream, decompressed.
struct Object {
    dictionary: String,
    stream: Option<Vec<u8>>,
}

/// Finds every `N 0 obj … endobj` in the file.
fn objects(pdf: &[u8]) -> BTreeMap<u32, Object> {
    let mut found = BTreeMap::new();
    let mut at = 0;
    while let Some(offset) = find(&pdf[at..], b" 0 obj") {
        let header = at + offset;
        let start_of_number = pdf[..header]
            .iter()
            .rposition(|byte| !byte.is_ascii_digit())
            .map_or(0, |position| position + 1);
        let number: u32 = std::str::from_utf8(&pdf[start_of_number..header])
            .unwrap_or_default()
            .parse()
            .unwrap_or(0);
        let body_start = header + b" 0 obj".len();
        let body_end = body_start + find(&pdf[body_start..], b"endobj").unwrap_or(0);
        let body = &pdf[body_start..body_end];
        let (dictionary, stream) = match find(body, b"stream") {
            Some(stream_at) if !body[..stream_at].ends_with(b"end") => {
                let mut data_start = stream_at + b"stream".len();
                if body.get(data_start) == Some(&b'\r') {
                    data_start += 1;
                }
                if body.get(data_start) == Some(&b'\n') {
                    data_start += 1;
                }
                let data_end = data_start + find(&body[data_start..], b"endstream").unwrap_or(0);
                let dictionary = String::from_utf8_lossy(&body[..stream_at]).into_owned();
                let raw = body[data_start..data_end].to_vec();
                let data = if dictionary.contains("/FlateDecode") {
                    let mut inflated = Vec::new();
                    match flate2::read::ZlibDecoder::new(raw.as_slice()).read_to_end(&mut inflated)
                    {
                        Ok(_) => inflated,
                        Err(_) => raw,
                    }
                } else {
                    raw
                };
                (dictionary, Some(data))
            }
            _ => (String::from_utf8_lossy(body).into_owned(), None),
        };
        found.insert(number, Object { dictionary, stream });
        at = body_end;
    }
    found
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The object number after `key` in a dictionary: `/ToUnicode 12 0 R` gives 12.
fn reference(dictionary: &str, key: &str) -> Option<u32> {
    let rest = &dictionary[dictionary.find(key)? + key.len()..];
    rest.split_whitespace().next()?.parse().ok()
}

fn hex_units(hex: &str) -> Vec<u16> {
    let digits: Vec<char> = hex.chars().filter(char::is_ascii_hexdigit).collect();
    digits
        .chunks(4)
        .filter_map(|chunk| u16::from_str_radix(&chunk.iter().collect::<String>(), 16).ok())
        .collect()
}

/// Reads a `ToUnicode` map's `bfchar` and `bfrange` entries.
fn unicode_map(cmap: &str) -> BTreeMap<u16, String> {
    let mut map = BTreeMap::new();
    let hexes = |line: &str| -> Vec<String> {
        line.split('<')
            .skip(1)
            .filter_map(|part| part.split('>').next().map(str::to_owned))
            .collect()
    };
    let mut section = "";
    for line in cmap.lines() {
        if line.contains("beginbfchar") {
            section = "char";
        } else if line.contains("beginbfrange") {
            section = "range";
        } else if line.contains("endbf") {
            section = "";
        } else if section == "char" {
            if let [code, text] = hexes(line).as_slice() {
                let code = hex_units(code).first().copied().unwrap_or(0);
                map.insert(code, String::from_utf16_lossy(&hex_units(text)));
            }
        } else if section == "range"
            && let [low, high, text] = hexes(line).as_slice()
        {
            let low = hex_units(low).first().copied().unwrap_or(0);
            let high = hex_units(high).first().copied().unwrap_or(0);
            let first = hex_units(text);
            for (offset, code) in (low..=high).enumerate() {
                let mut units = first.clone();
                if let Some(last) = units.last_mut() {
                    *last += u16::try_from(offset).unwrap_or(0);
                }
                map.insert(code, String::from_utf16_lossy(&units));
            }
        }
    }
    map
}

/// Reads a literal string's bytes, `(` already consumed; returns them and where it ended.
fn literal(content: &[u8], mut at: usize) -> (Vec<u8>, usize) {
    let mut bytes = Vec::new();
    let mut depth = 0;
    while at < content.len() {
        let byte = content[at];
        at += 1;
        match byte {
            b'\\' => {
                let next = content.get(at).copied().unwrap_or(b'\\');
                if next.is_ascii_digit() {
                    let digits: Vec<u8> = content[at..]
                        .iter()
                        .take(3)
                        .take_while(|digit| (b'0'..=b'7').contains(digit))
                        .copied()
                        .collect();
                    at += digits.len();
                    let value = digits
                        .iter()
                        .fold(0u32, |value, digit| value * 8 + u32::from(digit - b'0'));
                    bytes.push(u8::try_from(value).unwrap_or(0));
                } else {
                    at += 1;
                    bytes.push(match next {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'b' => 8,
                        b'f' => 12,
                        other => other,
                    });
                }
            }
            b'(' => {
                depth += 1;
                bytes.push(byte);
            }
            b')' if depth == 0 => return (bytes, at),
            b')' => {
                depth -= 1;
                bytes.push(byte);
            }
            other => bytes.push(other),
        }
    }
    (bytes, at)
}

/// Returns the text the PDF shows, in the order it is drawn, one string per drawing (page or
/// form), with a space wherever the text moves to a new line.
pub fn text(pdf: &[u8]) -> String {
    let objects = objects(pdf);
    let mut out = String::new();
    for object in objects.values() {
        let Some(content) = &object.stream else {
            continue;
        };
        if find(content, b"Tj").is_none() {
            continue;
        }
        // The form's font names (its resources may be another object, and so may their fonts)
        // and each font's map from glyph codes to text.
        let mut resources = object.dictionary.clone();
        if let Some(number) = reference(&resources, "/Resources")
            && let Some(found) = objects.get(&number)
        {
            resources = found.dictionary.clone();
        }
        if let Some(number) = reference(&resources, "/Font")
            && let Some(found) = objects.get(&number)
        {
            resources = format!("/Font {}", found.dictionary);
        }
        let fonts_at = resources.find("/Font").unwrap_or(0);
        let fonts = &resources[fonts_at..];
        let fonts = &fonts[..fonts.find(">>").unwrap_or(fonts.len())];
        let mut maps: BTreeMap<String, BTreeMap<u16, String>> = BTreeMap::new();
        for part in fonts.split('/').skip(2) {
            let mut words = part.split_whitespace();
            let (Some(name), Some(number)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(number) = number.parse::<u32>() else {
                continue;
            };
            let map = objects
                .get(&number)
                .and_then(|font| reference(&font.dictionary, "/ToUnicode"))
                .and_then(|cmap| objects.get(&cmap))
                .and_then(|cmap| cmap.stream.as_ref())
                .map(|cmap| unicode_map(&String::from_utf8_lossy(cmap)))
                .unwrap_or_default();
            maps.insert(name.to_owned(), map);
        }
        let mut font = String::new();
        let mut last_y: Option<String> = None;
        let mut words: Vec<&[u8]> = Vec::new();
        let mut at = 0;
        while at < content.len() {
            match content[at] {
                b'(' => {
                    let (bytes, end) = literal(content, at + 1);
                    show(&bytes, maps.get(&font), &mut out);
                    at = end;
                    continue;
                }
                b'<' if content.get(at + 1) != Some(&b'<') => {
                    let end = at + find(&content[at..], b">").unwrap_or(0);
                    let units = hex_units(&String::from_utf8_lossy(&content[at + 1..end]));
                    let bytes: Vec<u8> = units.iter().flat_map(|unit| unit.to_be_bytes()).collect();
                    show(&bytes, maps.get(&font), &mut out);
                    at = end + 1;
                    continue;
                }
                byte if byte.is_ascii_whitespace() => {
                    at += 1;
                    continue;
                }
                _ => {}
            }
            let end = content[at..]
                .iter()
                .position(|byte| byte.is_ascii_whitespace() || *byte == b'(' || *byte == b'<')
                .map_or(content.len(), |length| at + length.max(1));
            let word = &content[at..end];
            match word {
                b"Tf" if words.len() >= 2 => {
                    font = String::from_utf8_lossy(words[words.len() - 2])
                        .trim_start_matches('/')
                        .to_owned();
                }
                b"Tm" if words.len() >= 6 => {
                    // A new baseline starts a new line of text.
                    let y = String::from_utf8_lossy(words[words.len() - 1]).into_owned();
                    if last_y.as_ref().is_some_and(|last| *last != y) && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    last_y = Some(y);
                }
                _ => {}
            }
            words.push(word);
            if words.len() > 8 {
                words.remove(0);
            }
            at = end;
        }
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Appends the text of a `Tj` string: two bytes per glyph code.
fn show(bytes: &[u8], map: Option<&BTreeMap<u16, String>>, out: &mut String) {
    for pair in bytes.chunks(2) {
        let code = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
        if let Some(text) = map.and_then(|map| map.get(&code)) {
            out.push_str(text);
        }
    }
}
