//! Concurrent edits from two replicas of the same documents merge as users expect: nothing one
//! side wrote is lost, and both sides end up reading the same thing.

use automerge::AutoCommit;
use peerview_sync::{
    Answer, AnswerKind, Campaign, CampaignDoc, CampaignId, CandidateId, EventKind, MediaKind, Overrides, Question,
    ReviewComment, ReviewDecision, ReviewerId, ReviewsDoc, StatusEvent, SubmissionDoc, Take, Timestamp, Verdict,
};

fn fork(doc: &mut AutoCommit) -> AutoCommit {
    doc.fork()
}

fn merge_both_ways(a: &mut AutoCommit, b: &mut AutoCommit) {
    a.merge(b).expect("merge into a");
    b.merge(a).expect("merge into b");
}

#[test]
fn candidate_answer_and_employer_status_at_the_same_time() {
    let (campaign, candidate) = (CampaignId::random(), CandidateId::random());
    let mut employer = SubmissionDoc::create(&campaign, &candidate).expect("create");
    let mut on_candidate = SubmissionDoc::from_automerge(fork(employer.automerge_mut())).expect("fork");

    let take = Take {
        hash: blake3::hash(b"take").to_hex().to_string(),
        size_bytes: 4,
        duration_ms: 30_000,
        media: MediaKind::Video,
        recorded_at: Timestamp(100),
        take_number: 2,
    };
    let q = "intro".parse().expect("id");
    on_candidate.set_answer(&q, &Answer::Recording(take.clone())).expect("answer");
    on_candidate
        .push_event(&StatusEvent {
            kind: EventKind::Recorded { question: q.clone() },
            by: "candidate".into(),
            at: Timestamp(101),
        })
        .expect("event");
    let extra = Overrides { extension_secs: 86_400, extra_time_percent: 25, extra_takes: 1 };
    employer.set_accommodations(&extra).expect("accommodations");
    employer
        .push_event(&StatusEvent { kind: EventKind::Viewed, by: "employer".into(), at: Timestamp(102) })
        .expect("event");

    merge_both_ways(employer.automerge_mut(), on_candidate.automerge_mut());
    let (a, b) = (employer.read().expect("read"), on_candidate.read().expect("read"));
    assert_eq!(a, b, "replicas converge");
    assert_eq!(a.answers.get(&q), Some(&Answer::Recording(take)));
    assert_eq!(a.accommodations, extra);
    assert_eq!(a.events.len(), 2, "both events kept: {:?}", a.events);
}

#[test]
fn reviewer_comment_and_another_reviewers_decision_at_the_same_time() {
    let mut office = ReviewsDoc::create(&CampaignId::random(), &CandidateId::random()).expect("create");
    let mut laptop = ReviewsDoc::from_automerge(fork(office.automerge_mut())).expect("fork");
    let (ann, ben) = (ReviewerId::random(), ReviewerId::random());
    office
        .add_comment(
            &ann,
            "Ann",
            &ReviewComment {
                question: "intro".parse().expect("id"),
                at_ms: 42_000,
                text: "Clear".into(),
                written_at: Timestamp(1),
            },
        )
        .expect("comment");
    laptop
        .set_decision(&ben, "Ben", &ReviewDecision { verdict: Verdict::Advance, note: None, decided_at: Timestamp(2) })
        .expect("decision");
    laptop
        .add_comment(
            &ben,
            "Ben",
            &ReviewComment {
                question: "intro".parse().expect("id"),
                at_ms: 5_000,
                text: "Nervous start".into(),
                written_at: Timestamp(3),
            },
        )
        .expect("comment");
    merge_both_ways(office.automerge_mut(), laptop.automerge_mut());
    let merged = office.read().expect("read");
    assert_eq!(merged, laptop.read().expect("read"));
    assert_eq!(merged.by_reviewer[&ann].comments.len(), 1);
    assert_eq!(merged.by_reviewer[&ben].comments.len(), 1);
    assert_eq!(merged.by_reviewer[&ben].decision.as_ref().map(|d| d.verdict), Some(Verdict::Advance));
}

#[test]
fn two_employer_nodes_edit_different_fields_of_a_campaign() {
    let campaign = Campaign {
        id: CampaignId::random(),
        title: "Support lead".into(),
        role: "Customer support lead".into(),
        instructions: "Relax.".into(),
        practice: None,
        questions: vec![Question {
            id: "why".parse().expect("id"),
            prompt: "Why us?".into(),
            kind: AnswerKind::Audio,
            think_secs: 10,
            answer_limit_secs: 60,
            max_takes: 1,
        }],
        criteria: vec!["Empathy".into()],
        deadline: Timestamp(5_000),
        created_at: Timestamp(1),
        retention_days: None,
        blind_review: false,
        reviewers_may_message: false,
        language: None,
        time_zone: None,
    };
    let mut office = CampaignDoc::create(&campaign).expect("create");
    let mut laptop = CampaignDoc::from_automerge(fork(office.automerge_mut())).expect("fork");
    let mut on_office = campaign.clone();
    on_office.title = "Support team lead".into();
    office.update(&on_office).expect("update");
    let mut on_laptop = campaign.clone();
    on_laptop.questions[0].prompt = "Why do you want to work with us?".into();
    on_laptop.deadline = Timestamp(9_000);
    laptop.update(&on_laptop).expect("update");
    merge_both_ways(office.automerge_mut(), laptop.automerge_mut());
    let merged = office.read().expect("read");
    assert_eq!(merged, laptop.read().expect("read"));
    assert_eq!(merged.title, "Support team lead");
    assert_eq!(merged.questions[0].prompt, "Why do you want to work with us?");
    assert_eq!(merged.deadline, Timestamp(9_000));
}
