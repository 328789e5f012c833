//! Each rule on planted statements, and the texts each must leave alone.

use super::*;

fn rules() -> RuleSet {
    RuleSet::builtin().expect("the compiled-in lists are valid")
}

fn found(text: &str) -> Vec<Rule> {
    screen(text, &rules()).iter().map(|f| f.rule).collect()
}

fn matched(text: &str, rule: Rule) -> Vec<String> {
    screen(text, &rules())
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| text[f.start..f.end].to_owned())
        .collect()
}

#[test]
fn the_nhs_check_digit_follows_modulus_eleven() {
    assert!(nhs_number_is_valid(&[9, 4, 3, 4, 7, 6, 5, 9, 1, 9]));
    assert!(!nhs_number_is_valid(&[9, 4, 3, 4, 7, 6, 5, 9, 1, 8]));
    // 4010232137: the weighted sum is 92, 92 mod 11 is 4, and 11 − 4 = 7.
    assert!(nhs_number_is_valid(&[4, 0, 1, 0, 2, 3, 2, 1, 3, 7]));
    // A check of 10 is never valid, whatever the tenth digit.
    let ten = [0, 0, 0, 0, 0, 0, 0, 0, 6];
    for last in 0..=9 {
        let mut digits = ten.to_vec();
        digits.push(last);
        assert!(!nhs_number_is_valid(&digits), "{digits:?}");
    }
    // A check of 11 is read as 0.
    assert!(nhs_number_is_valid(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    assert!(!nhs_number_is_valid(&[9, 4, 3, 4, 7, 6, 5, 9, 1]));
}

#[test]
fn an_nhs_number_is_found_written_together_or_grouped() {
    assert_eq!(
        matched("my number is 943 476 5919 ok", Rule::NhsNumber),
        ["943 476 5919"]
    );
    assert_eq!(
        matched("nhs no 9434765919.", Rule::NhsNumber),
        ["9434765919"]
    );
    assert_eq!(
        matched("ref 943-476-5919", Rule::NhsNumber),
        ["943-476-5919"]
    );
}

#[test]
fn a_plain_number_or_a_bad_check_digit_is_no_finding() {
    assert!(found("We need 40 more benches and 1200 volunteers").is_empty());
    assert!(found("The waiting list is 9434765918 days long").is_empty());
    assert!(found("Budget 2024 was 1234567890 pounds").is_empty());
    assert!(found("code 9434765919x").is_empty());
}

#[test]
fn uk_phone_numbers_are_personal_details() {
    assert_eq!(
        matched("ring me on 07700 900123", Rule::PhoneNumber),
        ["07700 900123"]
    );
    assert_eq!(
        matched("call 020 7946 0000 today", Rule::PhoneNumber),
        ["020 7946 0000"]
    );
    assert_eq!(
        matched("text +44 7700 900123", Rule::PhoneNumber),
        ["+44 7700 900123"]
    );
    assert!(matched("open 0900 to 1700", Rule::PhoneNumber).is_empty());
}

#[test]
fn a_date_is_a_date_of_birth_only_beside_a_birth_word() {
    assert_eq!(
        matched("born 03/04/1951 in Northvale", Rule::DateOfBirth),
        ["03/04/1951"]
    );
    assert_eq!(
        matched("DOB 3rd March 1951", Rule::DateOfBirth),
        ["3rd March 1951"]
    );
    assert_eq!(
        matched("ganwyd 3 Mawrth 1951", Rule::DateOfBirth),
        ["3 Mawrth 1951"]
    );
    assert!(found("the meeting on 03/04/2025 was good").is_empty());
    assert!(matched("born 45/13/1951", Rule::DateOfBirth).is_empty());
}

#[test]
fn postcodes_and_street_addresses_are_found() {
    assert_eq!(
        matched("I live at NV1 4QT now", Rule::Postcode),
        ["NV1 4QT"]
    );
    assert_eq!(matched("near SW1A 1AA", Rule::Postcode), ["SW1A 1AA"]);
    assert_eq!(matched("near CF101AA", Rule::Postcode), ["CF101AA"]);
    assert_eq!(
        matched(
            "she lives at 12 Acacia Avenue with him",
            Rule::StreetAddress
        ),
        ["12 Acacia Avenue"]
    );
    assert_eq!(
        matched("yn 4 Heol y Bont", Rule::StreetAddress),
        ["4 Heol y Bont"]
    );
    assert!(found("we walked 3 miles down the road").is_empty());
}

#[test]
fn a_name_near_a_condition_is_found_and_a_name_alone_is_not() {
    assert_eq!(
        matched(
            "Mrs Jones at number 4 has dementia and no help",
            Rule::NameWithCondition
        ),
        ["Mrs Jones"]
    );
    assert_eq!(
        matched(
            "my neighbour Mary Evans has cancer",
            Rule::NameWithCondition
        ),
        ["Mary Evans"]
    );
    assert!(found("Mary Evans runs a great cafe in the High Street").is_empty());
    assert!(found("More support for people with dementia please").is_empty());
}

#[test]
fn disclosure_terms_match_whole_words_and_prefixes_in_english_and_welsh() {
    assert_eq!(found("Some nights I want to die"), [Rule::DisclosureTerm]);
    assert_eq!(found("He hits me when he drinks"), [Rule::DisclosureTerm]);
    assert_eq!(found("Rwy'n methu ymdopi"), [Rule::DisclosureTerm]);
    assert_eq!(
        found("I took an overdose last year"),
        [Rule::DisclosureTerm]
    );
    // "suicidal" is listed; "suicides" is not a prefix match of a whole word entry.
    assert!(found("Clinics should open on Saturdays").is_empty());
    assert_eq!(
        matched("I can’t cope any more", Rule::DisclosureTerm),
        ["can’t cope"]
    );
}

#[test]
fn abuse_terms_are_found() {
    assert_eq!(found("The council are idiots"), [Rule::AbuseTerm]);
    assert_eq!(found("Cau dy geg"), [Rule::AbuseTerm]);
    assert!(found("Thank you to the nurses").is_empty());
}

#[test]
fn findings_come_in_order_of_concern() {
    let text = "The council are idiots, ring 07700 900123, I want to die";
    let concerns: Vec<Concern> = screen(text, &rules())
        .iter()
        .map(Finding::concern)
        .collect();
    assert_eq!(
        concerns,
        [
            Concern::Disclosure,
            Concern::PersonalDetails,
            Concern::Abuse
        ]
    );
    assert!(Concern::Disclosure < Concern::PersonalDetails);
    assert!(Concern::Misinformation < Concern::Other);
}

#[test]
fn a_partnership_adds_its_own_terms() {
    let set = rules().with_extra_terms(&["food bank closed*".to_owned()], &["numpty".to_owned()]);
    let rules_found: Vec<Rule> = screen("the food bank closed, numpty", &set)
        .iter()
        .map(|f| f.rule)
        .collect();
    assert_eq!(rules_found, [Rule::DisclosureTerm, Rule::AbuseTerm]);
}

#[test]
fn redaction_replaces_personal_details_only() {
    let text = "Mrs Jones has dementia, call 07700 900123, I want to die";
    let findings = screen(text, &rules());
    assert_eq!(
        redact(text, &findings),
        "[removed] has dementia, call [removed], I want to die"
    );
    assert_eq!(redact("no details", &[]), "no details");
}

#[test]
fn names_round_trip() {
    for concern in Concern::ALL {
        assert_eq!(Concern::parse(concern.as_str()), Some(concern));
    }
    for rule in Rule::ALL {
        assert_eq!(Rule::parse(rule.as_str()), Some(rule));
    }
    assert_eq!(Rule::parse("nope"), None);
}

#[test]
fn a_broken_list_is_refused_with_its_language() {
    let mut set = RuleSet::default();
    let error = set.add_list("xx", "language = \"xx\"\n").unwrap_err();
    assert_eq!(error.language, "xx");
    assert!(error.message.contains("disclosure"));
    assert!(set.add_list("xx", "not = [toml").is_err());
}
