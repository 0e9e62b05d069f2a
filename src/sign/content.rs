//! Parameters and the v2 string to sign (docs/protocol.md §3.3 and §7).

use std::collections::BTreeMap;
use std::fmt;

/// Parameter names whose values are secrets and are masked in every trace.
pub const SECRET_PARAMS: &[&str] = &[
    "code",
    "auth_code",
    "refresh_token",
    "auth_token",
    "access_token",
    "app_auth_token",
    "sign",
];

/// True when a parameter of this name carries a secret.
pub fn is_secret_param(name: &str) -> bool {
    SECRET_PARAMS.contains(&name)
}

/// Which parameters a string to sign leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// Gateway requests and gateway messages: leave out only `sign`.
    V2,
    /// Payment notifications and return URLs: leave out `sign` and `sign_type`.
    V1,
}

impl Rule {
    fn excludes(self, name: &str) -> bool {
        match self {
            Rule::V2 => name == "sign",
            Rule::V1 => name == "sign" || name == "sign_type",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Rule::V1 => "v1",
            Rule::V2 => "v2",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamsError {
    #[error("parameter {0:?} is given more than once")]
    Duplicate(String),
    #[error("parameter name is empty")]
    EmptyName,
}

/// Parameters sorted by name in byte order, the order of the string to sign.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Params(BTreeMap<String, String>);

impl Params {
    pub fn new() -> Self {
        Params::default()
    }

    /// Builds parameters from pairs; a name given twice is an error rather
    /// than a silent overwrite, since it would sign something unintended.
    pub fn from_pairs<I, K, V>(pairs: I) -> Result<Params, ParamsError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let mut params = Params::new();
        for (k, v) in pairs {
            let k = k.into();
            if k.is_empty() {
                return Err(ParamsError::EmptyName);
            }
            if params.0.contains_key(&k) {
                return Err(ParamsError::Duplicate(k));
            }
            params.0.insert(k, v.into());
        }
        Ok(params)
    }

    /// Sets a parameter, replacing any earlier value.
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.insert(name.into(), value.into());
    }

    pub fn remove(&mut self, name: &str) -> Option<String> {
        self.0.remove(name)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The string to sign: every parameter but those the rule leaves out and
    /// those with an empty value, sorted by name, joined as raw `k=v` with `&`.
    pub fn sign_content(&self, rule: Rule) -> String {
        let mut out = String::new();
        for (k, v) in &self.0 {
            if v.is_empty() || rule.excludes(k) {
                continue;
            }
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(k);
            out.push('=');
            out.push_str(v);
        }
        out
    }

    /// A copy with secret values masked, for traces and error messages.
    pub fn masked(&self) -> BTreeMap<String, String> {
        self.0
            .iter()
            .map(|(k, v)| {
                let shown = if is_secret_param(k) {
                    crate::secret::mask(v)
                } else {
                    v.clone()
                };
                (k.clone(), shown)
            })
            .collect()
    }
}

/// Why a JSON document is not a parameter object.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonParamsError {
    #[error("not valid JSON: {0}")]
    Syntax(String),
    #[error("not a JSON object")]
    NotObject,
}

/// The members of a JSON object as parameters, in document order and with
/// duplicates kept (a `serde_json::Map` would silently keep the last), so
/// that [`Params::from_pairs`] refuses them as it does for forms. Strings
/// are taken as they are, `null` as empty, anything else as compact JSON
/// text (how `biz_content` objects are sent).
pub fn json_param_pairs(input: &[u8]) -> Result<Vec<(String, String)>, JsonParamsError> {
    use serde::de::{Deserializer, MapAccess, Visitor};

    struct Members(Vec<(String, String)>);
    struct MembersVisitor;
    impl<'de> Visitor<'de> for MembersVisitor {
        type Value = Members;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = map.next_entry::<String, serde_json::Value>()? {
                let v = match v {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                };
                out.push((k, v));
            }
            Ok(Members(out))
        }
    }
    let mut de = serde_json::Deserializer::from_slice(input);
    match de
        .deserialize_map(MembersVisitor)
        .and_then(|m| de.end().map(|()| m))
    {
        Ok(Members(pairs)) => Ok(pairs),
        // Valid JSON of another type gets the plainer message.
        Err(_) if serde_json::from_slice::<serde::de::IgnoredAny>(input).is_ok() => {
            Err(JsonParamsError::NotObject)
        }
        Err(e) => Err(JsonParamsError::Syntax(e.to_string())),
    }
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.masked()).finish()
    }
}

impl<'a> IntoIterator for &'a Params {
    type Item = (&'a String, &'a String);
    type IntoIter = std::collections::btree_map::Iter<'a, String, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_byte_order_skips_empty_and_sign() {
        let p = Params::from_pairs([
            ("sign", "xxx"),
            ("b", "2"),
            ("B", "upper sorts first"),
            ("a_b", "1"),
            ("a", "raw & = %20 {\"json\":1}"),
            ("empty", ""),
            ("sign_type", "RSA2"),
        ])
        .unwrap();
        assert_eq!(
            p.sign_content(Rule::V2),
            "B=upper sorts first&a=raw & = %20 {\"json\":1}&a_b=1&b=2&sign_type=RSA2"
        );
        assert_eq!(
            p.sign_content(Rule::V1),
            "B=upper sorts first&a=raw & = %20 {\"json\":1}&a_b=1&b=2"
        );
    }

    #[test]
    fn duplicates_are_refused_and_secrets_masked_in_debug() {
        assert_eq!(
            Params::from_pairs([("a", "1"), ("a", "2")]),
            Err(ParamsError::Duplicate("a".into()))
        );
        let p =
            Params::from_pairs([("code", "4b203fe6c11548bcabd8da5bb087a83b"), ("x", "y")]).unwrap();
        let shown = format!("{p:?}");
        assert!(
            !shown.contains("4b203fe6c11548bcabd8da5bb087a83b"),
            "{shown}"
        );
        assert!(shown.contains("\"x\": \"y\""));
    }

    #[test]
    fn json_objects_keep_duplicates_for_refusal() {
        let pairs = json_param_pairs(br#"{"b":"1","a":{"x":1},"n":null,"b":"2"}"#).unwrap();
        assert_eq!(
            pairs,
            vec![
                ("b".to_string(), "1".to_string()),
                ("a".into(), "{\"x\":1}".into()),
                ("n".into(), String::new()),
                ("b".into(), "2".into())
            ]
        );
        assert_eq!(
            Params::from_pairs(pairs),
            Err(ParamsError::Duplicate("b".into()))
        );
        assert_eq!(json_param_pairs(b"[1]"), Err(JsonParamsError::NotObject));
        assert!(matches!(
            json_param_pairs(b"{\"a\":"),
            Err(JsonParamsError::Syntax(_))
        ));
        assert!(matches!(
            json_param_pairs(b"{} x"),
            Err(JsonParamsError::Syntax(_))
        ));
    }
}
