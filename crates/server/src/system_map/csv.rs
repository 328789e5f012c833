//! A map as the two CSV files `commonground map` reads: `factors.csv` (`factor,name,partner`)
//! and `links.csv` (`from,to,sign,delayed,contested,note`), read from text an import sends and
//! written for an export. A fault names the file, the line and the field.

use engine::system_map::Sign;

use super::MAX_IMPORT_BYTES;
use super::source::{FactorSource, LinkSource, MapSource};

/// Why the CSV files cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    /// The files together are larger than an import reads.
    #[error("the files have {bytes} bytes; a map's files may have at most {limit} bytes")]
    TooLarge {
        /// Their size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// A file lacks a column it needs.
    #[error("{file} has no {column} column")]
    MissingColumn {
        /// The file.
        file: &'static str,
        /// The column.
        column: &'static str,
    },
    /// A row is at fault.
    #[error("{file}, line {line}: {reason}")]
    Row {
        /// The file.
        file: &'static str,
        /// Its line, counting the header as 1.
        line: u64,
        /// What is wrong.
        reason: String,
    },
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
}

fn column(headers: &csv::StringRecord, names: &[&'static str]) -> Option<usize> {
    headers.iter().position(|header| {
        names
            .iter()
            .any(|name| header.trim().eq_ignore_ascii_case(name))
    })
}

fn required(
    headers: &csv::StringRecord,
    file: &'static str,
    names: &[&'static str],
) -> Result<usize, CsvError> {
    column(headers, names).ok_or(CsvError::MissingColumn {
        file,
        column: names[0],
    })
}

fn headers(
    reader: &mut csv::Reader<&[u8]>,
    file: &'static str,
) -> Result<csv::StringRecord, CsvError> {
    reader.headers().cloned().map_err(|error| CsvError::Row {
        file,
        line: 1,
        reason: error.to_string(),
    })
}

fn flag(word: &str, name: &str, file: &'static str, line: u64) -> Result<bool, CsvError> {
    match word.to_ascii_lowercase().as_str() {
        "" | "no" | "false" | "0" | "n" => Ok(false),
        "yes" | "true" | "1" | "y" => Ok(true),
        other => Err(CsvError::Row {
            file,
            line,
            reason: format!("{name} must be yes or no (or blank), found {other:?}"),
        }),
    }
}

/// Reads the two files. The factors' ids are kept as written; the map is checked as a whole by
/// [`MapSource::index`].
pub fn read(factors: &str, links: &str) -> Result<MapSource, CsvError> {
    let bytes = factors.len() + links.len();
    if bytes > MAX_IMPORT_BYTES {
        return Err(CsvError::TooLarge {
            bytes,
            limit: MAX_IMPORT_BYTES,
        });
    }
    let mut source = MapSource::default();
    let file = "factors.csv";
    let mut rows = reader(factors);
    let header = headers(&mut rows, file)?;
    let id_column = required(&header, file, &["factor", "id"])?;
    let name_column = required(&header, file, &["name"])?;
    let partner_column = column(&header, &["partner", "owner"]);
    for (index, record) in rows.records().enumerate() {
        let line = index as u64 + 2;
        let record = record.map_err(|error| CsvError::Row {
            file,
            line,
            reason: error.to_string(),
        })?;
        let field = |column: usize| record.get(column).unwrap_or("").to_owned();
        let id = field(id_column);
        if id.is_empty() {
            return Err(CsvError::Row {
                file,
                line,
                reason: "factor is empty".to_owned(),
            });
        }
        let name = field(name_column);
        if name.is_empty() {
            return Err(CsvError::Row {
                file,
                line,
                reason: format!("factor {id} has no name"),
            });
        }
        source.factors.push(FactorSource {
            id,
            name,
            partner: partner_column
                .map(field)
                .filter(|partner| !partner.is_empty()),
        });
    }
    let file = "links.csv";
    let mut rows = reader(links);
    let header = headers(&mut rows, file)?;
    let from_column = required(&header, file, &["from", "source"])?;
    let to_column = required(&header, file, &["to", "target"])?;
    let sign_column = required(&header, file, &["sign", "polarity"])?;
    let delayed_column = column(&header, &["delayed", "delay"]);
    let contested_column = column(&header, &["contested"]);
    let note_column = column(&header, &["note", "evidence"]);
    for (index, record) in rows.records().enumerate() {
        let line = index as u64 + 2;
        let record = record.map_err(|error| CsvError::Row {
            file,
            line,
            reason: error.to_string(),
        })?;
        let field = |column: usize| record.get(column).unwrap_or("").to_owned();
        let from = field(from_column);
        let to = field(to_column);
        for (value, name) in [(&from, "from"), (&to, "to")] {
            if value.is_empty() {
                return Err(CsvError::Row {
                    file,
                    line,
                    reason: format!("{name} is empty"),
                });
            }
        }
        let symbol = field(sign_column);
        let sign = Sign::parse(&symbol).ok_or_else(|| CsvError::Row {
            file,
            line,
            reason: format!("sign must be + or -, found {symbol:?}"),
        })?;
        let delayed = match delayed_column {
            Some(column) => flag(&field(column), "delayed", file, line)?,
            None => false,
        };
        let contested = match contested_column {
            Some(column) => flag(&field(column), "contested", file, line)?,
            None => false,
        };
        source.links.push(LinkSource {
            from,
            to,
            sign,
            delayed,
            contested,
            note: note_column.map(field).unwrap_or_default(),
        });
    }
    Ok(source)
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// Writes `factors.csv` and `links.csv` for `commonground map`.
pub fn write(source: &MapSource) -> (String, String) {
    let mut factors = writer();
    // Writing to a vector cannot fail.
    let _ = factors.write_record(["factor", "name", "partner"]);
    for factor in &source.factors {
        let _ = factors.write_record([
            factor.id.as_str(),
            factor.name.as_str(),
            factor.partner.as_deref().unwrap_or(""),
        ]);
    }
    let mut links = writer();
    let _ = links.write_record(["from", "to", "sign", "delayed", "contested", "note"]);
    for link in &source.links {
        let _ = links.write_record([
            link.from.as_str(),
            link.to.as_str(),
            link.sign.as_str(),
            if link.delayed { "yes" } else { "" },
            if link.contested { "yes" } else { "" },
            link.note.as_str(),
        ]);
    }
    (finish(factors), finish(links))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_read_back_as_written() {
        let factors = "factor,name,partner\n1,Loneliness,Council\n2,\"GP visits, weekly\",\n";
        let links = "from,to,sign,delayed,contested,note\n1,2,+,yes,,\"More lonely, more visits\"\n2,1,-,,yes,\n";
        let source = read(factors, links).unwrap();
        assert_eq!(source.factors[1].name, "GP visits, weekly");
        assert_eq!(source.factors[1].partner, None);
        assert!(source.links[0].delayed && !source.links[0].contested);
        assert!(source.links[1].contested);
        let (factors_again, links_again) = write(&source);
        assert_eq!(read(&factors_again, &links_again).unwrap(), source);
    }

    #[test]
    fn faults_name_the_file_and_line() {
        let error = read("factor,name\n1,A\n", "from,to,sign\n1,1,*\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "links.csv, line 2: sign must be + or -, found \"*\""
        );
        let error = read("id\n1\n", "from,to,sign\n").unwrap_err();
        assert_eq!(error.to_string(), "factors.csv has no name column");
    }
}
