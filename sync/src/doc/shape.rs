//! The shape a document may have when a peer changed it: only the fields its kind knows at the
//! top level, strings of bounded length, a bounded number of entries, nesting and operations.
//! Checked on the employer side after a peer's changes are applied to a copy and before they
//! are kept, so a peer cannot park megabytes in a field Peerview never reads. A refusal names
//! the field.

use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value};

use crate::store::DocKind;

/// Longest string or byte value (a written answer may be long; nothing else comes close).
pub const MAX_STRING_BYTES: usize = 100_000;
/// Map entries and list elements in one document, all levels together.
pub const MAX_ENTRIES: usize = 100_000;
/// Nesting below the root.
pub const MAX_DEPTH: usize = 8;
/// Operations in a document's history (every put, insert and delete ever made).
pub const MAX_OPS: u64 = 500_000;
/// Entries in one list (status events, questions, the fragments of one take: as many as
/// `auth` allows a take).
pub const MAX_LIST: usize = 10_000;

/// What the shape check found wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the {kind} document's field `{path}` {reason}")]
pub struct ShapeError {
    pub kind: DocKind,
    pub path: String,
    pub reason: String,
}

/// The top-level fields of each document kind.
fn root_fields(kind: DocKind) -> &'static [&'static str] {
    match kind {
        DocKind::Campaign => &[
            "schema",
            "kind",
            "id",
            "title",
            "role",
            "instructions",
            "practice",
            "questions",
            "criteria",
            "deadline",
            "created_at",
            "retention_days",
            "blind_review",
            "reviewers_may_message",
            "language",
            "time_zone",
        ],
        DocKind::Roster => &["schema", "kind", "campaign_id", "candidates", "reviewers", "hubs"],
        DocKind::Submission => &[
            "schema",
            "kind",
            "campaign_id",
            "candidate_id",
            "accommodations",
            "answers",
            "events",
            "submitted_at",
            "uploads",
            "messages",
        ],
        DocKind::Reviews => &["schema", "kind", "campaign_id", "candidate_id", "reviews"],
        DocKind::Contact => &["schema", "kind", "campaign_id", "candidate_id", "name", "email"],
        DocKind::Scorecard => {
            &["schema", "kind", "campaign_id", "candidate_id", "reviewer_id", "reviewer_name", "scores", "submitted_at"]
        }
    }
}

/// Check `doc` (a `kind` document) against the limits above.
pub fn check_shape(kind: DocKind, doc: &AutoCommit) -> Result<(), ShapeError> {
    let fail = |path: &str, reason: String| ShapeError { kind, path: path.to_owned(), reason };
    let ops = doc.stats().num_ops;
    if ops > MAX_OPS {
        return Err(fail("(history)", format!("holds {ops} operations, over the {MAX_OPS} allowed")));
    }
    let allowed = root_fields(kind);
    for key in doc.keys(automerge::ROOT) {
        if !allowed.contains(&key.as_str()) {
            return Err(fail(&key, "is not part of this document".into()));
        }
    }
    let mut entries = 0usize;
    walk(doc, &automerge::ROOT, ObjType::Map, "", 0, &mut entries).map_err(|(path, reason)| fail(&path, reason))
}

fn walk(
    doc: &AutoCommit,
    obj: &ObjId,
    ty: ObjType,
    path: &str,
    depth: usize,
    entries: &mut usize,
) -> Result<(), (String, String)> {
    if depth > MAX_DEPTH {
        return Err((path.to_owned(), format!("is nested more than {MAX_DEPTH} levels deep")));
    }
    let child = |name: &str| if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
    let visit = |values: Vec<(Value<'_>, ObjId)>, at: String, entries: &mut usize| -> Result<(), (String, String)> {
        for (value, id) in values {
            *entries += 1;
            if *entries > MAX_ENTRIES {
                return Err((at, format!("brings the document over {MAX_ENTRIES} entries")));
            }
            match value {
                Value::Object(t) => walk(doc, &id, t, &at, depth + 1, entries)?,
                Value::Scalar(s) => {
                    let len = match s.as_ref() {
                        ScalarValue::Str(s) => s.len(),
                        ScalarValue::Bytes(b) | ScalarValue::Unknown { bytes: b, .. } => b.len(),
                        _ => 0,
                    };
                    if len > MAX_STRING_BYTES {
                        return Err((at, format!("holds {len} bytes, over the {MAX_STRING_BYTES} allowed")));
                    }
                }
            }
        }
        Ok(())
    };
    match ty {
        ObjType::Map | ObjType::Table => {
            for key in doc.keys(obj) {
                let values = doc.get_all(obj, key.as_str()).map_err(|e| (child(&key), e.to_string()))?;
                visit(values, child(&key), entries)?;
            }
        }
        ObjType::List => {
            let len = doc.length(obj);
            if len > MAX_LIST {
                return Err((path.to_owned(), format!("has {len} entries, over the {MAX_LIST} allowed")));
            }
            for i in 0..len {
                let values = doc.get_all(obj, i).map_err(|e| (child(&i.to_string()), e.to_string()))?;
                visit(values, format!("{path}[{i}]"), entries)?;
            }
        }
        ObjType::Text => {
            let len = doc.text(obj).map_or(0, |t| t.len());
            if len > MAX_STRING_BYTES {
                return Err((path.to_owned(), format!("holds {len} bytes, over the {MAX_STRING_BYTES} allowed")));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::transaction::Transactable;

    fn submission() -> AutoCommit {
        crate::doc::SubmissionDoc::create(&crate::CampaignId::random(), &crate::CandidateId::random())
            .expect("create")
            .into_automerge()
    }

    #[test]
    fn documents_as_peerview_writes_them_pass() {
        let mut doc = crate::doc::SubmissionDoc::from_automerge(submission()).expect("doc");
        doc.set_answer(
            &"why".parse().expect("id"),
            &crate::doc::Answer::Text(crate::doc::TextAnswer {
                text: "x".repeat(MAX_STRING_BYTES),
                written_at: crate::Timestamp(1),
            }),
        )
        .expect("answer");
        doc.mark_submitted(crate::Timestamp(2), "candidate").expect("submit");
        assert_eq!(check_shape(DocKind::Submission, &doc.into_automerge()), Ok(()));
    }

    #[test]
    fn what_a_peer_may_not_park_in_a_document_is_refused_by_name() {
        type Edit = fn(&mut AutoCommit);
        let cases: Vec<(&str, Edit, &str, &str)> = vec![
            (
                "unknown top-level field",
                |d| {
                    d.put(automerge::ROOT, "colour", "red").expect("put");
                },
                "colour",
                "not part of",
            ),
            (
                "string one byte over",
                |d| {
                    let answers = d.get(automerge::ROOT, "answers").expect("get").expect("answers").1;
                    d.put(&answers, "why", "x".repeat(MAX_STRING_BYTES + 1)).expect("put");
                },
                "answers.why",
                "100001 bytes",
            ),
            (
                "bytes over",
                |d| {
                    d.put(automerge::ROOT, "submitted_at", ScalarValue::Bytes(vec![0; MAX_STRING_BYTES + 1]))
                        .expect("put");
                },
                "submitted_at",
                "bytes",
            ),
            (
                "too deep",
                |d| {
                    let mut obj = d.get(automerge::ROOT, "answers").expect("get").expect("answers").1;
                    for _ in 0..=MAX_DEPTH {
                        obj = d.put_object(&obj, "deeper", ObjType::Map).expect("nest");
                    }
                },
                "answers.deeper",
                "nested",
            ),
            (
                "list too long",
                |d| {
                    let events = d.get(automerge::ROOT, "events").expect("get").expect("events").1;
                    for i in 0..=MAX_LIST {
                        d.insert(&events, i, 1u64).expect("insert");
                    }
                },
                "events",
                "10001 entries",
            ),
        ];
        for (name, edit, path, why) in cases {
            let mut doc = submission();
            edit(&mut doc);
            let err = check_shape(DocKind::Submission, &doc).expect_err(name);
            assert!(err.path.starts_with(path) && err.reason.contains(why), "{name}: {err}");
        }
    }
}
