//! Invite tickets: compact printable strings that carry the employer node(s) to dial, the
//! campaign, the invitee's id and a per-invite secret. The first use binds the secret to the
//! invitee's node; after that the node's key is what counts.
//!
//! Format: a prefix (`pvinvite1` for candidates, `pvreview1` for reviewers, `pvhub1` for another
//! employer-side node), then lowercase
//! base32 of `postcard(TicketBody) ‖ BLAKE3(prefix ‖ body)[..4]`. The checksum turns a typo or a
//! truncated copy into a clear error instead of a wrong invite.
//!
//! A ticket also travels as a link, `peerview:join/<ticket>`, which opens Peerview on the
//! invite (the packages register the `peerview:` scheme). Wherever a ticket is read, its link
//! is read too.

use std::fmt;
use std::net::SocketAddr;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ids::{CampaignId, CandidateId, HubId, ReviewerId};

const CANDIDATE_PREFIX: &str = "pvinvite1";
const REVIEWER_PREFIX: &str = "pvreview1";
const HUB_PREFIX: &str = "pvhub1";
/// The link form: `peerview:join/<ticket>`.
pub const LINK_PREFIX: &str = "peerview:join/";
/// What some programs make of a link they pass on (`scheme://` instead of `scheme:`).
const LINK_PREFIX_SLASHES: &str = "peerview://join/";
const CHECKSUM_LEN: usize = 4;
const ENCODING: data_encoding::Encoding = data_encoding::BASE32_NOPAD;

/// Who a ticket invites.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Invitee {
    Candidate(CandidateId),
    Reviewer(ReviewerId),
    /// Another employer-side node: a full replica that also accepts candidates.
    Hub(HubId),
}

impl Invitee {
    /// The invitee's id as a string.
    pub fn id(&self) -> &str {
        match self {
            Invitee::Candidate(id) => id.as_str(),
            Invitee::Reviewer(id) => id.as_str(),
            Invitee::Hub(id) => id.as_str(),
        }
    }
}

/// One employer-side node and how to reach it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketNode {
    /// The node's endpoint id (its public key).
    pub endpoint_id: [u8; 32],
    /// Direct addresses (LAN or public).
    pub addrs: Vec<SocketAddr>,
    /// A relay through which the node is reachable, if relays are in use.
    pub relay_url: Option<String>,
}

/// A decoded invite ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub campaign: CampaignId,
    pub invitee: Invitee,
    /// Proves the right to claim the invite the first time.
    pub secret: [u8; 16],
    /// Employer-side nodes; any reachable one will do.
    pub nodes: Vec<TicketNode>,
}

/// Why a string is not a usable ticket. Messages are written for the person who pasted it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TicketError {
    #[error(
        "this is not a Peerview invite ticket (it should start with \"{CANDIDATE_PREFIX}\", \"{REVIEWER_PREFIX}\" or \"{HUB_PREFIX}\", or be a link \"{LINK_PREFIX}...\")"
    )]
    NotATicket,
    #[error("the ticket contains characters that cannot be part of a ticket; copy it again, completely")]
    BadCharacters,
    #[error("the ticket is damaged or incomplete (its checksum does not match); copy it again, completely")]
    Damaged,
    #[error("the ticket is from a newer version of Peerview; update Peerview to use it")]
    Unsupported,
}

impl Ticket {
    /// A new random secret for an invite.
    pub fn new_secret() -> [u8; 16] {
        let mut secret = [0u8; 16];
        getrandom::fill(&mut secret).expect("the operating system's random number source failed");
        secret
    }

    /// How the employer side stores the secret: only its hash, hex.
    pub fn secret_hash(secret: &[u8; 16]) -> String {
        blake3::hash(secret).to_hex().to_string()
    }

    fn prefix(&self) -> &'static str {
        match self.invitee {
            Invitee::Candidate(_) => CANDIDATE_PREFIX,
            Invitee::Reviewer(_) => REVIEWER_PREFIX,
            Invitee::Hub(_) => HUB_PREFIX,
        }
    }

    pub fn encode(&self) -> String {
        let prefix = self.prefix();
        let mut bytes = postcard::to_stdvec(self).expect("serialising a ticket into memory cannot fail");
        let checksum = checksum(prefix, &bytes);
        bytes.extend_from_slice(&checksum);
        format!("{prefix}{}", ENCODING.encode(&bytes).to_ascii_lowercase())
    }

    /// The ticket as a link that opens Peerview on it: `peerview:join/<ticket>`.
    pub fn link(&self) -> String {
        format!("{LINK_PREFIX}{}", self.encode())
    }

    /// Read a ticket, plain or as a link (`peerview:join/<ticket>`).
    pub fn decode(text: &str) -> Result<Self, TicketError> {
        // People paste tickets with line breaks, spaces or surrounding quotes; mail programs
        // put links in angle brackets, and some browsers add a slash to a link they hand on.
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '<' | '>'))
            .collect::<String>()
            .to_ascii_lowercase();
        let cleaned = [LINK_PREFIX, LINK_PREFIX_SLASHES]
            .iter()
            .find_map(|link| cleaned.strip_prefix(link))
            .map_or(cleaned.as_str(), |ticket| ticket.strip_suffix('/').unwrap_or(ticket));
        let (prefix, rest) = [CANDIDATE_PREFIX, REVIEWER_PREFIX, HUB_PREFIX]
            .iter()
            .find_map(|p| cleaned.strip_prefix(p).map(|rest| (*p, rest)))
            .ok_or(TicketError::NotATicket)?;
        let bytes = ENCODING.decode(rest.to_ascii_uppercase().as_bytes()).map_err(|e| match e.kind {
            data_encoding::DecodeKind::Symbol => TicketError::BadCharacters,
            _ => TicketError::Damaged,
        })?;
        if bytes.len() <= CHECKSUM_LEN {
            return Err(TicketError::Damaged);
        }
        let (body, sum) = bytes.split_at(bytes.len() - CHECKSUM_LEN);
        if checksum(prefix, body) != sum {
            return Err(TicketError::Damaged);
        }
        let ticket: Ticket = postcard::from_bytes(body).map_err(|_| TicketError::Unsupported)?;
        if ticket.prefix() != prefix || ticket.nodes.is_empty() {
            return Err(TicketError::Damaged);
        }
        Ok(ticket)
    }
}

fn checksum(prefix: &str, body: &[u8]) -> [u8; CHECKSUM_LEN] {
    let mut hasher = blake3::Hasher::new();
    hasher.update(prefix.as_bytes());
    hasher.update(body);
    let mut out = [0u8; CHECKSUM_LEN];
    out.copy_from_slice(&hasher.finalize().as_bytes()[..CHECKSUM_LEN]);
    out
}

impl fmt::Display for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

impl FromStr for Ticket {
    type Err = TicketError;
    fn from_str(s: &str) -> Result<Self, TicketError> {
        Ticket::decode(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(invitee: Invitee) -> Ticket {
        Ticket {
            campaign: CampaignId::random(),
            invitee,
            secret: Ticket::new_secret(),
            nodes: vec![TicketNode {
                endpoint_id: [7; 32],
                addrs: vec!["192.0.2.10:47100".parse().expect("addr"), "[2001:db8::1]:47100".parse().expect("addr")],
                relay_url: Some("https://relay.example.org./".into()),
            }],
        }
    }

    #[test]
    fn round_trips_and_tolerates_pasting_noise() {
        for t in [
            sample(Invitee::Candidate(CandidateId::random())),
            sample(Invitee::Reviewer(ReviewerId::random())),
            sample(Invitee::Hub(HubId::random())),
        ] {
            let s = t.encode();
            assert!(s.len() < 260, "compact: {} chars", s.len());
            assert_eq!(Ticket::decode(&s), Ok(t.clone()));
            let noisy = format!("  \"{}\n{}\"  ", &s[..40], s[40..].to_ascii_uppercase());
            assert_eq!(Ticket::decode(&noisy), Ok(t));
        }
    }

    #[test]
    fn a_link_reads_as_its_ticket() {
        let t = sample(Invitee::Candidate(CandidateId::random()));
        let s = t.encode();
        assert_eq!(t.link(), format!("peerview:join/{s}"));
        for link in [
            t.link(),
            format!("PEERVIEW:JOIN/{}", s.to_ascii_uppercase()),
            format!("peerview://join/{s}"),
            format!("peerview:join/{s}/"),
            format!("<peerview:join/{s}>"),
            format!("  \"peerview:join/{}\n{}\"  ", &s[..40], &s[40..]),
        ] {
            assert_eq!(Ticket::decode(&link), Ok(t.clone()), "{link}");
        }
        // A link is no excuse for a damaged ticket, and only the join link is a ticket.
        assert_eq!(Ticket::decode(&format!("peerview:join/{}", &s[..s.len() - 1])), Err(TicketError::Damaged));
        assert_eq!(Ticket::decode("peerview:join/"), Err(TicketError::NotATicket));
        assert_eq!(Ticket::decode(&format!("peerview:open/{s}")), Err(TicketError::NotATicket));
        assert_eq!(Ticket::decode(&format!("https://example.org/join/{s}")), Err(TicketError::NotATicket));
    }

    #[test]
    fn every_truncation_and_every_single_character_change_is_rejected() {
        let s = sample(Invitee::Candidate(CandidateId::random())).encode();
        for len in 0..s.len() {
            assert!(Ticket::decode(&s[..len]).is_err(), "truncated to {len}");
        }
        let alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        for i in CANDIDATE_PREFIX.len()..s.len() {
            for c in alphabet.chars().filter(|c| Some(*c) != s.chars().nth(i)).take(3) {
                let mut changed = s.clone();
                changed.replace_range(i..=i, &c.to_string());
                assert!(Ticket::decode(&changed).is_err(), "changed char {i} to {c}");
            }
        }
    }

    #[test]
    fn clear_errors() {
        assert_eq!(Ticket::decode("hello"), Err(TicketError::NotATicket));
        assert_eq!(Ticket::decode("pvinvite1abc!def"), Err(TicketError::BadCharacters));
        assert_eq!(Ticket::decode("pvinvite1aaaa"), Err(TicketError::Damaged));
        // A candidate body under the reviewer prefix: checksum covers the prefix.
        let s = sample(Invitee::Candidate(CandidateId::random())).encode();
        let swapped = s.replacen(CANDIDATE_PREFIX, REVIEWER_PREFIX, 1);
        assert_eq!(Ticket::decode(&swapped), Err(TicketError::Damaged));
    }
}
