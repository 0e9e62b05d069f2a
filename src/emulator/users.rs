//! Test users of the emulator, and the ids Alipay gives to different apps.

use sha2::{Digest, Sha256};

/// Which ids an app receives: apps created since 2023 get only `open_id`,
/// older apps only `user_id`, apps in migration both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdMode {
    #[default]
    #[value(name = "open_id")]
    OpenId,
    #[value(name = "user_id")]
    UserId,
    Both,
}

impl IdMode {
    pub fn label(self) -> &'static str {
        match self {
            IdMode::OpenId => "open_id",
            IdMode::UserId => "user_id",
            IdMode::Both => "both",
        }
    }

    pub fn user_id(self) -> bool {
        matches!(self, IdMode::UserId | IdMode::Both)
    }
    pub fn open_id(self) -> bool {
        matches!(self, IdMode::OpenId | IdMode::Both)
    }
}

/// A user who can log in on the consent page.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub user_id: &'static str,
    pub nick_name: &'static str,
    pub avatar: &'static str,
    pub gender: &'static str,
    pub province: &'static str,
    pub city: &'static str,
    pub is_certified: &'static str,
    pub user_type: &'static str,
}

/// The built-in users; the first is the default (and the one `--auto-approve`
/// and `auth_base` use).
pub fn default_users() -> Vec<TestUser> {
    vec![
        TestUser {
            user_id: "2088102104794936",
            nick_name: "沙箱用户",
            avatar: "https://tfs.alipayobjects.com/images/partner/T1.png",
            gender: "F",
            province: "浙江省",
            city: "杭州市",
            is_certified: "T",
            user_type: "2",
        },
        TestUser {
            user_id: "2088102177846880",
            nick_name: "Test Buyer",
            avatar: "https://tfs.alipayobjects.com/images/partner/T2.png",
            // The sandbox sends a lowercase gender; so does this user.
            gender: "m",
            province: "上海",
            city: "上海市",
            is_certified: "F",
            user_type: "2",
        },
        TestUser {
            user_id: "2088002012345678",
            nick_name: "O'Brien <&> \"quotes\"",
            avatar: "https://tfs.alipayobjects.com/images/partner/T3.png",
            gender: "",
            province: "",
            city: "",
            is_certified: "T",
            user_type: "1",
        },
    ]
}

const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn derived(prefix: &str, parts: &[&str], len: usize) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    let digest = h.finalize();
    let mut out = String::from(prefix);
    let mut i = 0;
    while out.len() < len {
        let b = digest[i % digest.len()] as usize + i / digest.len();
        out.push(ALNUM[b % ALNUM.len()] as char);
        i += 1;
    }
    out
}

/// The user's `open_id` for an app: stable, and different for every app.
pub fn open_id(app_id: &str, user: &TestUser) -> String {
    derived("074", &["open_id", app_id, user.user_id], 47)
}

/// The user's `union_id` within a group of apps.
pub fn union_id(group: &str, user: &TestUser) -> String {
    derived("0b", &["union_id", group, user.user_id], 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_ids_are_per_app_and_stable() {
        let u = &default_users()[0];
        let a = open_id("2021000000000001", u);
        assert_eq!(a, open_id("2021000000000001", u));
        assert_ne!(a, open_id("2021000000000002", u));
        assert_eq!(a.len(), 47);
        assert!(!a.starts_with("2088"));
    }
}
