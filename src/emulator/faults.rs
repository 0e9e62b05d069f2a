//! Fault injection: the next N gateway responses fail in a chosen way, so
//! that clients can be tested against what the network and Alipay do.

use std::collections::VecDeque;
use std::fmt;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::Duration;

/// One way for a response to go wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answer with this Alipay error instead of processing the call.
    Error { sub_code: String },
    /// Process the call, then wait before answering.
    Delay(Duration),
    /// Process the call, then change one byte of the signed content.
    Tamper,
    /// Process the call, then sign the answer with a key that is not Alipay's.
    WrongKey,
    /// Process the call, then leave the signature out.
    Unsigned,
    /// Answer with this HTTP status (5xx) and a text body, without processing.
    Http(u16),
    /// Process the call, then cut the body off halfway and close the connection.
    Truncate,
    /// Certificate mode: name another Alipay certificate SN in the answer.
    WrongCertSn,
}

/// A fault and how many responses it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultSpec {
    pub fault: Fault,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid fault {spec:?}: {why}")]
pub struct FaultError {
    spec: String,
    why: &'static str,
}

/// The longest injected delay (ten minutes).
const MAX_DELAY_MS: u64 = 600_000;

/// The most responses one fault applies to.
pub const MAX_COUNT: u32 = 100_000;

pub const FAULT_SYNTAX: &str = "error:SUB_CODE, delay:MILLIS, tamper, wrong-key, unsigned, http:STATUS, truncate or wrong-cert-sn, optionally followed by /COUNT";

impl FromStr for FaultSpec {
    type Err = FaultError;

    /// `KIND[:ARG][/COUNT]`, e.g. `error:isv.code-invalid`, `delay:5000/2`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = |why| FaultError {
            spec: s.to_string(),
            why,
        };
        let (body, count) = match s.rsplit_once('/') {
            Some((b, c)) => (
                b,
                c.parse::<u32>()
                    .map_err(|_| bad("COUNT must be a whole number"))?,
            ),
            None => (s, 1),
        };
        let (kind, arg) = match body.split_once(':') {
            Some((k, a)) => (k, Some(a)),
            None => (body, None),
        };
        let fault = match (kind, arg) {
            ("error", Some(code)) if !code.is_empty() => Fault::Error {
                sub_code: code.to_string(),
            },
            ("delay", Some(ms)) => {
                let ms: u64 = ms.parse().map_err(|_| bad("delay takes milliseconds"))?;
                if ms > MAX_DELAY_MS {
                    return Err(bad("a delay is at most 600000 ms"));
                }
                Fault::Delay(Duration::from_millis(ms))
            }
            ("tamper", None) => Fault::Tamper,
            ("wrong-key", None) => Fault::WrongKey,
            ("unsigned", None) => Fault::Unsigned,
            ("http", Some(status)) => {
                let status: u16 = status
                    .parse()
                    .map_err(|_| bad("http takes a status code"))?;
                if !(400..=599).contains(&status) {
                    return Err(bad("the HTTP status must be 400 to 599"));
                }
                Fault::Http(status)
            }
            ("truncate", None) => Fault::Truncate,
            ("wrong-cert-sn", None) => Fault::WrongCertSn,
            _ => return Err(bad(FAULT_SYNTAX)),
        };
        if count == 0 || count > MAX_COUNT {
            return Err(bad("COUNT must be 1 to 100000"));
        }
        Ok(FaultSpec { fault, count })
    }
}

impl fmt::Display for FaultSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.fault {
            Fault::Error { sub_code } => write!(f, "error:{sub_code}")?,
            Fault::Delay(d) => write!(f, "delay:{}", d.as_millis())?,
            Fault::Tamper => f.write_str("tamper")?,
            Fault::WrongKey => f.write_str("wrong-key")?,
            Fault::Unsigned => f.write_str("unsigned")?,
            Fault::Http(s) => write!(f, "http:{s}")?,
            Fault::Truncate => f.write_str("truncate")?,
            Fault::WrongCertSn => f.write_str("wrong-cert-sn")?,
        }
        write!(f, "/{}", self.count)
    }
}

/// The queue of pending faults; each gateway response takes at most one.
#[derive(Debug, Default)]
pub struct FaultQueue(Mutex<VecDeque<FaultSpec>>);

impl FaultQueue {
    pub fn push(&self, spec: FaultSpec) -> usize {
        let mut q = self.0.lock().unwrap_or_else(|e| e.into_inner());
        q.push_back(spec);
        q.iter().map(|f| f.count as usize).sum()
    }

    pub fn clear(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// The fault for the next response, if any.
    pub fn take(&self) -> Option<Fault> {
        let mut q = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let front = q.front_mut()?;
        let fault = front.fault.clone();
        front.count -= 1;
        if front.count == 0 {
            q.pop_front();
        }
        Some(fault)
    }

    pub fn pending(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(ToString::to_string)
            .collect()
    }
}

/// The error code Alipay uses with a sub_code.
pub fn code_for(sub_code: &str) -> (&'static str, &'static str) {
    match sub_code {
        s if s.starts_with("isp.") || s == "aop.unknow-error" => {
            ("20000", "Service Currently Unavailable")
        }
        s if s.starts_with("aop.") => ("20001", "Insufficient Token Permissions"),
        s if s.starts_with("isv.missing-") => ("40001", "Missing Required Arguments"),
        "isv.app-call-limited" | "isv.method-call-limited" => ("40005", "Call Limited"),
        s if s.starts_with("isv.insufficient-") => ("40006", "Insufficient Permissions"),
        s if s.starts_with("isv.") => ("40002", "Invalid Arguments"),
        _ => ("40004", "Business Failed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_counts() {
        let f: FaultSpec = "delay:1500/2".parse().unwrap();
        assert_eq!(f.fault, Fault::Delay(Duration::from_millis(1500)));
        let q = FaultQueue::default();
        assert_eq!(q.push(f), 2);
        q.push("error:isv.code-invalid".parse().unwrap());
        assert!(matches!(q.take(), Some(Fault::Delay(_))));
        assert!(matches!(q.take(), Some(Fault::Delay(_))));
        assert!(matches!(q.take(), Some(Fault::Error { .. })));
        assert_eq!(q.take(), None);
        for bad in [
            "error", "delay:x", "http:200", "tamper:1", "nope", "tamper/0",
        ] {
            assert!(bad.parse::<FaultSpec>().is_err(), "{bad}");
        }
        assert_eq!(code_for("isv.code-invalid").0, "40002");
        assert_eq!(code_for("aop.auth-token-time-out").0, "20001");
        assert_eq!(code_for("isv.missing-app-id").0, "40001");
    }
}
