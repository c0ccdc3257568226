//! A small reader for a plugin's untyped options that refuses unknown keys and wrong types
//! with messages naming the key.

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde_json::{Map, Value};

use crate::PluginError;

/// Reads options and remembers which keys were asked for, so [`Options::finish`] can reject
/// typos instead of silently ignoring them.
#[derive(Debug)]
pub struct Options<'a> {
    map: Option<&'a Map<String, Value>>,
    seen: RefCell<BTreeSet<&'static str>>,
}

impl<'a> Options<'a> {
    pub fn new(value: &'a Value) -> Result<Self, PluginError> {
        let map = match value {
            Value::Null => None,
            Value::Object(map) => Some(map),
            _ => return Err(PluginError::new("options must be a table")),
        };
        Ok(Self {
            map,
            seen: RefCell::new(BTreeSet::new()),
        })
    }

    fn get(&self, key: &'static str) -> Option<&'a Value> {
        self.seen.borrow_mut().insert(key);
        self.map.and_then(|m| m.get(key))
    }

    pub fn usize(&self, key: &'static str, default: usize) -> Result<usize, PluginError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v
                .as_u64()
                .map(|n| n as usize)
                .ok_or_else(|| PluginError::option(key, "expected a non-negative integer")),
        }
    }

    pub fn opt_usize(&self, key: &'static str) -> Result<Option<usize>, PluginError> {
        match self.get(key) {
            None => Ok(None),
            Some(_) => self.usize(key, 0).map(Some),
        }
    }

    pub fn f64(&self, key: &'static str, default: f64) -> Result<f64, PluginError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v
                .as_f64()
                .ok_or_else(|| PluginError::option(key, "expected a number")),
        }
    }

    pub fn bool(&self, key: &'static str, default: bool) -> Result<bool, PluginError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v
                .as_bool()
                .ok_or_else(|| PluginError::option(key, "expected true or false")),
        }
    }

    pub fn string(&self, key: &'static str) -> Result<Option<&'a str>, PluginError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_str()
                .map(Some)
                .ok_or_else(|| PluginError::option(key, "expected a string")),
        }
    }

    pub fn strings(&self, key: &'static str) -> Result<Vec<&'a str>, PluginError> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| {
                    v.as_str()
                        .ok_or_else(|| PluginError::option(key, "expected an array of strings"))
                })
                .collect(),
            Some(_) => Err(PluginError::option(key, "expected an array of strings")),
        }
    }

    /// The raw value of a key, for options with their own structure (tables, arrays of tables).
    pub fn value(&self, key: &'static str) -> Option<&'a Value> {
        self.get(key)
    }

    /// Fails on the first key that was never asked for.
    pub fn finish(self) -> Result<(), PluginError> {
        let Some(map) = self.map else { return Ok(()) };
        let seen = self.seen.borrow();
        match map.keys().find(|k| !seen.contains(k.as_str())) {
            None => Ok(()),
            Some(key) => {
                let known: Vec<&str> = seen.iter().copied().collect();
                Err(PluginError::option(
                    key,
                    format!("unknown option; expected one of: {}", known.join(", ")),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_defaults_and_values() {
        let v = json!({"points": 4, "bottom_line": false});
        let o = Options::new(&v).unwrap();
        assert_eq!(o.usize("points", 5).unwrap(), 4);
        assert!(!o.bool("bottom_line", true).unwrap());
        assert_eq!(o.usize("max_words", 120).unwrap(), 120);
        o.finish().unwrap();
    }

    #[test]
    fn unknown_key_is_named() {
        let v = json!({"pionts": 4});
        let o = Options::new(&v).unwrap();
        o.usize("points", 5).unwrap();
        let err = o.finish().unwrap_err();
        assert_eq!(err.option.as_deref(), Some("pionts"));
        assert!(err.message.contains("points"));
    }

    #[test]
    fn wrong_type_is_named() {
        let v = json!({"points": "five"});
        let o = Options::new(&v).unwrap();
        let err = o.usize("points", 5).unwrap_err();
        assert_eq!(err.option.as_deref(), Some("points"));
    }
}
