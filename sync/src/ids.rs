//! Identifiers of campaigns, candidates (one per invite, also naming the submission), reviewers
//! and questions. Random ids are 80 bits written as 16 lowercase base32 characters, which are
//! safe in file names and short enough to type.

use std::fmt;
use std::str::FromStr;

/// Why a string is not a valid id.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IdError {
    #[error("an id cannot be empty")]
    Empty,
    #[error("id {0:?} is too long (at most 64 characters)")]
    TooLong(String),
    #[error("id {0:?} may only contain letters a-z, digits, '-' and '_'")]
    BadChar(String),
}

const ID_ALPHABET: data_encoding::Encoding = data_encoding::BASE32_NOPAD;

fn random_id() -> String {
    let mut bytes = [0u8; 10];
    // A failing OS random source leaves nothing sensible to do: ids must not collide.
    getrandom::fill(&mut bytes).expect("the operating system's random number source failed");
    ID_ALPHABET.encode(&bytes).to_ascii_lowercase()
}

fn validate(s: &str) -> Result<(), IdError> {
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    if s.len() > 64 {
        return Err(IdError::TooLong(s.to_owned()));
    }
    if !s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_') {
        return Err(IdError::BadChar(s.to_owned()));
    }
    Ok(())
}

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The id as a string slice (safe to use in file names).
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                validate(s)?;
                Ok(Self(s.to_owned()))
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                validate(&s)?;
                Ok(Self(s))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

string_id!(
    /// A campaign (one role's interview), chosen at random when it is created.
    CampaignId
);
string_id!(
    /// One invited candidate of one campaign; also the id of their submission and its reviews.
    CandidateId
);
string_id!(
    /// A reviewer (a colleague of the employer) of a campaign.
    ReviewerId
);
string_id!(
    /// Another employer-side node of a campaign (an office machine, a colleague's laptop) that
    /// holds a full replica and accepts candidates too.
    HubId
);
string_id!(
    /// A question within a campaign, chosen by the author (e.g. `intro`) or generated.
    QuestionId
);

impl CampaignId {
    pub fn random() -> Self {
        Self(random_id())
    }
}
impl CandidateId {
    pub fn random() -> Self {
        Self(random_id())
    }
}
impl ReviewerId {
    pub fn random() -> Self {
        Self(random_id())
    }
}
impl HubId {
    pub fn random() -> Self {
        Self(random_id())
    }
}

/// The id of one reviewer's scorecard of one submission: `<candidate>.<reviewer>`. The dot is
/// not in the ids' alphabet, so the two parts are recovered unambiguously (and the candidate's
/// scorecards are the ids starting with `<candidate>.`).
pub fn scorecard_id(candidate: &CandidateId, reviewer: &ReviewerId) -> String {
    format!("{candidate}.{reviewer}")
}

/// The candidate and reviewer a scorecard id names, if it is one.
pub fn parse_scorecard_id(id: &str) -> Option<(CandidateId, ReviewerId)> {
    let (candidate, reviewer) = id.split_once('.')?;
    Some((candidate.parse().ok()?, reviewer.parse().ok()?))
}

/// The practice question's fixed id; it never counts towards a submission.
pub const PRACTICE_QUESTION_ID: &str = "practice";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_are_valid_and_distinct() {
        let a = CampaignId::random();
        let b = CampaignId::random();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 16);
        assert_eq!(a.as_str().parse::<CampaignId>(), Ok(a));
    }

    #[test]
    fn rejects_unsafe_ids() {
        for (input, ok) in
            [("intro", true), ("q_1-b", true), ("", false), ("../etc", false), ("Intro", false), ("a b", false)]
        {
            assert_eq!(input.parse::<QuestionId>().is_ok(), ok, "{input:?}");
        }
        assert!(matches!("x".repeat(65).parse::<QuestionId>(), Err(IdError::TooLong(_))));
    }

    #[test]
    fn scorecard_ids_name_their_candidate_and_reviewer() {
        let (c, r) = (CandidateId::random(), ReviewerId::random());
        assert_eq!(parse_scorecard_id(&scorecard_id(&c, &r)), Some((c, r)));
        for bad in ["", "abc", "a.b.c", ".b", "a.", "../x.y", "A.b"] {
            assert_eq!(parse_scorecard_id(bad), None, "{bad:?}");
        }
    }
}
