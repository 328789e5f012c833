//! Safeguarding screening: which statements a moderator must read before anyone else does.
//!
//! [`screen`] reads a statement's text against a [`RuleSet`] and returns its [`Finding`]s, each
//! naming the [`Rule`] that matched and the span of text it matched (byte offsets). A statement
//! with any finding is held for a moderator whatever the dialogue's moderation policy.
//!
//! # The rules
//!
//! - **Disclosure** ([`Rule::DisclosureTerm`]): a word or phrase of the rule lists' `disclosure`
//!   section, possible disclosure of harm or a crisis.
//! - **Personal details**: an NHS number ([`Rule::NhsNumber`]: ten digits, written together or
//!   as 3-3-4, whose mod-11 check digit is right: the first nine digits weighted 10 down to 2,
//!   `11 − (sum mod 11)`, 11 read as 0 and 10 never valid); a UK phone number
//!   ([`Rule::PhoneNumber`]: `0` then a digit 1, 2, 3, 7 or 8 and 10 or 11 digits in all, or
//!   `+44` then 9 or 10 digits); a date of birth ([`Rule::DateOfBirth`]: a full date such as
//!   `03/04/1951` or `3 March 1951` in a statement that also holds a birth word such as
//!   "born"); a postcode ([`Rule::Postcode`], the full outward and inward code); a street
//!   address ([`Rule::StreetAddress`]: a house number and a street word with capitalised words
//!   between); a name next to a health condition ([`Rule::NameWithCondition`]: a title and a
//!   capitalised word, or two capitalised words, within eight words of a listed condition).
//! - **Abuse** ([`Rule::AbuseTerm`]): a word or phrase of the lists' `abuse` section.
//!
//! Possible health misinformation is never guessed from text: only people flag it.
//!
//! # The lists
//!
//! One TOML file per language (`lists/en.toml`, `lists/cy.toml`) is compiled in; each entry is
//! a word or phrase matched whole, ignoring case, a word ending in `*` matching every word that
//! starts with it. A statement is read against every language's lists at once, since people
//! mix languages, plus the terms a partnership added ([`RuleSet::with_extra_terms`]).

/// Why a statement needs a moderator's eyes, from the highest risk to the lowest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Concern {
    /// Possible disclosure of harm or a crisis.
    Disclosure,
    /// Personal or patient-identifiable details.
    PersonalDetails,
    /// Abuse aimed at people.
    Abuse,
    /// Possible health misinformation (flagged by people only).
    Misinformation,
    /// Anything else a participant flagged.
    Other,
}

impl Concern {
    /// Every concern, from the highest risk to the lowest.
    pub const ALL: [Concern; 5] = [
        Concern::Disclosure,
        Concern::PersonalDetails,
        Concern::Abuse,
        Concern::Misinformation,
        Concern::Other,
    ];

    /// Returns the concern's stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Concern::Disclosure => "disclosure",
            Concern::PersonalDetails => "personal_details",
            Concern::Abuse => "abuse",
            Concern::Misinformation => "misinformation",
            Concern::Other => "other",
        }
    }

    /// Reads a concern from its stable name.
    pub fn parse(name: &str) -> Option<Concern> {
        Concern::ALL
            .into_iter()
            .find(|concern| concern.as_str() == name)
    }
}

/// The rule that produced a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// A disclosure or crisis word or phrase.
    DisclosureTerm,
    /// An NHS number with a valid check digit.
    NhsNumber,
    /// A UK phone number.
    PhoneNumber,
    /// A full date in a statement that speaks of a birth.
    DateOfBirth,
    /// A full UK postcode.
    Postcode,
    /// A house number and street.
    StreetAddress,
    /// A person's name near a health condition.
    NameWithCondition,
    /// An abusive word or phrase.
    AbuseTerm,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Rule; 8] = [
        Rule::DisclosureTerm,
        Rule::NhsNumber,
        Rule::PhoneNumber,
        Rule::DateOfBirth,
        Rule::Postcode,
        Rule::StreetAddress,
        Rule::NameWithCondition,
        Rule::AbuseTerm,
    ];

    /// Returns the rule's stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::DisclosureTerm => "disclosure_term",
            Rule::NhsNumber => "nhs_number",
            Rule::PhoneNumber => "phone_number",
            Rule::DateOfBirth => "date_of_birth",
            Rule::Postcode => "postcode",
            Rule::StreetAddress => "street_address",
            Rule::NameWithCondition => "name_with_condition",
            Rule::AbuseTerm => "abuse_term",
        }
    }

    /// Reads a rule from its stable name.
    pub fn parse(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.as_str() == name)
    }

    /// Returns what the rule is a sign of.
    pub fn concern(self) -> Concern {
        match self {
            Rule::DisclosureTerm => Concern::Disclosure,
            Rule::AbuseTerm => Concern::Abuse,
            Rule::NhsNumber
            | Rule::PhoneNumber
            | Rule::DateOfBirth
            | Rule::Postcode
            | Rule::StreetAddress
            | Rule::NameWithCondition => Concern::PersonalDetails,
        }
    }
}

/// One match of one rule in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule that matched.
    pub rule: Rule,
    /// Where the match starts, a byte offset into the text.
    pub start: usize,
    /// Where the match ends (exclusive), a byte offset into the text.
    pub end: usize,
}

impl Finding {
    /// Returns what the finding is a sign of.
    pub fn concern(&self) -> Concern {
        self.rule.concern()
    }
}

/// One word of a pattern: matched whole, or as a prefix when written with a trailing `*`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PatternWord {
    word: String,
    prefix: bool,
}

/// A word or phrase of a rule list.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Pattern(Vec<PatternWord>);

impl Pattern {
    fn parse(entry: &str) -> Option<Pattern> {
        let words: Vec<PatternWord> = tokens(entry)
            .into_iter()
            .map(|token| {
                let prefix = entry[token.end..].starts_with('*');
                PatternWord {
                    word: token.lower,
                    prefix,
                }
            })
            .collect();
        (!words.is_empty()).then_some(Pattern(words))
    }

    fn matches_at(&self, words: &[Token], at: usize) -> bool {
        self.0.len() <= words.len().saturating_sub(at)
            && self.0.iter().zip(&words[at..]).all(|(pattern, token)| {
                if pattern.prefix {
                    token.lower.starts_with(&pattern.word)
                } else {
                    token.lower == pattern.word
                }
            })
    }
}

/// The words and phrases every rule reads, from every language's list and a partnership's own.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    disclosure: Vec<Pattern>,
    abuse: Vec<Pattern>,
    conditions: Vec<Pattern>,
    birth_cues: Vec<Pattern>,
    titles: Vec<String>,
    street_words: Vec<String>,
    months: Vec<String>,
}

/// The compiled-in rule lists: language code and TOML text.
pub const BUILTIN_LISTS: &[(&str, &str)] = &[
    ("en", include_str!("lists/en.toml")),
    ("cy", include_str!("lists/cy.toml")),
];

/// Why a rule list could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("rule list {language}: {message}")]
pub struct ListError {
    /// The list's language.
    pub language: String,
    /// What is wrong.
    pub message: String,
}

fn string_array(
    table: &toml::Table,
    section: &str,
    key: &str,
    language: &str,
) -> Result<Vec<String>, ListError> {
    let error = |message: String| ListError {
        language: language.to_owned(),
        message,
    };
    let values = table
        .get(section)
        .and_then(|value| value.get(key))
        .and_then(toml::Value::as_array)
        .ok_or_else(|| error(format!("[{section}] needs an array `{key}`")))?;
    values
        .iter()
        .map(|value| {
            value
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| error(format!("[{section}] {key} holds a value that is not text")))
        })
        .collect()
}

fn patterns(entries: &[String]) -> Vec<Pattern> {
    entries
        .iter()
        .filter_map(|entry| Pattern::parse(entry))
        .collect()
}

impl RuleSet {
    /// Reads one language's list (the format of `lists/en.toml`) and adds it to this set.
    pub fn add_list(&mut self, language: &str, text: &str) -> Result<(), ListError> {
        let table: toml::Table = text.parse().map_err(|error: toml::de::Error| ListError {
            language: language.to_owned(),
            message: error.message().to_owned(),
        })?;
        let lower = |words: Vec<String>| -> Vec<String> {
            words.into_iter().map(|word| word.to_lowercase()).collect()
        };
        self.disclosure.extend(patterns(&string_array(
            &table,
            "disclosure",
            "terms",
            language,
        )?));
        self.abuse
            .extend(patterns(&string_array(&table, "abuse", "terms", language)?));
        self.conditions.extend(patterns(&string_array(
            &table,
            "personal",
            "conditions",
            language,
        )?));
        self.birth_cues.extend(patterns(&string_array(
            &table,
            "personal",
            "birth_cues",
            language,
        )?));
        self.titles
            .extend(lower(string_array(&table, "personal", "titles", language)?));
        self.street_words.extend(lower(string_array(
            &table,
            "personal",
            "street_words",
            language,
        )?));
        self.months
            .extend(lower(string_array(&table, "personal", "months", language)?));
        Ok(())
    }

    /// Returns the compiled-in lists of every language.
    pub fn builtin() -> Result<RuleSet, ListError> {
        let mut set = RuleSet::default();
        for (language, text) in BUILTIN_LISTS {
            set.add_list(language, text)?;
        }
        Ok(set)
    }

    /// Adds a partnership's own disclosure and abuse terms (the same format as a list entry).
    pub fn with_extra_terms(mut self, disclosure: &[String], abuse: &[String]) -> RuleSet {
        self.disclosure.extend(patterns(disclosure));
        self.abuse.extend(patterns(abuse));
        self
    }
}

/// A word of a text: lowercased, with its byte span and whether it starts with a capital.
#[derive(Clone, Debug)]
struct Token {
    lower: String,
    start: usize,
    end: usize,
    capitalised: bool,
    all_caps: bool,
}

fn is_word_char(character: char) -> bool {
    character.is_alphanumeric() || matches!(character, '\'' | '’' | '-')
}

/// Splits a text into words: runs of letters, digits, apostrophes and hyphens, without the
/// apostrophes and hyphens at either end.
fn tokens(text: &str) -> Vec<Token> {
    let mut words = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (index, &(offset, character)) in chars.iter().enumerate() {
        if is_word_char(character) {
            start.get_or_insert(offset);
        }
        let ends = !is_word_char(character) || index + 1 == chars.len();
        if let (true, Some(begin)) = (ends, start) {
            let end = if is_word_char(character) {
                offset + character.len_utf8()
            } else {
                offset
            };
            start = None;
            let raw = &text[begin..end];
            let trimmed_start = raw.len() - raw.trim_start_matches(['\'', '’', '-']).len();
            let raw = raw.trim_matches(['\'', '’', '-']);
            if raw.is_empty() {
                continue;
            }
            let begin = begin + trimmed_start;
            let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
            words.push(Token {
                lower: raw.to_lowercase().replace('’', "'"),
                start: begin,
                end: begin + raw.len(),
                capitalised: raw.chars().next().is_some_and(char::is_uppercase),
                all_caps: letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()),
            });
        }
    }
    words
}

fn find_patterns(words: &[Token], patterns: &[Pattern], rule: Rule, found: &mut Vec<Finding>) {
    let mut at = 0;
    while at < words.len() {
        // The longest entry matching here wins, and the words it covers match nothing else.
        match patterns
            .iter()
            .filter(|pattern| pattern.matches_at(words, at))
            .max_by_key(|pattern| pattern.0.len())
        {
            Some(pattern) => {
                found.push(Finding {
                    rule,
                    start: words[at].start,
                    end: words[at + pattern.0.len() - 1].end,
                });
                at += pattern.0.len();
            }
            None => at += 1,
        }
    }
}

fn contains_pattern(words: &[Token], patterns: &[Pattern]) -> bool {
    (0..words.len()).any(|at| patterns.iter().any(|pattern| pattern.matches_at(words, at)))
}

/// Returns whether ten digits are an NHS number: the mod-11 check digit of the first nine
/// (weighted 10 down to 2) equals the tenth; a check of 11 reads as 0 and 10 is never valid.
pub fn nhs_number_is_valid(digits: &[u8]) -> bool {
    if digits.len() != 10 || digits.iter().any(|digit| *digit > 9) {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(digit, weight)| u32::from(*digit) * weight)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        check => check,
    };
    check == u32::from(digits[9])
}

/// Finds runs of digits (with single spaces, hyphens or brackets between, and an optional
/// leading `+`) and reads each as an NHS number or a phone number.
fn find_numbers(text: &str, found: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let starts = bytes[at].is_ascii_digit() || bytes[at] == b'+' || bytes[at] == b'(';
        let boundary = at == 0 || !(bytes[at - 1] as char).is_alphanumeric();
        if !(starts && boundary) {
            at += 1;
            continue;
        }
        let plus = bytes[at] == b'+';
        let mut end = at + 1;
        let mut digits: Vec<u8> = Vec::new();
        if bytes[at].is_ascii_digit() {
            digits.push(bytes[at] - b'0');
        }
        while end < bytes.len() {
            let byte = bytes[end];
            if byte.is_ascii_digit() {
                digits.push(byte - b'0');
                end += 1;
            } else if (matches!(byte, b' ' | b'-' | b')' | b'(')
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
                || (byte == b')' && bytes.get(end + 1) == Some(&b' '))
            {
                end += 1;
            } else {
                break;
            }
        }
        let followed_by_word = bytes
            .get(end)
            .is_some_and(|b| (*b as char).is_alphanumeric());
        if digits.is_empty() || followed_by_word {
            at = end.max(at + 1);
            continue;
        }
        let start = at;
        let rule = if !plus && digits.len() == 10 && nhs_number_is_valid(&digits) {
            Some(Rule::NhsNumber)
        } else if is_phone(&digits, plus) {
            Some(Rule::PhoneNumber)
        } else {
            None
        };
        if let Some(rule) = rule {
            found.push(Finding { rule, start, end });
        }
        at = end;
    }
}

fn is_phone(digits: &[u8], plus: bool) -> bool {
    if plus {
        digits.starts_with(&[4, 4]) && (11..=12).contains(&digits.len())
    } else {
        digits.first() == Some(&0)
            && digits
                .get(1)
                .is_some_and(|d| matches!(d, 1 | 2 | 3 | 7 | 8))
            && (10..=11).contains(&digits.len())
    }
}

/// Reads `d/m/yy`, `d/m/yyyy` (with `/`, `.` or `-`, the same twice) at a word boundary.
fn numeric_date_at(bytes: &[u8], at: usize) -> Option<usize> {
    let number = |from: usize, least: usize, most: usize| -> Option<(u32, usize)> {
        let length = bytes[from..]
            .iter()
            .take(most)
            .take_while(|b| b.is_ascii_digit())
            .count();
        (length >= least).then(|| {
            let value = bytes[from..from + length]
                .iter()
                .fold(0_u32, |sum, b| sum * 10 + u32::from(b - b'0'));
            (value, from + length)
        })
    };
    let (day, next) = number(at, 1, 2)?;
    let separator = *bytes.get(next)?;
    if !matches!(separator, b'/' | b'.' | b'-') {
        return None;
    }
    let (month, next) = number(next + 1, 1, 2)?;
    if bytes.get(next) != Some(&separator) {
        return None;
    }
    let (_, end) = number(next + 1, 2, 4)?;
    let year_digits = end - next - 1;
    let valid = (1..=31).contains(&day) && (1..=12).contains(&month) && year_digits != 3;
    let boundary = !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
    (valid && boundary).then_some(end)
}

fn find_dates(text: &str, words: &[Token], set: &RuleSet, found: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    for at in 0..bytes.len() {
        let boundary = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        if boundary
            && bytes[at].is_ascii_digit()
            && let Some(end) = numeric_date_at(bytes, at)
        {
            found.push(Finding {
                rule: Rule::DateOfBirth,
                start: at,
                end,
            });
        }
    }
    let day = |token: &Token| {
        let digits = token.lower.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        digits.len() <= 2
            && digits
                .parse::<u32>()
                .is_ok_and(|day| (1..=31).contains(&day))
            && (digits.len() == token.lower.len()
                || ["st", "nd", "rd", "th"].contains(&&token.lower[digits.len()..]))
    };
    let month = |token: &Token| set.months.contains(&token.lower);
    let year = |token: &Token| token.lower.len() == 4 && token.lower.parse::<u32>().is_ok();
    for window in words.windows(3) {
        let written = (day(&window[0]) && month(&window[1]) && year(&window[2]))
            || (month(&window[0]) && day(&window[1]) && year(&window[2]));
        if written {
            found.push(Finding {
                rule: Rule::DateOfBirth,
                start: window[0].start,
                end: window[2].end,
            });
        }
    }
}

/// Whether a word is the outward part of a postcode (`A9`, `A99`, `AA9`, `AA99`, `A9A`, `AA9A`).
fn is_outward(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let letters = chars.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if !(1..=2).contains(&letters) || chars.len() < letters + 1 || chars.len() > letters + 2 {
        return false;
    }
    chars[letters].is_ascii_digit() && chars[letters + 1..].iter().all(char::is_ascii_alphanumeric)
}

/// Whether a word is the inward part of a postcode (`9AA`).
fn is_inward(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.len() == 3
        && chars[0].is_ascii_digit()
        && chars[1..].iter().all(char::is_ascii_alphabetic)
}

fn find_postcodes(text: &str, words: &[Token], found: &mut Vec<Finding>) {
    for (index, word) in words.iter().enumerate() {
        let next = words.get(index + 1);
        if let Some(next) = next.filter(|next| {
            is_outward(&word.lower) && is_inward(&next.lower) && text[word.end..next.start] == *" "
        }) {
            found.push(Finding {
                rule: Rule::Postcode,
                start: word.start,
                end: next.end,
            });
        } else if word.lower.len() >= 5
            && word.lower.is_ascii()
            && word.all_caps
            && is_inward(&word.lower[word.lower.len() - 3..])
            && is_outward(&word.lower[..word.lower.len() - 3])
        {
            found.push(Finding {
                rule: Rule::Postcode,
                start: word.start,
                end: word.end,
            });
        }
    }
}

fn is_house_number(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    (1..=4).contains(&digits) && word.len() <= digits + 1 && word.is_ascii()
}

fn find_addresses(words: &[Token], set: &RuleSet, found: &mut Vec<Finding>) {
    for (index, word) in words.iter().enumerate() {
        if !is_house_number(&word.lower) {
            continue;
        }
        let after = &words[index + 1..words.len().min(index + 6)];
        // "12 Acacia Avenue": capitalised words and then a street word.
        let ending = after.iter().enumerate().skip(1).find(|(at, street)| {
            set.street_words.contains(&street.lower)
                && street.capitalised
                && after[..*at].iter().all(|name| name.capitalised)
        });
        // "12 Heol y Bont": a street word first, then a capitalised name.
        let leading = after
            .first()
            .filter(|street| street.capitalised && set.street_words.contains(&street.lower));
        let end = match (ending, leading) {
            (Some((_, street)), _) => Some(street.end),
            (None, Some(_)) => after[1..]
                .iter()
                .take(2)
                .rev()
                .find(|name| name.capitalised)
                .map(|name| name.end),
            (None, None) => None,
        };
        if let Some(end) = end {
            found.push(Finding {
                rule: Rule::StreetAddress,
                start: word.start,
                end,
            });
        }
    }
}

/// A word that can be part of a name: capitalised, not an acronym, not "I".
fn is_name_word(token: &Token) -> bool {
    token.capitalised && !token.all_caps && token.lower != "i" && token.lower.len() > 1
}

fn find_names_with_conditions(words: &[Token], set: &RuleSet, found: &mut Vec<Finding>) {
    let conditions: Vec<usize> = (0..words.len())
        .filter(|at| set.conditions.iter().any(|c| c.matches_at(words, *at)))
        .collect();
    if conditions.is_empty() {
        return;
    }
    let mut index = 0;
    while index + 1 < words.len() {
        let (first, second) = (&words[index], &words[index + 1]);
        let titled = set.titles.contains(&first.lower) && is_name_word(second);
        let paired = is_name_word(first) && is_name_word(second);
        let near = conditions.iter().any(|at| at.abs_diff(index) <= 8);
        if (titled || paired) && near {
            found.push(Finding {
                rule: Rule::NameWithCondition,
                start: first.start,
                end: second.end,
            });
            index += 2;
        } else {
            index += 1;
        }
    }
}

/// Reads a text against every rule and returns its findings, in order of concern and then of
/// position; two findings of one rule never share a span.
pub fn screen(text: &str, set: &RuleSet) -> Vec<Finding> {
    let words = tokens(text);
    let mut found = Vec::new();
    find_patterns(&words, &set.disclosure, Rule::DisclosureTerm, &mut found);
    find_patterns(&words, &set.abuse, Rule::AbuseTerm, &mut found);
    find_numbers(text, &mut found);
    if contains_pattern(&words, &set.birth_cues) {
        find_dates(text, &words, set, &mut found);
    }
    find_postcodes(text, &words, &mut found);
    find_addresses(&words, set, &mut found);
    find_names_with_conditions(&words, set, &mut found);
    found.sort_by(|a, b| {
        a.concern()
            .cmp(&b.concern())
            .then(a.start.cmp(&b.start))
            .then(a.rule.cmp(&b.rule))
            .then(b.end.cmp(&a.end))
    });
    found.dedup_by(|later, earlier| later.rule == earlier.rule && later.start == earlier.start);
    found
}

/// The text that takes the place of a removed personal detail.
pub const REMOVED: &str = "[removed]";

/// Replaces the spans of the personal-details findings with [`REMOVED`] (overlapping spans as
/// one), keeping every other character; spans outside the text or not on character boundaries
/// are left alone.
pub fn redact(text: &str, findings: &[Finding]) -> String {
    let mut spans: Vec<(usize, usize)> = findings
        .iter()
        .filter(|finding| finding.concern() == Concern::PersonalDetails)
        .filter(|finding| {
            finding.start < finding.end
                && finding.end <= text.len()
                && text.is_char_boundary(finding.start)
                && text.is_char_boundary(finding.end)
        })
        .map(|finding| (finding.start, finding.end))
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in merged {
        out.push_str(&text[at..start]);
        out.push_str(REMOVED);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests;
