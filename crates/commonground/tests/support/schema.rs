//! A small JSON Schema (draft 2020-12) validator for the keywords `docs/analysis.schema.json`
//! uses, so the tests can check real output against the published schema without a new
//! dependency. A keyword it does not know is an error, so no part of the schema is skipped
//! silently.

use serde_json::Value;

/// Keywords that only document and never constrain.
const ANNOTATIONS: &[&str] = &["$schema", "$id", "title", "description"];

/// Keywords this validator enforces.
const ASSERTIONS: &[&str] = &[
    "type",
    "const",
    "enum",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "$ref",
    "$defs",
];

/// Returns every violation of `schema` by `value`, each as "path: problem".
pub fn validate(schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, schema, value, "$", &mut errors);
    errors
}

fn check(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(keywords) = schema.as_object() else {
        if schema != &Value::Bool(true) {
            errors.push(format!("{path}: schema is not an object"));
        }
        return;
    };
    for keyword in keywords.keys() {
        if !ANNOTATIONS.contains(&keyword.as_str()) && !ASSERTIONS.contains(&keyword.as_str()) {
            errors.push(format!("{path}: unsupported schema keyword {keyword}"));
        }
    }
    if let Some(reference) = keywords.get("$ref").and_then(Value::as_str) {
        match resolve(root, reference) {
            Some(target) => check(root, target, value, path, errors),
            None => errors.push(format!("{path}: unresolvable $ref {reference}")),
        }
    }
    if let Some(types) = keywords.get("type") {
        let allowed: Vec<&str> = match types {
            Value::String(name) => vec![name.as_str()],
            Value::Array(names) => names.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !allowed.iter().any(|name| has_type(value, name)) {
            errors.push(format!("{path}: {value} is not of type {allowed:?}"));
            return;
        }
    }
    if let Some(expected) = keywords.get("const")
        && !same(expected, value)
    {
        errors.push(format!("{path}: {value} is not {expected}"));
    }
    if let Some(Value::Array(options)) = keywords.get("enum")
        && !options.iter().any(|option| same(option, value))
    {
        errors.push(format!("{path}: {value} is not one of {options:?}"));
    }
    if let Some(number) = value.as_f64() {
        if let Some(minimum) = keywords.get("minimum").and_then(Value::as_f64)
            && number < minimum
        {
            errors.push(format!("{path}: {number} is below {minimum}"));
        }
        if let Some(maximum) = keywords.get("maximum").and_then(Value::as_f64)
            && number > maximum
        {
            errors.push(format!("{path}: {number} is above {maximum}"));
        }
    }
    if let Value::String(text) = value {
        // JSON Schema counts a string's length in characters (code points), not bytes.
        let length = text.chars().count() as u64;
        if let Some(minimum) = keywords.get("minLength").and_then(Value::as_u64)
            && length < minimum
        {
            errors.push(format!("{path}: shorter than {minimum} characters"));
        }
        if let Some(maximum) = keywords.get("maxLength").and_then(Value::as_u64)
            && length > maximum
        {
            errors.push(format!("{path}: longer than {maximum} characters"));
        }
    }
    if let Value::Array(items) = value {
        if let Some(minimum) = keywords.get("minItems").and_then(Value::as_u64)
            && (items.len() as u64) < minimum
        {
            errors.push(format!("{path}: fewer than {minimum} items"));
        }
        if let Some(maximum) = keywords.get("maxItems").and_then(Value::as_u64)
            && (items.len() as u64) > maximum
        {
            errors.push(format!("{path}: more than {maximum} items"));
        }
        if let Some(item_schema) = keywords.get("items") {
            for (index, item) in items.iter().enumerate() {
                check(root, item_schema, item, &format!("{path}[{index}]"), errors);
            }
        }
    }
    if let Value::Object(fields) = value {
        if let Some(Value::Array(required)) = keywords.get("required") {
            for name in required.iter().filter_map(Value::as_str) {
                if !fields.contains_key(name) {
                    errors.push(format!("{path}: missing required key {name}"));
                }
            }
        }
        let properties = keywords.get("properties").and_then(Value::as_object);
        for (name, field) in fields {
            let field_path = format!("{path}.{name}");
            match properties.and_then(|properties| properties.get(name)) {
                Some(field_schema) => check(root, field_schema, field, &field_path, errors),
                None => match keywords.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        errors.push(format!("{path}: key {name} is not in the schema"));
                    }
                    Some(extra) if extra.is_object() => {
                        check(root, extra, field, &field_path, errors);
                    }
                    _ => {}
                },
            }
        }
    }
}

fn resolve<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    let pointer = reference.strip_prefix('#')?;
    root.pointer(pointer)
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|x| x.fract() == 0.0)
        }
        _ => false,
    }
}

/// JSON equality where 1 and 1.0 are the same number.
fn same(left: &Value, right: &Value) -> bool {
    match (left.as_f64(), right.as_f64()) {
        (Some(a), Some(b)) => a == b,
        _ => left == right,
    }
}
