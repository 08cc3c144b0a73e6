//! The typed document model: Automerge documents read into plain Rust structs ("hydrate") and
//! changed through methods that touch only the fields they mean to ("reconcile" by hand), so that
//! concurrent edits from several replicas merge field by field.
//!
//! Every document's root holds `schema` (a version number) and `kind` (what document it is).

mod campaign;
mod contact;
mod fields;
pub mod messages;
mod reviews;
mod roster;
mod scorecard;
mod shape;
mod submission;

pub use campaign::{AnswerKind, Campaign, CampaignDoc, Question};
pub use contact::{Contact, ContactDoc};
pub use messages::{Body as MessageBody, Message, RequestKind, Side};
pub use reviews::{Review, ReviewComment, ReviewDecision, Reviews, ReviewsDoc, Verdict};
pub use roster::{Candidate, Deletion, DeletionReason, Hub, InviteState, Reviewer, Roster, RosterDoc};
pub use scorecard::{Scorecard, ScorecardDoc};
pub use shape::{ShapeError, check_shape};
pub use submission::{
    Answer, EventKind, MediaKind, Overrides, StatusEvent, Submission, SubmissionDoc, SubmissionState, Take, TextAnswer,
    Upload,
};

/// A document type read whole into its plain data: `from_automerge`, then `read`.
pub trait ReadAs {
    type Data;
    fn read_from(doc: &automerge::AutoCommit) -> Result<Self::Data, DocError>;
}

macro_rules! read_as {
    ($($doc:ty => $data:ty),* $(,)?) => {$(
        impl ReadAs for $doc {
            type Data = $data;
            fn read_from(doc: &automerge::AutoCommit) -> Result<$data, DocError> {
                <$doc>::from_automerge(doc.clone())?.read()
            }
        }
    )*};
}

read_as!(
    CampaignDoc => Campaign,
    ContactDoc => Contact,
    ReviewsDoc => Reviews,
    RosterDoc => Roster,
    ScorecardDoc => Scorecard,
    SubmissionDoc => Submission,
);

/// Read `doc` (a copy of it) as a `T` document.
pub fn read_as<T: ReadAs>(doc: &automerge::AutoCommit) -> Result<T::Data, DocError> {
    T::read_from(doc)
}

/// The schema version this build writes and the newest it can read.
pub const SCHEMA_VERSION: u64 = 1;

/// Why a document could not be read as what it claims to be.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error("not a Peerview {expected} document (its kind is {found:?})")]
    WrongKind { expected: &'static str, found: String },
    #[error(
        "the document uses schema version {found}, newer than this Peerview understands ({supported}); update Peerview"
    )]
    NewerSchema { found: u64, supported: u64 },
    #[error("field `{path}` is missing")]
    Missing { path: String },
    #[error("field `{path}` should be {expected}")]
    WrongType { path: String, expected: &'static str },
    #[error("field `{path}` is invalid: {reason}")]
    Invalid { path: String, reason: String },
    #[error("{0} not found in the document")]
    NotFound(String),
    #[error("automerge: {0}")]
    Automerge(Box<automerge::AutomergeError>),
}

impl From<automerge::AutomergeError> for DocError {
    fn from(e: automerge::AutomergeError) -> Self {
        DocError::Automerge(Box::new(e))
    }
}
