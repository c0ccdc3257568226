//! Decoding what a plugin's `brief_plugin_call` answered: the JSON envelope, then its `ok`
//! half as the type the call expects.

use brief_core::PluginError;
use brief_core::abi::{self, WireResponse};
use serde::de::DeserializeOwned;

/// Decodes the response buffer of one `brief_plugin_call`: the JSON envelope, then its `ok`
/// half as `T` (a [`brief_core::SectionOutput`] or a [`brief_core::abi::Description`]). `status` is what the call
/// returned; `schema_version` is the schema the plugin says it speaks (empty before it has
/// described itself), named in schema-mismatch messages.
///
/// Public so the fuzz target in `tests/fuzz` can feed it arbitrary bytes without a library.
pub fn decode_plugin_response<T: DeserializeOwned>(
    bytes: &[u8],
    status: i32,
    schema_version: &str,
) -> Result<T, PluginError> {
    // brief promises one-line errors, but both the plugin's own error and serde's complaints
    // (which quote unknown variant and field names verbatim) can carry line breaks.
    decode_envelope(bytes, status, schema_version).map_err(|e| PluginError {
        message: one_line(&e.message),
        option: e.option.as_deref().map(one_line),
    })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_envelope<T: DeserializeOwned>(
    bytes: &[u8],
    status: i32,
    schema_version: &str,
) -> Result<T, PluginError> {
    let envelope: WireResponse<serde_json::Value> = serde_json::from_slice(bytes)
        .map_err(|e| PluginError::new(format!("returned invalid JSON (status {status}): {e}")))?;
    match (envelope.ok, envelope.error) {
        (_, Some(error)) => Err(PluginError {
            message: error.message,
            option: error.option,
        }),
        (Some(ok), None) if status == abi::STATUS_OK => {
            serde_path_to_error::deserialize(ok).map_err(|e| {
                PluginError::new(format!(
                    "returned JSON that does not match schema {} (it says it speaks {}): at `{}`: {}",
                    brief_core::SCHEMA_VERSION,
                    schema_version,
                    e.path(),
                    e.inner()
                ))
            })
        }
        _ => Err(PluginError::new(format!(
            "returned status {status} without an error message"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use brief_core::SectionOutput;
    use brief_core::abi::STATUS_OK;

    use super::*;

    #[test]
    fn unknown_variant_with_a_carriage_return_gives_a_one_line_error() {
        // Minimized from a plugin_response fuzz crash: serde quotes the unknown variant
        // verbatim, so the `\r` reached brief's error output.
        let body = br#"{"ok":{"items":[],"diagnostics":[{"level":"w\rning","message":"m"}]}}"#;
        let err = decode_plugin_response::<SectionOutput>(body, STATUS_OK, "1.0").unwrap_err();
        assert!(!err.message.contains(['\n', '\r']), "{:?}", err.message);
        assert!(
            err.message.contains("unknown variant `w ning`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_plugin_error_message_with_line_breaks_is_flattened() {
        let body = br#"{"error":{"message":"first\nsecond\r\nthird","option":"a\nb"}}"#;
        let err = decode_plugin_response::<SectionOutput>(body, 1, "1.0").unwrap_err();
        assert_eq!(err.message, "first second third");
        assert_eq!(err.option.as_deref(), Some("a b"));
    }
}
