//! The v2 form dialect (docs/protocol.md §3, §4) behind the [`Dialect`]
//! seam: every parameter, in the query or the form body, is signed by the
//! sorted `k=v&...` string, and the signature travels as the `sign` query
//! parameter rather than in a header. The answer's signature covers the
//! bytes of its `*_response` node, found by the request's `method`.

use super::{
    Answer, Carrier, Checked, Dialect, DialectError, Rejection, Request, SignatureStatus,
    SignedRequest,
};
use crate::sign::form::{self, FormError};
use crate::sign::key::{PrivateKey, PublicKey};
use crate::sign::response;
use crate::sign::{Charset, Params, SignError, SignType, sign_params};

/// The v2 form dialect of one app: its sign type and request charset.
#[derive(Debug, Clone, Copy)]
pub struct FormDialect {
    pub sign_type: SignType,
    pub charset: Charset,
}

impl FormDialect {
    /// Every parameter the request carries, query and body together.
    fn params(&self, request: &Request<'_>) -> Result<Params, DialectError> {
        let query = form::decode(request.query.unwrap_or("").as_bytes(), self.charset)?;
        let body = form::decode(request.body, self.charset)?;
        let mut params = Params::new();
        for (k, v) in query.into_iter().chain(body) {
            if params.contains(&k) {
                // Which of the two the gateway would keep is not ours to guess.
                return Err(DialectError::Unsignable {
                    field: "parameter",
                    value: k,
                    what: "a second value",
                });
            }
            params.set(k, v);
        }
        Ok(params)
    }
}

impl Dialect for FormDialect {
    fn name(&self) -> &'static str {
        "v2"
    }

    fn carrier(&self) -> Carrier {
        Carrier::QueryParam("sign")
    }

    fn sign_request(
        &self,
        request: &Request<'_>,
        key: &PrivateKey,
    ) -> Result<SignedRequest, DialectError> {
        let params = self.params(request)?;
        let signed =
            sign_params(&params, key, self.sign_type, self.charset).map_err(|e| match e {
                SignError::Key(k) => DialectError::Key(k),
                SignError::Charset(c) => DialectError::Form(FormError::Charset(c)),
            })?;
        Ok(SignedRequest {
            content: signed.bytes,
            signature: signed.sign,
            headers: Vec::new(),
        })
    }

    fn check_answer(&self, request: &Request<'_>, answer: &Answer<'_>, key: &PublicKey) -> Checked {
        let method = self
            .params(request)
            .ok()
            .and_then(|p| p.get("method").map(str::to_string));
        let http_error = answer.status.is_some_and(|s| !(200..300).contains(&s));
        let refused = |r: Rejection| Checked {
            content: Vec::new(),
            status: SignatureStatus::Invalid(r),
            is_error: http_error,
            body: answer.body.to_vec(),
        };
        let checked = match response::check(
            answer.body,
            method.as_deref(),
            self.charset,
            self.sign_type,
            key,
        ) {
            Ok(c) => c,
            Err(e) => return refused(Rejection::Unparsable(e.to_string())),
        };
        // The node is what v2 signs and what a caller uses.
        let node = match checked.extracted.content_text() {
            Ok(text) => text,
            Err(e) => return refused(Rejection::Unparsable(e.to_string())),
        };
        let is_error = http_error
            || serde_json::from_str(&node)
                .is_ok_and(|v| response::is_error_node(&checked.extracted.node, &v));
        Checked {
            content: checked.extracted.content.clone(),
            status: match checked.status {
                response::SignatureStatus::Valid { .. } => SignatureStatus::Valid,
                response::SignatureStatus::Unsigned => SignatureStatus::Unsigned,
                response::SignatureStatus::Invalid(m) => {
                    SignatureStatus::Invalid(Rejection::Invalid(m))
                }
            },
            is_error,
            body: node.into_bytes(),
        }
    }
}

/// A gateway answer for tests: `node` under `node_key`, signed by `signer`
/// when given, as Alipay lays it out.
#[cfg(test)]
pub(crate) fn signed_answer(
    node_key: &str,
    node: &str,
    signer: Option<(&PrivateKey, SignType)>,
) -> Vec<u8> {
    let sign = signer
        .map(|(k, t)| {
            let s = crate::sign::algorithm::sign(k, t, node.as_bytes()).unwrap();
            format!(",\"sign\":\"{s}\"")
        })
        .unwrap_or_default();
    format!("{{\"{node_key}\":{node}{sign}}}").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::algorithm;
    use crate::sign::dialect::Verdict;

    const QUERY: &str = "app_id=2021&charset=utf-8&method=alipay.system.oauth.token&sign_type=RSA";
    const BODY: &[u8] = b"code=abc&grant_type=authorization_code";
    const NODE: &str = r#"{"user_id":"2088","access_token":"t"}"#;

    fn dialect() -> FormDialect {
        FormDialect {
            sign_type: SignType::Rsa,
            charset: Charset::Utf8,
        }
    }

    fn request() -> Request<'static> {
        Request {
            method: "POST",
            path: "/gateway.do",
            query: Some(QUERY),
            body: BODY,
        }
    }

    #[test]
    fn signs_query_and_body_together_into_the_sign_parameter() {
        let key = PrivateKey::generate(1024).unwrap();
        let d = dialect();
        assert_eq!(d.carrier(), Carrier::QueryParam("sign"));
        let signed = d.sign_request(&request(), &key).unwrap();
        assert!(signed.headers.is_empty());
        assert_eq!(
            String::from_utf8(signed.content.clone()).unwrap(),
            "app_id=2021&charset=utf-8&code=abc&grant_type=authorization_code&method=alipay.system.oauth.token&sign_type=RSA"
        );
        algorithm::verify(
            &key.public_key(),
            SignType::Rsa,
            &signed.content,
            &signed.signature,
        )
        .unwrap();
        // A parameter in both places is ambiguous.
        let twice = Request {
            body: b"app_id=2022",
            ..request()
        };
        assert!(matches!(
            d.sign_request(&twice, &key),
            Err(DialectError::Unsignable { .. })
        ));
    }

    fn answer_body(node_key: &str, node: &str, key: Option<&PrivateKey>) -> Vec<u8> {
        signed_answer(node_key, node, key.map(|k| (k, SignType::Rsa)))
    }

    fn verdict(body: &[u8], status: u16, key: &PublicKey) -> Verdict {
        let answer = Answer {
            status: Some(status),
            headers: &[],
            body,
        };
        dialect().check_answer(&request(), &answer, key).verdict()
    }

    #[test]
    fn checks_the_node_of_the_requested_method_fail_closed() {
        let alipay = PrivateKey::generate(1024).unwrap();
        let public = alipay.public_key();
        let ok_key = "alipay_system_oauth_token_response";
        match verdict(&answer_body(ok_key, NODE, Some(&alipay)), 200, &public) {
            Verdict::Trusted(v) => assert_eq!(v["user_id"], "2088"),
            other => panic!("{other:?}"),
        }
        let tampered = String::from_utf8(answer_body(ok_key, NODE, Some(&alipay)))
            .unwrap()
            .replace("2088", "2089");
        assert!(matches!(
            verdict(tampered.as_bytes(), 200, &public),
            Verdict::Rejected(Rejection::Invalid(_))
        ));
        assert_eq!(
            verdict(&answer_body(ok_key, NODE, None), 200, &public),
            Verdict::Rejected(Rejection::UnsignedSuccess)
        );
        let error = r#"{"code":"40002","msg":"Invalid Arguments"}"#;
        assert!(matches!(
            verdict(&answer_body("error_response", error, None), 200, &public),
            Verdict::UnsignedError(_)
        ));
        assert!(matches!(
            verdict(b"{\"alipay_system_oauth_token_resp", 200, &public),
            Verdict::Rejected(Rejection::Unparsable(_))
        ));
    }
}
