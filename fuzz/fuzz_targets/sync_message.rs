//! What the employer does with a frame from a candidate: decode the protocol frame, decode each
//! Automerge sync message, apply it to a copy of the candidate's submission, read the result and
//! run the candidate rules on it. Arbitrary bytes must end in a value or an error, never a
//! panic. (The real document is only ever cloned, as the employer does.)
#![no_main]

use std::sync::OnceLock;

use automerge::sync::{Message, State, SyncDoc};
use libfuzzer_sys::fuzz_target;
use peerview_sync::auth::{Quota, check_candidate_submission};
use peerview_sync::doc::{AnswerKind, Campaign, Question, SubmissionDoc};
use peerview_sync::protocol::{Msg, decode};
use peerview_sync::{CampaignId, CandidateId, Timestamp};

fn fixture() -> &'static (Campaign, automerge::AutoCommit) {
    static F: OnceLock<(Campaign, automerge::AutoCommit)> = OnceLock::new();
    F.get_or_init(|| {
        let campaign = Campaign {
            id: CampaignId::random(),
            title: "T".into(),
            role: "R".into(),
            instructions: String::new(),
            practice: None,
            questions: vec![Question {
                id: "intro".parse().expect("id"),
                prompt: "?".into(),
                kind: AnswerKind::Video,
                think_secs: 5,
                answer_limit_secs: 60,
                max_takes: 2,
            }],
            criteria: vec![],
            deadline: Timestamp(i64::MAX / 2),
            created_at: Timestamp(0),
        };
        let doc = SubmissionDoc::create(&campaign.id, &CandidateId::random()).expect("doc").into_automerge();
        (campaign, doc)
    })
}

fuzz_target!(|data: &[u8]| {
    let (campaign, original) = fixture();
    let before = SubmissionDoc::from_automerge(original.clone()).and_then(|d| d.read()).expect("fixture");
    // As a whole protocol frame body, and as one bare sync message.
    let mut messages = vec![data.to_vec()];
    if let Ok(Msg::Round { entries }) = decode(data) {
        messages.extend(entries.into_iter().filter_map(|e| e.message));
    }
    for bytes in messages {
        let Ok(message) = Message::decode(&bytes) else { continue };
        let mut fork = original.clone();
        let mut state = State::new();
        if fork.sync().receive_sync_message(&mut state, message).is_err() {
            continue;
        }
        if let Ok(after) = SubmissionDoc::from_automerge(fork).and_then(|d| d.read()) {
            let _ = check_candidate_submission(campaign, &before, &after, Timestamp(1), Quota::default());
        }
    }
});
