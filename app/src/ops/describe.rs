//! The sync crate's states, verdicts, events, reasons and refusals as people read them, in the
//! current language. The sync crate speaks no language but English (its `Display` is for logs
//! and for the wire); what the command line and the app show goes through here.

use peerview_sync::client::ClientError;
use peerview_sync::doc::messages::MessageRefusal;
use peerview_sync::doc::{DeletionReason, EventKind, InviteState, Verdict};
use peerview_sync::ticket::TicketError;
use peerview_sync::{SubmissionState, Timestamp};

use crate::{fmt, tr};

/// `advance`, `hold`, `reject`.
pub fn verdict(v: Verdict) -> String {
    match v {
        Verdict::Advance => tr!("ops-verdict-advance"),
        Verdict::Hold => tr!("ops-verdict-hold"),
        Verdict::Reject => tr!("ops-verdict-reject"),
    }
}

/// `not started`, `in progress`, ..., `decided: advance`.
pub fn submission_state(s: SubmissionState) -> String {
    match s {
        SubmissionState::NotStarted => tr!("ops-state-not-started"),
        SubmissionState::Recorded => tr!("ops-state-in-progress"),
        SubmissionState::Submitted => tr!("ops-state-submitted"),
        SubmissionState::Received => tr!("ops-state-received"),
        SubmissionState::Viewed => tr!("ops-state-viewed"),
        SubmissionState::Decided(v) => tr!("ops-state-decided", verdict = verdict(v)),
        SubmissionState::Withdrawn => tr!("ops-state-withdrawn"),
        SubmissionState::Deleted => tr!("ops-state-deleted"),
    }
}

/// `invited`, `joined`, `revoked`, `deleted`.
pub fn invite_state(s: InviteState) -> String {
    match s {
        InviteState::Invited => tr!("ops-invite-invited"),
        InviteState::Joined => tr!("ops-invite-joined"),
        InviteState::Revoked => tr!("ops-invite-revoked"),
        InviteState::Deleted => tr!("ops-invite-deleted"),
    }
}

/// Why a submission went: `deleted by the employer`, ...
pub fn deletion_reason(r: DeletionReason) -> String {
    match r {
        DeletionReason::Employer => tr!("ops-deletion-by-employer"),
        DeletionReason::Withdrawn => tr!("ops-deletion-withdrawn"),
        DeletionReason::Retention => tr!("ops-deletion-retention"),
    }
}

/// A submission's event as a line of its timeline: `answered intro`, `decision: advance — ...`.
pub fn event(kind: &EventKind) -> String {
    match kind {
        EventKind::Recorded { question } => tr!("ops-event-answered", question = question.as_str()),
        EventKind::Submitted => tr!("ops-event-submitted"),
        EventKind::Received => tr!("ops-event-received"),
        EventKind::Viewed => tr!("ops-event-viewed"),
        EventKind::Decision { verdict: v, message: None } => tr!("ops-event-decision", verdict = verdict(*v)),
        EventKind::Decision { verdict: v, message: Some(m) } => {
            tr!("ops-event-decision-message", verdict = verdict(*v), message = m.as_str())
        }
        EventKind::WithdrawalRequested => tr!("ops-event-withdrawal-requested"),
        EventKind::Deleted { reason } => tr!("ops-event-deleted", reason = deletion_reason(*reason)),
    }
}

/// The employer side deleted the submission (a candidate's receipt).
pub fn deleted_on(reason: DeletionReason, at: Timestamp) -> String {
    tr!("ops-deleted-on", reason = deletion_reason(reason), date = fmt::date_time(at))
}

/// Why an exchange with the employer side failed. Details the network layer gives stay as it
/// gives them.
pub fn client_error(e: &ClientError) -> String {
    match e {
        ClientError::Unreachable(detail) => tr!("ops-client-unreachable", detail = detail.as_str()),
        ClientError::Refused(reason) => tr!("ops-client-refused", reason = reason.as_str()),
        ClientError::Wire(e) => tr!("ops-client-wire", error = e.to_string()),
        ClientError::Store(e) => e.to_string(),
        ClientError::Interrupted(detail) => tr!("ops-client-interrupted", detail = detail.as_str()),
        ClientError::Busy => tr!("ops-client-busy"),
        ClientError::Deleted(d) => deleted_on(d.reason, d.at),
    }
}

/// Why a ticket cannot be read.
pub fn ticket_error(e: &TicketError) -> String {
    match e {
        TicketError::NotATicket => tr!("ops-ticket-not-a-ticket"),
        TicketError::BadCharacters => tr!("ops-ticket-bad-characters"),
        TicketError::Damaged => tr!("ops-ticket-damaged"),
        TicketError::Unsupported => tr!("ops-ticket-unsupported"),
    }
}

/// Why a message cannot be sent.
pub fn message_refusal(r: &MessageRefusal) -> String {
    use peerview_sync::doc::messages::{
        MAX_CANDIDATE_MESSAGES, MAX_CANDIDATE_MESSAGES_PER_DAY, MAX_EXTENSION_DAYS, MAX_EXTRA_TAKES,
        MAX_EXTRA_TIME_PERCENT, MAX_MESSAGE_CHARS,
    };
    match r {
        MessageRefusal::TooLong { chars } => tr!("ops-message-too-long", max = MAX_MESSAGE_CHARS, chars = *chars),
        MessageRefusal::Empty => tr!("ops-message-empty"),
        MessageRefusal::ExtensionOutOfRange => tr!("ops-message-extension-range", max = MAX_EXTENSION_DAYS),
        MessageRefusal::AccommodationOutOfRange => {
            tr!("ops-message-accommodation-range", percent = MAX_EXTRA_TIME_PERCENT, takes = MAX_EXTRA_TAKES)
        }
        MessageRefusal::AllSent => tr!("ops-message-all-sent", max = MAX_CANDIDATE_MESSAGES),
        MessageRefusal::DayBudgetSpent => tr!("ops-message-day-budget", max = MAX_CANDIDATE_MESSAGES_PER_DAY),
        // Refusals of messages this app never writes (a forged or broken one).
        MessageRefusal::BadId
        | MessageRefusal::AuthorTooLong
        | MessageRefusal::OutcomeFromCandidate
        | MessageRefusal::RequestFromEmployer => tr!("ops-message-malformed", reason = r.to_string()),
    }
}

/// A number for a message with one decimal, rounded (`2.5`, `2,5` in German): seconds, sizes.
pub fn one_decimal(x: f64) -> fluent_bundle::types::FluentNumber {
    use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
    let rounded = (x * 10.0).round() / 10.0;
    FluentNumber::new(rounded, FluentNumberOptions { minimum_fraction_digits: Some(1), ..Default::default() })
}
