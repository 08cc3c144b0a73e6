//! Peerview's shared state: typed Automerge documents (campaign, roster, submission, reviews),
//! the local on-disk store, and (later) the peer-to-peer protocols that move them.
//!
//! This crate knows nothing of egui, of media codecs, or of where a user's data directory is:
//! the caller passes paths in.

pub mod audit;
pub mod auth;
pub mod budget;
pub mod client;
pub mod delivered;
pub mod doc;
pub mod employer;
pub mod fsutil;
pub mod ids;
pub mod index;
pub mod legacy;
pub mod lifecycle;
pub mod memory;
pub mod node;
mod parallel;
pub mod protocol;
pub mod store;
pub mod ticket;
pub mod time;
mod typed;
mod whole;

pub use doc::{
    Answer, AnswerKind, Campaign, CampaignDoc, Candidate, Contact, ContactDoc, Deletion, DeletionReason, DocError,
    EventKind, InviteState, MediaKind, Overrides, Question, Review, ReviewComment, ReviewDecision, Reviewer, Reviews,
    ReviewsDoc, Roster, RosterDoc, Scorecard, ScorecardDoc, StatusEvent, Submission, SubmissionDoc, SubmissionState,
    Take, TextAnswer, Verdict,
};
pub use ids::{CampaignId, CandidateId, HubId, IdError, QuestionId, ReviewerId, parse_scorecard_id, scorecard_id};
pub use store::{DocKind, Store, StoreError, StoreProblem, StoredDoc};
pub use time::{Clock, ManualClock, SystemClock, Timestamp};
